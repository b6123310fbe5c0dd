import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconBuilding, IconNotes, IconPaperclip, IconUser, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskOut } from '../../../src-shared/contract/tasks';
import { useClient, useMutate } from '../../app/contract-hooks';
import { formatDate } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { notePath } from '../notes/note-paths';
import { uploadFile } from '../transfer/transfer-files';
import { updateFrom } from './task-update';

/** What the task is about and what goes with it: its cards, meeting notes and files. */
export function TaskLinks({ task }: { task: TaskOut }) {
  const { t, i18n } = useTranslation();
  const update = useMutate('tasks.update');
  const editable = !task.deleted;
  const here = `/tasks/${task.id}`;
  return (
    <Stack gap="sm" data-testid="task-links">
      <Title order={4}>{t('tasks.page.links')}</Title>
      <Section label={t('tasks.page.cards')} empty={task.cards.length === 0}>
        <Group gap={6}>
          {task.cards.map((card) => (
            <Badge
              key={card.id}
              component={Link}
              to={cardPath(card.type, card.id)}
              variant="light"
              color="blue"
              size="lg"
              leftSection={card.type === 'person' ? <IconUser size={12} /> : <IconBuilding size={12} />}
              style={{ cursor: 'pointer', textTransform: 'none' }}
              data-testid="task-card-link"
            >
              {card.displayName}
            </Badge>
          ))}
        </Group>
      </Section>
      <Section label={t('tasks.page.notes')} empty={task.notes.length === 0 && !editable}>
        {task.notes.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('tasks.page.noLinks')}
          </Text>
        )}
        {task.notes.map((note) => (
          <Group key={note.id} gap="xs" wrap="nowrap">
            <IconNotes size={14} />
            <Anchor component={Link} to={notePath(note.id, here)} size="sm">
              {note.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {formatDate(note.happenedAt, i18n.language)}
            </Text>
            {editable && (
              <Unlink
                onClick={() =>
                  update.mutate(
                    updateFrom(task, { noteIds: task.notes.filter((n) => n.id !== note.id).map((n) => n.id) }),
                  )
                }
              />
            )}
          </Group>
        ))}
        {editable && <NoteLinker task={task} />}
      </Section>
      <Section label={t('tasks.page.documents')} empty={task.documents.length === 0 && !editable}>
        {task.documents.map((doc) => (
          <Group key={doc.id} gap="xs" wrap="nowrap" data-testid="task-document">
            <IconPaperclip size={14} />
            <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
              {doc.name}
            </Anchor>
            {editable && (
              <Unlink
                onClick={() =>
                  update.mutate(
                    updateFrom(task, { documentIds: task.documents.filter((d) => d.id !== doc.id).map((d) => d.id) }),
                  )
                }
              />
            )}
          </Group>
        ))}
        {editable && <Attach taskId={task.id} />}
      </Section>
    </Stack>
  );
}

function Section(props: { label: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {props.label}
      </Text>
      {props.empty ? (
        <Text size="sm" c="dimmed">
          {t('tasks.page.noLinks')}
        </Text>
      ) : (
        props.children
      )}
    </Stack>
  );
}

function Unlink({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('tasks.page.unlink')}>
      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('tasks.page.unlink')} onClick={onClick}>
        <IconX size={14} />
      </ActionIcon>
    </Tooltip>
  );
}

/** Links one of the meeting notes of the task's cards (the notes a task usually comes from). */
function NoteLinker({ task }: { task: TaskOut }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const update = useMutate('tasks.update');
  const cardIds = task.cards.map((c) => c.id);
  // Under notes.list, so a note written meanwhile shows up (note events refresh that key).
  const notes = useQuery({
    queryKey: ['notes.list', 'of-task-cards', cardIds],
    queryFn: async () =>
      (await Promise.all(cardIds.map((cardId) => client.call('notes.list', { cardId, limit: 50 })))).flatMap(
        (r) => r.notes,
      ),
    enabled: cardIds.length > 0,
  });
  const linked = new Set(task.notes.map((n) => n.id));
  const options = [...new Map((notes.data ?? []).filter((n) => !linked.has(n.id)).map((n) => [n.id, n])).values()].map(
    (n) => ({
      value: n.id,
      label: `${n.title} · ${formatDate(n.happenedAt, i18n.language)}`,
    }),
  );
  if (cardIds.length === 0 || options.length === 0) return null;
  return (
    <Select
      size="xs"
      w={320}
      placeholder={t('tasks.page.linkNotePlaceholder')}
      aria-label={t('tasks.page.linkNote')}
      data={options}
      value={null}
      onChange={(id) => id && update.mutate(updateFrom(task, { noteIds: [...linked, id] }))}
      searchable
      data-testid="task-link-note"
    />
  );
}

/** A file picked here becomes a document on the task (uploaded in chunks, then filed). */
function Attach({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const send = async (files: File[]) => {
    setBusy(true);
    for (const file of files) {
      try {
        const uploadId = await uploadFile(client, file, () => undefined);
        await client.call('tasks.attachDocument', { taskId, uploadId });
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('tasks.form.fileFailed', { name: file.name, reason: (error as Error).message }),
        });
      }
    }
    setBusy(false);
    void queryClient.invalidateQueries();
  };
  return (
    <Group>
      <FileButton multiple onChange={(files) => void send(files)}>
        {(button) => (
          <Button
            {...button}
            size="compact-sm"
            variant="light"
            leftSection={<IconPaperclip size={14} />}
            loading={busy}
            data-testid="task-attach"
          >
            {t('tasks.page.attach')}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
