import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { formatDateTime } from '../../ui/format';
import { CHANNEL_ICONS, STATUS_COLORS } from './note-looks';

type NoteLike = Pick<NoteSummary, 'happenedAt' | 'durationMinutes' | 'channel' | 'reason' | 'complaintStatus'>;

/** When, how long, how and why, and a complaint's state: the line above a note's subject. */
export function NoteMetaLine({ note }: { note: NoteLike }) {
  const { t, i18n } = useTranslation();
  const ChannelIcon = CHANNEL_ICONS[note.channel];
  return (
    <Group gap={8} wrap="wrap">
      <Tooltip label={t(`notes.channels.${note.channel}`)} openDelay={200}>
        <Group gap={4} wrap="nowrap" c="dimmed" aria-label={t(`notes.channels.${note.channel}`)}>
          <ChannelIcon size={16} />
        </Group>
      </Tooltip>
      <Text size="sm" c="dimmed">
        {formatDateTime(note.happenedAt, i18n.language)}
        {note.durationMinutes ? ` · ${t('notes.minutes', { count: note.durationMinutes })}` : ''}
      </Text>
      {note.reason && (
        <Badge variant="light" color="blue" size="sm">
          {note.reason.name}
        </Badge>
      )}
      {note.complaintStatus && <ComplaintBadge status={note.complaintStatus} />}
    </Group>
  );
}

export function ComplaintBadge({ status }: { status: NonNullable<NoteSummary['complaintStatus']> }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size="sm" data-testid="complaint-status">
      {t('notes.kinds.complaint')} · {t(`notes.statuses.${status}`)}
    </Badge>
  );
}
