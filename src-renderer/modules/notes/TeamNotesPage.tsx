import { useState } from 'react';
import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconMail, IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { useCall, useMutate } from '../../app/contract-hooks';
import { NoteRow } from './NoteRow';
import { notePath } from './note-paths';

const PAGE = 30;
const HERE = '/notes/team';

/**
 * "Ekibimin notları": what the people a manager manages wrote, or took part in; unread ones first (or only),
 * each marked read by opening it or by hand, and back to unread.
 */
export function TeamNotesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const { data, isLoading, error } = useCall('notes.team', { unreadOnly, limit }, { keepPrevious: true });
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} data-testid="team-notes-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('notes.team.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('notes.team.intro')}
          </Text>
        </Stack>
        <Group gap="sm">
          {data && data.unread > 0 && (
            <Text size="sm" fw={600} c="blue" data-testid="team-unread-count">
              {t('notes.team.unreadCount', { count: data.unread })}
            </Text>
          )}
          <SegmentedControl
            value={unreadOnly ? 'only' : 'first'}
            onChange={(v) => setUnreadOnly(v === 'only')}
            data={[
              { value: 'first', label: t('notes.team.unreadFirst') },
              { value: 'only', label: t('notes.team.unreadOnly') },
            ]}
            data-testid="team-unread-filter"
          />
        </Group>
      </Group>
      {isLoading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && data.notes.length === 0 && (
        <Text c="dimmed">{unreadOnly ? t('notes.team.emptyUnread') : t('notes.team.empty')}</Text>
      )}
      {data?.notes.map((note) => (
        <NoteRow
          key={note.id}
          note={note}
          unread={note.readAt === null}
          extra={[
            note.createdBy ? t('notes.team.writtenBy', { name: note.createdBy.name }) : '',
            note.cards.map((c) => c.displayName).join(', '),
          ]
            .filter(Boolean)
            .join(' · ')}
          onOpen={() => void navigate(notePath(note.id, HERE))}
          aside={<ReadToggle note={note} />}
        />
      ))}
      {data && data.notes.length < data.total && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setLimit((l) => l + PAGE)}>
            {t('notes.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function ReadToggle({ note }: { note: NoteSummary }) {
  const { t } = useTranslation();
  const markRead = useMutate('notes.markRead');
  const unread = note.readAt === null;
  const label = unread ? t('notes.team.markRead') : t('notes.team.markUnread');
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color={unread ? 'blue' : 'gray'}
        aria-label={`${label}: ${note.title}`}
        loading={markRead.isPending}
        onClick={() => markRead.mutate({ id: note.id, read: unread })}
        data-testid="note-read-toggle"
      >
        {unread ? <IconMailOpened size={18} /> : <IconMail size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}
