import { useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskOut } from '../../../src-shared/contract/tasks';
import { useMutate } from '../../app/contract-hooks';

/** The checklist on the task's page: tick a line, add one at the end, remove one. */
export function TaskChecklist({ task }: { task: TaskOut }) {
  const { t } = useTranslation();
  const add = useMutate('tasks.addChecklistItem');
  const change = useMutate('tasks.updateChecklistItem');
  const remove = useMutate('tasks.removeChecklistItem');
  const [text, setText] = useState('');
  // A tick shows at once; main's answer (or its refusal) then replaces it.
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const tick = (id: string, done: boolean) => {
    setTicking((current) => ({ ...current, [id]: done }));
    change.mutate(
      { id, done },
      {
        onSettled: () =>
          setTicking((current) => {
            const { [id]: _settled, ...rest } = current;
            return rest;
          }),
      },
    );
  };
  const editable = !task.deleted;
  const submit = () => {
    const line = text.trim();
    if (!line) return;
    void add
      .mutateAsync({ taskId: task.id, text: line })
      .then(() => setText(''))
      .catch(() => undefined);
  };
  const total = task.checklist.length;
  const done = task.checklist.filter((i) => i.done).length;
  return (
    <Stack gap="xs" data-testid="task-checklist">
      <Group justify="space-between">
        <Title order={4}>{t('tasks.fields.checklist')}</Title>
        {total > 0 && (
          <Text size="sm" c="dimmed">
            {done}/{total}
          </Text>
        )}
      </Group>
      {total > 0 && <Progress value={(done / total) * 100} color={done === total ? 'green' : 'blue'} size="sm" />}
      {total === 0 && (
        <Text size="sm" c="dimmed">
          {t('tasks.page.checklistEmpty')}
        </Text>
      )}
      {task.checklist.map((item) => (
        <Group key={item.id} gap="xs" wrap="nowrap" data-testid="task-checklist-item">
          <Checkbox
            style={{ flex: 1 }}
            label={
              <Text size="sm" td={item.done ? 'line-through' : undefined} c={item.done ? 'dimmed' : undefined}>
                {item.text}
              </Text>
            }
            checked={ticking[item.id] ?? item.done}
            disabled={!editable}
            onChange={(event) => tick(item.id, event.currentTarget.checked)}
          />
          {item.done && item.doneBy && (
            <Text size="xs" c="dimmed">
              {item.doneBy.name}
            </Text>
          )}
          {editable && (
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`${t('tasks.fields.removeLine')}: ${item.text}`}
              onClick={() => remove.mutate({ id: item.id })}
            >
              <IconX size={14} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {editable && (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            size="sm"
            placeholder={t('tasks.fields.checklistPlaceholder')}
            aria-label={t('tasks.fields.checklistPlaceholder')}
            value={text}
            maxLength={500}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit();
              }
            }}
            data-testid="task-checklist-input"
          />
          <Button
            size="sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={submit}
            disabled={!text.trim()}
            loading={add.isPending}
          >
            {t('tasks.fields.addLine')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
