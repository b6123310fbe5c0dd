import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NoteOut } from '../../../src-shared/contract/notes';
import { AddFollowUpDialog } from './AddFollowUpDialog';
import { FollowUpActions } from './FollowUpActions';
import { FollowUpRow } from './FollowUpRow';

/** A note's follow-ups with what can be done to each, and "Takip ekle"; read only while the note is in the bin. */
export function NoteFollowUps({ note }: { note: NoteOut }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  if (note.deleted && note.followUps.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="note-follow-ups">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('followUps.title')}
        </Text>
        {!note.deleted && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
            data-testid="follow-up-add"
          >
            {t('followUps.add')}
          </Button>
        )}
      </Group>
      {note.followUps.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('followUps.none')}
        </Text>
      )}
      {note.followUps.map((f) => (
        <FollowUpRow key={f.id} followUp={f} actions={!note.deleted && <FollowUpActions followUp={f} />} />
      ))}
      {adding && <AddFollowUpDialog noteId={note.id} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
