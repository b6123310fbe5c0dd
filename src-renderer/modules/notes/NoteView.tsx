import type { ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBuilding, IconPaperclip, IconUser, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteOut } from '../../../src-shared/contract/notes';
import { useMutate } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { NoteMetaLine } from './NoteBadges';
import { NoteBody } from './NoteBody';
import { NoteFollowUps } from '../followups/NoteFollowUps';

/**
 * A note as read: who, when, how, why, what was said, what is to be followed up, its files and, for a
 * complaint, where it stands.
 */
export function NoteView({ note, actions }: { note: NoteOut; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const detach = useMutate('notes.detachDocument');
  return (
    <Stack gap="md" data-testid="note-view">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <NoteMetaLine note={note} />
          <Title order={2} data-testid="note-title">
            {note.title}
          </Title>
          <Group gap={6}>
            {note.cards.map((card) => (
              <Badge
                key={card.id}
                component={Link}
                to={cardPath(card.type, card.id)}
                variant="outline"
                color="gray"
                size="lg"
                leftSection={card.type === 'person' ? <IconUser size={12} /> : <IconBuilding size={12} />}
                style={{ cursor: 'pointer', textTransform: 'none' }}
                data-testid="note-card-link"
              >
                {card.displayName}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            {note.staff.length > 0 && `${t('notes.fields.staff')}: ${note.staff.map((s) => s.name).join(', ')}`}
            {note.createdBy &&
              `${note.staff.length > 0 ? ' · ' : ''}${t('notes.writtenBy', { name: note.createdBy.name })}, ${formatDateTime(note.createdAt, i18n.language)}`}
          </Text>
        </Stack>
        {actions}
      </Group>
      {note.kind === 'complaint' && (
        <Paper withBorder p="sm" bg="red.0">
          <Stack gap={4}>
            <Text size="sm">
              <b>{t('notes.fields.responsible')}:</b> {note.complaintResponsible?.name ?? t('common.none')}
            </Text>
            {note.complaintResolution && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-resolution">
                <b>{t('notes.fields.resolution')}:</b> {note.complaintResolution}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      {note.bodyHtml && (
        <Paper withBorder p="md">
          <NoteBody html={note.bodyHtml} />
        </Paper>
      )}
      <NoteFollowUps note={note} />
      {note.documents.length > 0 && (
        <Stack gap={4} data-testid="note-files">
          <Text size="sm" fw={500}>
            {t('notes.fields.files')}
          </Text>
          {note.documents.map((doc) => (
            <Group key={doc.id} gap="xs" wrap="nowrap">
              <IconPaperclip size={14} />
              <Anchor component={Link} to={`/documents/${doc.id}`} size="sm">
                {doc.name}
              </Anchor>
              {!note.deleted && (
                <Tooltip label={t('notes.detach')}>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={t('notes.detach')}
                    onClick={() => detach.mutate({ noteId: note.id, documentId: doc.id })}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
