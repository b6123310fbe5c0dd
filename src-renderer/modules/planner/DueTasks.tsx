import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskSummary } from '../../../src-shared/contract/tasks';
import { useMutate } from '../../app/contract-hooks';
import { CardLinks } from './CardLinks';
import { DueItemActions, toastWhenDone } from './DueItemActions';
import { DueLabel } from './DueLabel';
import { PlannerRow, PlannerSection } from './PlannerSection';
import { shortDate } from './planner-dates';

const PRIORITY_COLORS = { low: 'gray', normal: 'gray', high: 'orange', urgent: 'red' } as const;

/** "Görevler": the user's open tasks due by the day, overdue in red; done, snoozed or given away in place. */
export function DueTasks({ tasks, today }: { tasks: TaskSummary[]; today: string }) {
  const { t } = useTranslation();
  return (
    <PlannerSection
      id="tasks"
      icon={IconChecklist}
      color="teal"
      title={t('planner.sections.tasks')}
      count={tasks.length}
      alert={tasks.some((task) => task.overdue)}
      empty={t('planner.empty.tasks')}
    >
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} today={today} />
      ))}
    </PlannerSection>
  );
}

function TaskItem({ task, today }: { task: TaskSummary; today: string }) {
  const { t, i18n } = useTranslation();
  const setStatus = useMutate('tasks.setStatus');
  const snooze = useMutate('tasks.snooze');
  const reassign = useMutate('tasks.reassign');
  const name = task.title;
  return (
    <PlannerRow
      testId="planner-task"
      actions={
        <DueItemActions
          name={name}
          testId="task-actions"
          today={today}
          assigneeIds={task.assignees.map((a) => a.id)}
          busy={setStatus.isPending || snooze.isPending || reassign.isPending}
          onDone={() =>
            toastWhenDone(
              setStatus.mutateAsync({ id: task.id, status: 'done' }),
              t('planner.actions.doneToast', { name }),
            )
          }
          onSnooze={(dueDate) =>
            toastWhenDone(
              snooze.mutateAsync({ id: task.id, dueDate, dueTime: task.dueTime }),
              t('planner.actions.snoozedToast', { name, date: shortDate(dueDate, i18n.language, today) }),
            )
          }
          onReassign={(assigneeIds) =>
            toastWhenDone(
              reassign.mutateAsync({ id: task.id, assigneeIds }),
              t('planner.actions.reassignedToast', { name }),
            )
          }
        />
      }
    >
      <Group gap={8} wrap="nowrap">
        <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={500} lineClamp={1}>
          {name}
        </Anchor>
        {(task.priority === 'high' || task.priority === 'urgent') && (
          <Badge size="xs" variant="light" color={PRIORITY_COLORS[task.priority]}>
            {t(`planner.priority.${task.priority}`)}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        {task.dueDate && (
          <DueLabel dueDate={task.dueDate} dueTime={task.dueTime} today={today} overdue={task.overdue} />
        )}
        {task.checklistTotal > 0 && (
          <Text size="xs" c="dimmed">
            {t('planner.checklist', { done: task.checklistDone, total: task.checklistTotal })}
          </Text>
        )}
      </Group>
      <CardLinks cards={task.cards} />
    </PlannerRow>
  );
}
