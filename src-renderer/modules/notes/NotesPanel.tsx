import { useEffect, useState } from 'react';
import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';
import { cardPath } from '../cards/card-paths';
import { NoteEditor } from './NoteEditor';
import { NoteRow } from './NoteRow';
import { notePath } from './note-paths';

const PAGE = 30;

/**
 * The card's "Notlar" tab: its meeting notes and complaints, newest first.
 * "Not ekle" in the card's header lands here with ?new=1 and opens the editor.
 */
export function NotesPanel({
  card,
  readOnly,
}: {
  card: { id: string; type: CardType; displayName: string };
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [limit, setLimit] = useState(PAGE);
  const [writing, setWriting] = useState(false);
  const { data, isLoading, error } = useCall('notes.list', { cardId: card.id, limit }, { keepPrevious: true });

  const asked = params.get('new') === '1';
  useEffect(() => {
    if (!asked) return;
    if (!readOnly) setWriting(true);
    // Once opened the request is spent: reload or back must not open a second editor.
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('new');
        return next;
      },
      { replace: true },
    );
  }, [asked, readOnly, setParams]);

  const here = cardPath(card.type, card.id) + '?tab=notes';
  return (
    <Stack gap="sm" data-testid="notes-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {data ? t('common.records', { count: data.total }) : ''}
        </Text>
        {!readOnly && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setWriting(true)} data-testid="new-note">
            {t('notes.newNote')}
          </Button>
        )}
      </Group>
      {isLoading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && data.total === 0 && <Text c="dimmed">{t('notes.empty')}</Text>}
      {data?.notes.map((note) => (
        <NoteRow key={note.id} note={note} onOpen={() => void navigate(notePath(note.id, here))} />
      ))}
      {data && data.notes.length < data.total && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setLimit((l) => l + PAGE)}>
            {t('notes.more')}
          </Button>
        </Group>
      )}
      <NoteEditor
        opened={writing}
        onClose={() => setWriting(false)}
        startCard={{ id: card.id, type: card.type, displayName: card.displayName }}
      />
    </Stack>
  );
}
