import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../../src-shared/contract/tasks';
import { useMutate } from '../../app/contract-hooks';
import { shownDay } from './task-dates';

/**
 * Moves a task to a status and says so; completing or cancelling a recurring task also says when it comes round
 * next (main made that occurrence in the same step).
 */
export function useTaskStatus() {
  const { t, i18n } = useTranslation();
  const mutation = useMutate('tasks.setStatus');
  const setStatus = (task: { id: string; title: string }, status: TaskStatus) =>
    mutation
      .mutateAsync({ id: task.id, status })
      .then(({ next }) => {
        notifications.show({
          color: status === 'done' ? 'green' : 'blue',
          message: t('tasks.actions.statusToast', { title: task.title, status: t(`tasks.statuses.${status}`) }),
        });
        if (next?.dueDate) {
          notifications.show({
            color: 'teal',
            message: t('tasks.actions.nextToast', { date: shownDay(next.dueDate, i18n.language) }),
          });
        }
      })
      .catch(() => undefined);
  return { setStatus, isPending: mutation.isPending };
}
