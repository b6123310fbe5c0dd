import type { ReactNode } from 'react';
import { Box, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { NoteMetaLine } from './NoteBadges';

/**
 * One note in a list: its meta line, subject, the start of its text, who took part; the whole row opens it.
 * Where read state matters (a manager's feed) `unread` marks it with a dot and a bold subject, and `aside`
 * holds the row's own buttons.
 */
export function NoteRow({
  note,
  onOpen,
  extra,
  unread,
  aside,
}: {
  note: NoteSummary;
  onOpen: () => void;
  extra?: string | undefined;
  unread?: boolean;
  aside?: ReactNode;
}) {
  const staff = note.staff.map((s) => s.name).join(', ');
  const weight = unread === undefined ? 600 : unread ? 700 : 400;
  return (
    <Paper withBorder p="sm" data-testid="note-row" data-unread={unread === undefined ? undefined : String(unread)}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }} aria-label={note.title}>
          <Stack gap={4}>
            <NoteMetaLine note={note} />
            <Group gap="xs" wrap="nowrap">
              {unread && (
                <Box
                  w={9}
                  h={9}
                  bg="blue.6"
                  style={{ borderRadius: '50%', flex: 'none' }}
                  data-testid="note-unread-dot"
                />
              )}
              <Text fw={weight} truncate>
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
        {aside}
      </Group>
    </Paper>
  );
}
