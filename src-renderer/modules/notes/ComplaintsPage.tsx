import { useState } from 'react';
import { Center, Group, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { COMPLAINT_STATUSES, type NoteSummary } from '../../../src-shared/contract/notes';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { useCall } from '../../app/contract-hooks';
import { NoteRow } from './NoteRow';
import { notePath } from './note-paths';

type Filter = 'active' | (typeof COMPLAINT_STATUSES)[number];
const LIMIT = 500;

/** Complaints across all cards: by default the ones still to be dealt with (open and in progress). */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('active');
  const [text, setText] = useState('');
  const open = useCall(
    'notes.list',
    { kind: 'complaint', complaintStatus: 'open', limit: LIMIT },
    {
      enabled: filter === 'active' || filter === 'open',
    },
  );
  const working = useCall(
    'notes.list',
    { kind: 'complaint', complaintStatus: 'in_progress', limit: LIMIT },
    {
      enabled: filter === 'active' || filter === 'in_progress',
    },
  );
  const resolved = useCall(
    'notes.list',
    { kind: 'complaint', complaintStatus: 'resolved', limit: LIMIT },
    {
      enabled: filter === 'resolved',
    },
  );
  const sources = filter === 'active' ? [open, working] : [{ open, in_progress: working, resolved }[filter]];
  const loading = sources.some((s) => s.isLoading);
  const error = sources.find((s) => s.error)?.error;
  const needle = foldForSearch(text).trim();
  const matches = (n: NoteSummary) =>
    !needle || foldForSearch([n.title, ...n.cards.map((c) => c.displayName)].join(' ')).includes(needle);
  // Newest first, as each list comes; two lists are merged by when the complaint was made.
  const notes = sources
    .flatMap((s) => s.data?.notes ?? [])
    .filter(matches)
    .sort((a, b) => b.happenedAt.localeCompare(a.happenedAt));

  return (
    <Stack gap="md" style={{ overflow: 'auto' }} data-testid="complaints-page">
      <Title order={2}>{t('notes.complaints.title')}</Title>
      <Group gap="sm">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'active', label: t('notes.complaints.active') },
            ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(`notes.statuses.${s}`) })),
          ]}
        />
        <TextInput
          placeholder={t('notes.complaints.filterText')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={320}
        />
        <Text size="sm" c="dimmed">
          {t('common.records', { count: notes.length })}
        </Text>
      </Group>
      {loading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {!loading && !error && notes.length === 0 && <Text c="dimmed">{t('notes.complaints.empty')}</Text>}
      {notes.map((note) => (
        <NoteRow
          key={note.id}
          note={note}
          extra={note.cards.map((c) => c.displayName).join(', ')}
          onOpen={() => void navigate(notePath(note.id, '/complaints'))}
        />
      ))}
    </Stack>
  );
}
