import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { NoteMetaLine } from './NoteBadges';

/** One note in a list: its meta line, subject, the start of its text, who took part; the whole row opens it. */
export function NoteRow({ note, onOpen, extra }: { note: NoteSummary; onOpen: () => void; extra?: string }) {
  const staff = note.staff.map((s) => s.name).join(', ');
  return (
    <Paper withBorder p="sm" data-testid="note-row">
      <UnstyledButton onClick={onOpen} w="100%" aria-label={note.title}>
        <Stack gap={4}>
          <NoteMetaLine note={note} />
          <Group gap="xs" wrap="nowrap">
            <Text fw={600} truncate>
              {note.title}
            </Text>
            {note.documents.length > 0 && (
              <Group gap={2} c="dimmed" wrap="nowrap">
                <IconPaperclip size={14} />
                <Text size="xs">{note.documents.length}</Text>
              </Group>
            )}
          </Group>
          {note.excerpt && (
            <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
              {note.excerpt}
            </Text>
          )}
          {(staff || extra) && (
            <Text size="xs" c="dimmed" truncate>
              {[extra, staff].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}
