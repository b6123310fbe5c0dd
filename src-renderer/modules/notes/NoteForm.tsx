import { useEffect, useState } from 'react';
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Input,
} from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { COMPLAINT_STATUSES, type NoteOut } from '../../../src-shared/contract/notes';
import { useCall, useClient, useMutate } from '../../app/contract-hooks';
import { DateField } from '../../ui/DateField';
import { foldedFilter } from '../../ui/folded-filter';
import { uploadFile } from '../transfer/transfer-files';
import { NoteCardsPicker, type CardChoice } from './NoteCardsPicker';
import { ChannelSelect, DurationField, QueuedFiles } from './note-form-parts';
import {
  formField,
  newNoteValues,
  noteResolver,
  noteValues,
  toNoteCreateInput,
  toNoteInput,
  type NoteFormValues,
} from './note-form';
import { RichTextField } from './RichTextField';
import { FollowUpSection } from './FollowUpSection';
import { PastDateConfirm } from '../followups/follow-up-dialogs';
import { isPastDate } from '../followups/follow-up-dates';
import { useFirmToday } from '../planner/useFirmToday';

/** The fields of a note and its save: the note first, then the chosen files one by one. */
export function NoteForm(props: {
  note?: NoteOut | undefined;
  startCard?: CardChoice | undefined;
  meId?: string | undefined;
  onDirtyChange: (dirty: boolean) => void;
  onCancel: () => void;
  onSaved: (note: NoteOut) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const create = useMutate('notes.create');
  const update = useMutate('notes.update');
  const users = useCall('users.list', {});
  const reasons = useCall('notes.reasons', {});
  const today = useFirmToday();
  const [files, setFiles] = useState<File[]>([]);
  const [attaching, setAttaching] = useState(false);
  // A new note whose follow-up date is past waits here for the user's yes.
  const [askingPast, setAskingPast] = useState<NoteFormValues | null>(null);
  const { note, startCard } = props;
  const form = useForm<NoteFormValues>({
    defaultValues: note ? noteValues(note, props.meId) : newNoteValues(startCard ? [startCard.id] : [], props.meId),
    resolver: noteResolver({
      needsSomeone: t('notes.needsSomeone'),
      needsResponsible: t('notes.needsResponsible'),
      needsResolution: t('notes.needsResolution'),
      dueDateMissing: t('followUps.fields.dueDateMissing'),
    }),
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange(isDirty || files.length > 0), [isDirty, files.length, onDirtyChange]);
  const isComplaint = form.watch('isComplaint');
  const status = form.watch('complaintStatus');

  const userOptions = (users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }));
  const currentReason = note?.reason?.id;
  const reasonOptions = (reasons.data?.reasons ?? [])
    .filter((r) => !r.archived || r.id === currentReason)
    .map((r) => ({ value: r.id, label: r.name }));
  const known: CardChoice[] = note ? note.cards : startCard ? [startCard] : [];

  const attachFiles = async (noteId: string) => {
    setAttaching(true);
    for (const file of files) {
      try {
        const uploadId = await uploadFile(client, file, () => undefined);
        await client.call('notes.attachDocument', { noteId, uploadId });
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('notes.fileFailed', { name: file.name, reason: (error as Error).message }),
          autoClose: 10_000,
        });
      }
    }
    setAttaching(false);
  };

  const write = async (values: NoteFormValues, confirmPast: boolean) => {
    try {
      const saved = note
        ? await update.mutateAsync({ ...toNoteInput(values), id: note.id, expectedUpdatedAt: note.updatedAt })
        : await create.mutateAsync(toNoteCreateInput(values, confirmPast));
      if (files.length > 0) await attachFiles(saved.id);
      notifications.show({ color: 'green', message: t('notes.saved') });
      props.onSaved(saved);
    } catch (error) {
      // The sentence is already shown by the mutation; each field's reason goes under the field.
      if (error instanceof ContractError && error.fields)
        for (const [path, message] of Object.entries(error.fields))
          form.setError(formField(path), { type: 'server', message });
    }
  };
  const save = form.handleSubmit(async (values) => {
    if (!note && values.followUpOn && isPastDate(values.followUp.dueDate, today)) return setAskingPast(values);
    await write(values, false);
  });
  const confirmPast = async () => {
    const values = askingPast;
    setAskingPast(null);
    if (values) await write(values, true);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => void save(event)}
      // Capture: the editor would otherwise take Ctrl+Enter as a line break.
      onKeyDownCapture={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.stopPropagation();
          // The save button is disabled while saving; the shortcut must not save a second copy either.
          if (form.formState.isSubmitting || attaching) return;
          void save();
        }
      }}
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label={t('notes.fields.title')}
          placeholder={t('notes.fields.titlePlaceholder')}
          withAsterisk
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <SimpleGrid cols={2}>
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
          <Controller
            control={form.control}
            name="staffIds"
            render={({ field }) => (
              <MultiSelect
                label={t('notes.fields.staff')}
                data={userOptions}
                value={field.value}
                onChange={field.onChange}
                searchable
                filter={foldedFilter}
                error={errors.staffIds?.message}
                data-testid="note-staff"
              />
            )}
          />
        </SimpleGrid>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateField
                label={t('notes.fields.date')}
                value={field.value}
                onChange={field.onChange}
                error={errors.date?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="time"
            render={({ field }) => (
              <TimePicker
                label={t('notes.fields.time')}
                format="24h"
                w={100}
                // The picker may answer with seconds; the note keeps minutes.
                value={field.value}
                onChange={(v) => field.onChange(v.slice(0, 5))}
                error={errors.time?.message}
                data-testid="note-time"
              />
            )}
          />
          <Controller
            control={form.control}
            name="durationMinutes"
            render={({ field }) => (
              <DurationField value={field.value} onChange={field.onChange} error={errors.durationMinutes?.message} />
            )}
          />
        </Group>
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="channel"
            render={({ field }) => <ChannelSelect value={field.value} onChange={field.onChange} />}
          />
          <Controller
            control={form.control}
            name="reasonId"
            render={({ field }) => (
              <Select
                label={t('notes.fields.reason')}
                placeholder={t('notes.fields.reasonNone')}
                data={reasonOptions}
                value={field.value}
                onChange={field.onChange}
                clearable
                searchable
                filter={foldedFilter}
                error={errors.reasonId?.message}
                data-testid="note-reason"
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="bodyHtml"
          render={({ field }) => (
            <RichTextField
              label={t('notes.fields.body')}
              placeholder={t('notes.fields.bodyPlaceholder')}
              initialHtml={field.value}
              onChange={(html) => form.setValue('bodyHtml', html, { shouldDirty: true })}
              error={errors.bodyHtml?.message}
            />
          )}
        />
        <QueuedFiles files={files} onChange={setFiles} busy={attaching} />
        <Paper withBorder p="sm" bg={isComplaint ? 'red.0' : undefined}>
          <Stack gap="sm">
            <Switch
              label={t('notes.fields.complaint')}
              color="red"
              {...form.register('isComplaint')}
              data-testid="note-complaint"
            />
            {isComplaint && (
              <>
                <Group align="flex-start" gap="md">
                  <Input.Wrapper label={t('notes.fields.status')}>
                    <div>
                      <Controller
                        control={form.control}
                        name="complaintStatus"
                        render={({ field }) => (
                          <SegmentedControl
                            value={field.value}
                            onChange={(v) => field.onChange(v)}
                            data={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) }))}
                            data-testid="note-status"
                          />
                        )}
                      />
                    </div>
                  </Input.Wrapper>
                  <Controller
                    control={form.control}
                    name="complaintResponsibleId"
                    render={({ field }) => (
                      <Select
                        label={t('notes.fields.responsible')}
                        placeholder={t('notes.fields.responsibleNone')}
                        withAsterisk
                        data={userOptions}
                        value={field.value}
                        onChange={field.onChange}
                        searchable
                        filter={foldedFilter}
                        error={errors.complaintResponsibleId?.message}
                        style={{ flex: 1 }}
                      />
                    )}
                  />
                </Group>
                <Textarea
                  label={t('notes.fields.resolution')}
                  placeholder={t('notes.fields.resolutionPlaceholder')}
                  withAsterisk={status === 'resolved'}
                  autosize
                  minRows={2}
                  maxRows={8}
                  error={errors.complaintResolution?.message}
                  {...form.register('complaintResolution')}
                />
              </>
            )}
          </Stack>
        </Paper>
        {!note && <FollowUpSection control={form.control} errors={errors.followUp} />}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('notes.saveHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting || attaching} data-testid="note-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <PastDateConfirm
        opened={askingPast !== null}
        onConfirm={() => void confirmPast()}
        onClose={() => setAskingPast(null)}
      />
    </form>
  );
}
