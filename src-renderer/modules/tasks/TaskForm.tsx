import { useEffect, useState } from 'react';
import {
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { TASK_PRIORITIES, type TaskOut } from '../../../src-shared/contract/tasks';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';
import { NoteCardsPicker, type CardChoice } from '../notes/NoteCardsPicker';
import { ChecklistDraft } from './ChecklistDraft';
import { RecurrencePicker } from './RecurrencePicker';
import { useFirmToday } from '../planner/useFirmToday';
import { shownDay } from './task-dates';
import { formField, newTaskValues, taskResolver, taskValues, toTaskInput, type TaskFormValues } from './task-form';

/** The fields of a task and its save; a due date in the past is asked about before it is sent. */
export function TaskForm(props: {
  task?: TaskOut | undefined;
  startCard?: CardChoice | undefined;
  meId?: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (task: TaskOut) => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useMutate('tasks.create');
  const update = useMutate('tasks.update');
  const users = useCall('users.list', {});
  const today = useFirmToday();
  const { task, startCard } = props;
  const form = useForm<TaskFormValues>({
    defaultValues: task ? taskValues(task) : newTaskValues(props.meId, startCard ? [startCard.id] : []),
    resolver: taskResolver({ needsDate: t('tasks.recurrence.needsDate'), needsRule: t('tasks.fields.customRuleHint') }),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  const [askPast, setAskPast] = useState<TaskFormValues | null>(null);
  const values = form.watch();
  const known: CardChoice[] = task ? task.cards : startCard ? [startCard] : [];

  const send = async (v: TaskFormValues, confirmPast: boolean) => {
    const input = { ...toTaskInput(v, task), confirmPast };
    try {
      const saved = task
        ? await update.mutateAsync({ ...input, id: task.id, expectedUpdatedAt: task.updatedAt })
        : await create.mutateAsync(input);
      notifications.show({ color: 'green', message: t('tasks.form.saved') });
      props.onSaved(saved);
    } catch (error) {
      // The sentence is already shown by the mutation; each field's reason goes under the field.
      if (error instanceof ContractError && error.fields)
        for (const [path, message] of Object.entries(error.fields))
          form.setError(formField(path, v), { type: 'server', message });
    }
  };
  const save = form.handleSubmit(async (v) => {
    // Asked only when the date is new: an overdue task's other fields can be changed without the question.
    const past = v.dueDate && v.dueDate < today && v.dueDate !== (task?.dueDate ?? '');
    if (past) setAskPast(v);
    else await send(v, false);
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void save(event)}
      onKeyDownCapture={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.stopPropagation();
          if (!form.formState.isSubmitting) void save();
        }
      }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('tasks.fields.title')}
          placeholder={t('tasks.fields.titlePlaceholder')}
          withAsterisk
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Textarea
          label={t('tasks.fields.description')}
          placeholder={t('tasks.fields.descriptionPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="assigneeIds"
            render={({ field }) => (
              <MultiSelect
                label={t('tasks.fields.assignees')}
                data={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
                value={field.value}
                onChange={field.onChange}
                searchable
                filter={foldedFilter}
                error={errors.assigneeIds?.message}
                data-testid="task-assignees"
              />
            )}
          />
          <Controller
            control={form.control}
            name="cardIds"
            render={({ field }) => (
              <NoteCardsPicker
                value={field.value}
                onChange={field.onChange}
                known={known}
                error={errors.cardIds?.message}
              />
            )}
          />
        </SimpleGrid>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Controller
            control={form.control}
            name="dueDate"
            render={({ field }) => (
              <DateField
                label={t('tasks.fields.dueDate')}
                value={field.value}
                onChange={field.onChange}
                error={errors.dueDate?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="dueTime"
            render={({ field }) => (
              <TimePicker
                label={t('tasks.fields.dueTime')}
                format="24h"
                w={100}
                clearable
                disabled={!values.dueDate}
                value={field.value}
                onChange={(v) => field.onChange(v.slice(0, 5))}
                error={errors.dueTime?.message}
                data-testid="task-due-time"
              />
            )}
          />
          <Input.Wrapper label={t('tasks.fields.priority')} style={{ flex: 1 }}>
            <div>
              <Controller
                control={form.control}
                name="priority"
                render={({ field }) => (
                  <SegmentedControl
                    fullWidth
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                    data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
                    data-testid="task-priority"
                  />
                )}
              />
            </div>
          </Input.Wrapper>
        </Group>
        <RecurrencePicker
          preset={values.recurrence}
          customRule={values.customRule}
          dueDate={values.dueDate}
          onPreset={(preset) => form.setValue('recurrence', preset, { shouldDirty: true })}
          onCustomRule={(rule) => form.setValue('customRule', rule, { shouldDirty: true })}
          presetError={errors.recurrence?.message}
          ruleError={errors.customRule?.message}
        />
        {!task && (
          <Controller
            control={form.control}
            name="checklist"
            render={({ field }) => (
              <ChecklistDraft lines={field.value} onChange={field.onChange} error={errors.checklist?.message} />
            )}
          />
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('tasks.form.saveHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting} data-testid="task-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={askPast !== null}
        title={t('tasks.form.pastTitle')}
        message={t('tasks.form.pastMessage', { date: askPast ? shownDay(askPast.dueDate, i18n.language) : '' })}
        confirmLabel={t('tasks.form.pastConfirm')}
        onConfirm={() => {
          const v = askPast;
          setAskPast(null);
          if (v) void send(v, true);
        }}
        onClose={() => setAskPast(null)}
      />
    </form>
  );
}
