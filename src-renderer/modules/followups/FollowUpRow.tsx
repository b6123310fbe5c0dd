import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarDue, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { FollowUpOut } from '../../../src-shared/contract/followups';
import { formatDateTime, formatIsoDate } from '../../ui/format';
import { notePath } from '../notes/note-paths';
import { useFirmToday } from '../planner/useFirmToday';

const STATUS_COLORS: Record<FollowUpOut['status'], string> = { open: 'blue', done: 'green', cancelled: 'gray' };

/** When it is due, worded against today: overdue in red, today in orange. */
function DueBadge({ followUp, today }: { followUp: FollowUpOut; today: string }) {
  const { t, i18n } = useTranslation();
  const open = followUp.status === 'open';
  const overdue = open && followUp.dueDate < today;
  const isToday = open && followUp.dueDate === today;
  const color = overdue ? 'red' : isToday ? 'orange' : 'gray';
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        variant={overdue || isToday ? 'filled' : 'light'}
        color={color}
        leftSection={<IconCalendarDue size={12} />}
        tt="none"
        data-testid="follow-up-due"
      >
        {isToday ? t('followUps.today') : formatIsoDate(followUp.dueDate, i18n.language)}
        {followUp.dueTime ? ` ${followUp.dueTime}` : ''}
      </Badge>
      {overdue && (
        <Text size="xs" c="red" fw={600}>
          {t('followUps.overdue')}
        </Text>
      )}
    </Group>
  );
}

/**
 * One follow-up: when, what, who, where it stands, and (closed) who closed it with their word. The planner and
 * the note page show it the same way; `actions` (FollowUpActions) sit on the right.
 */
export function FollowUpRow(props: {
  followUp: FollowUpOut;
  /** Also show the note it belongs to (and its cards), as a link: lists outside the note. */
  showNote?: boolean;
  /** The office's today (YYYY-MM-DD); today's date if not given. */
  today?: string;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const { followUp: f } = props;
  const closed = f.status !== 'open';
  const firmToday = useFirmToday();
  const cards = f.cards.map((c) => c.displayName).join(', ');
  return (
    <Paper withBorder p="sm" data-testid="follow-up-row" data-status={f.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <DueBadge followUp={f} today={props.today ?? firmToday} />
            {closed && (
              <Badge variant="light" color={STATUS_COLORS[f.status]} tt="none" data-testid="follow-up-status">
                {t(`followUps.statuses.${f.status}`)}
              </Badge>
            )}
          </Group>
          <Text fw={600} td={f.status === 'cancelled' ? 'line-through' : undefined} c={closed ? 'dimmed' : undefined}>
            {f.description || f.noteTitle}
          </Text>
          {props.showNote && (
            <Text size="sm" truncate>
              <Anchor component={Link} to={notePath(f.noteId, location.pathname + location.search)} inherit>
                {t('followUps.onNote', { title: f.noteTitle })}
              </Anchor>
              {cards && (
                <Text span size="sm" c="dimmed">
                  {' · '}
                  {cards}
                </Text>
              )}
            </Text>
          )}
          <Text size="xs" c="dimmed" data-testid="follow-up-assignees-line">
            {t('followUps.assignedTo', { names: f.assignees.map((a) => a.name).join(', ') })}
          </Text>
          {closed && f.doneAt && (
            <Group gap={4} wrap="nowrap" c="dimmed">
              <IconClock size={12} />
              <Text size="xs">
                {t(f.status === 'done' ? 'followUps.doneBy' : 'followUps.cancelledBy', {
                  name: f.doneBy?.name ?? '',
                  date: formatDateTime(f.doneAt, i18n.language),
                })}
              </Text>
            </Group>
          )}
          {f.doneNote && (
            <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }} data-testid="follow-up-done-note">
              “{f.doneNote}”
            </Text>
          )}
        </Stack>
        {props.actions}
      </Group>
    </Paper>
  );
}
