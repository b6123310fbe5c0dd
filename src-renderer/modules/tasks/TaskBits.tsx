import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCalendarDue, IconListCheck, IconMessage, IconRepeat, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../src-shared/contract/tasks';
import { PRIORITY_COLORS, STATUS_COLORS } from './task-looks';
import { shownDay } from './task-dates';

/** The due day and time, red with "Gecikti" once the day has passed and the task is still open. */
export function DueText({
  task,
  size = 'xs',
}: {
  task: Pick<TaskSummary, 'dueDate' | 'dueTime' | 'overdue'>;
  size?: 'xs' | 'sm';
}) {
  const { t, i18n } = useTranslation();
  if (!task.dueDate) {
    return (
      <Text size={size} c="dimmed">
        {t('tasks.row.noDue')}
      </Text>
    );
  }
  return (
    <Group
      gap={4}
      wrap="nowrap"
      c={task.overdue ? 'red.7' : 'dimmed'}
      data-testid="task-due"
      data-overdue={task.overdue}
    >
      <IconCalendarDue size={14} aria-label={t('tasks.row.due')} />
      <Text size={size} c="inherit" fw={task.overdue ? 600 : undefined}>
        {shownDay(task.dueDate, i18n.language, true)}
        {task.dueTime ? ` ${task.dueTime}` : ''}
        {task.overdue ? ` · ${t('tasks.row.overdue')}` : ''}
      </Text>
    </Group>
  );
}

export function StatusBadge({ status }: { status: TaskSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size="sm" data-testid="task-status">
      {t(`tasks.statuses.${status}`)}
    </Badge>
  );
}

/** Only what stands out: high and urgent; low and normal are the quiet default. */
export function PriorityBadge({ priority, always = false }: { priority: TaskSummary['priority']; always?: boolean }) {
  const { t } = useTranslation();
  if (!always && (priority === 'low' || priority === 'normal')) return null;
  return (
    <Badge variant={priority === 'urgent' ? 'filled' : 'light'} color={PRIORITY_COLORS[priority]} size="sm">
      {t(`tasks.priorities.${priority}`)}
    </Badge>
  );
}

export function RecurringMark({ rrule }: { rrule: string | null }) {
  const { t } = useTranslation();
  if (!rrule) return null;
  return (
    <Tooltip label={t('tasks.recurrence.summary', { rule: rrule })}>
      <IconRepeat size={14} aria-label={t('tasks.row.recurring')} style={{ flexShrink: 0 }} />
    </Tooltip>
  );
}

/** Who does it, how far the checklist is, how many comments: the row's second line. */
export function TaskFacts({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap={4} wrap="nowrap" c="dimmed" style={{ minWidth: 0 }}>
        <IconUsers size={14} style={{ flexShrink: 0 }} />
        <Text size="xs" c="inherit" truncate>
          {task.assignees.length > 0 ? task.assignees.map((a) => a.name).join(', ') : t('tasks.row.nobody')}
        </Text>
      </Group>
      {task.checklistTotal > 0 && (
        <Tooltip label={t('tasks.row.checklist', { done: task.checklistDone, total: task.checklistTotal })}>
          <Group
            gap={4}
            wrap="nowrap"
            c={task.checklistDone === task.checklistTotal ? 'green.7' : 'dimmed'}
            data-testid="task-checklist-progress"
          >
            <IconListCheck size={14} />
            <Text size="xs" c="inherit">
              {task.checklistDone}/{task.checklistTotal}
            </Text>
          </Group>
        </Tooltip>
      )}
      {task.commentCount > 0 && (
        <Group gap={4} wrap="nowrap" c="dimmed" aria-label={t('tasks.row.comments', { count: task.commentCount })}>
          <IconMessage size={14} />
          <Text size="xs" c="inherit">
            {task.commentCount}
          </Text>
        </Group>
      )}
    </>
  );
}
