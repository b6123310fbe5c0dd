import { useState } from 'react';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCheck, IconDots, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskSummary } from '../../../src-shared/contract/tasks';
import { useMutate } from '../../app/contract-hooks';
import { ReassignDialog, SnoozeDialog } from './task-dialogs';
import { useFirmToday } from '../planner/useFirmToday';
import { nextMondayOf, shownDay, tomorrowOf } from './task-dates';
import { useTaskStatus } from './use-task-status';

export type TaskActionsTask = Pick<TaskSummary, 'id' | 'title' | 'status' | 'dueTime' | 'assignees'>;

/**
 * A task's small action menu (also the keyboard's way to move a card on the board): change the status, snooze
 * to tomorrow, next Monday or a chosen day (keeping the time of day), give it to someone else. Each change is
 * saved at once and confirmed with a toast.
 */
export function TaskActions({ task, size = 'md' }: { task: TaskActionsTask; size?: 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const { setStatus, isPending } = useTaskStatus();
  const snooze = useMutate('tasks.snooze');
  const reassign = useMutate('tasks.reassign');
  const [dialog, setDialog] = useState<'snooze' | 'reassign' | null>(null);
  const today = useFirmToday();

  const snoozeTo = (dueDate: string) => {
    setDialog(null);
    void snooze
      .mutateAsync({ id: task.id, dueDate, dueTime: task.dueTime })
      .then(() =>
        notifications.show({
          color: 'blue',
          message: t('tasks.actions.snoozedToast', { title: task.title, date: shownDay(dueDate, i18n.language) }),
        }),
      )
      .catch(() => undefined);
  };
  const handOver = (assigneeIds: string[]) => {
    setDialog(null);
    void reassign
      .mutateAsync({ id: task.id, assigneeIds })
      .then(() =>
        notifications.show({ color: 'blue', message: t('tasks.actions.reassignedToast', { title: task.title }) }),
      )
      .catch(() => undefined);
  };
  const quick = [
    { label: t('tasks.actions.tomorrow'), date: tomorrowOf(today) },
    { label: t('tasks.actions.nextWeek'), date: nextMondayOf(today) },
  ];

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={size}
            aria-label={`${t('tasks.actions.menu')}: ${task.title}`}
            loading={isPending || snooze.isPending || reassign.isPending}
            data-testid="task-actions"
            // The menu sits on rows and board cards that open the task when clicked.
            onClick={(event) => event.stopPropagation()}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
          <Menu.Label>{t('tasks.actions.status')}</Menu.Label>
          {TASK_STATUSES.map((status) => (
            <Menu.Item
              key={status}
              disabled={status === task.status}
              leftSection={status === task.status ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
              onClick={() => void setStatus(task, status)}
              data-testid={`task-status-${status}`}
            >
              {t(`tasks.statuses.${status}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Label>{t('tasks.actions.snooze')}</Menu.Label>
          {quick.map((q) => (
            <Menu.Item
              key={q.label}
              onClick={() => snoozeTo(q.date)}
              rightSection={
                <Text size="xs" c="dimmed">
                  {shownDay(q.date, i18n.language)}
                </Text>
              }
            >
              {q.label}
            </Menu.Item>
          ))}
          <Menu.Item leftSection={<IconCalendarEvent size={14} />} onClick={() => setDialog('snooze')}>
            {t('tasks.actions.pickDate')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconUserShare size={14} />} onClick={() => setDialog('reassign')}>
            {t('tasks.actions.reassign')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SnoozeDialog opened={dialog === 'snooze'} today={today} onPick={snoozeTo} onClose={() => setDialog(null)} />
      {dialog === 'reassign' && (
        <ReassignDialog
          opened
          current={task.assignees.map((a) => a.id)}
          onSave={handOver}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
