import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TASK_STATUSES, type TaskOut, type TaskStatus } from '../../../src-shared/contract/tasks';
import { useCall, useMutate } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { showUndoNotice } from '../../ui/undo-notice';
import { TaskActions } from './TaskActions';
import { DueText, PriorityBadge, RecurringMark } from './TaskBits';
import { TaskChecklist } from './TaskChecklist';
import { TaskComments } from './TaskComments';
import { TaskEditor } from './TaskEditor';
import { TaskLinks } from './TaskLinks';
import { shownDay } from './task-dates';
import { STATUS_COLORS } from './task-looks';
import { useTaskStatus } from './use-task-status';

/** One task on its own page (from the task list, a card's Görevler tab, the planner, search or a notification). */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // Only paths inside the app are followed back: the address is typed by anyone.
  const from = params.get('from')?.startsWith('/') ? params.get('from')! : null;
  const { data: task, error, isLoading } = useCall('tasks.get', { id });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Anchor component={Link} to={from ?? '/tasks'} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {from && !from.startsWith('/tasks') ? t('tasks.backToCard') : t('tasks.backToList')}
        </Group>
      </Anchor>
      {(error || !task) && <Alert color="orange">{error?.message ?? t('tasks.missing')}</Alert>}
      {task && <TaskScreen key={task.id} task={task} from={from} />}
    </Stack>
  );
}

function TaskScreen({ task, from }: { task: TaskOut; from: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const remove = useMutate('tasks.delete');
  const restore = useMutate('tasks.restore');
  const { setStatus, isPending } = useTaskStatus();

  const doRestore = async () => {
    await restore.mutateAsync({ id: task.id });
    notifications.show({ color: 'green', message: t('tasks.page.restoredToast', { title: task.title }) });
  };
  // No "are you sure?": the bin keeps it and the notice offers the way back for ten seconds.
  const doDelete = async () => {
    await remove.mutateAsync({ id: task.id });
    showUndoNotice(t('tasks.page.deletedToast', { title: task.title }), t('common.undo'), doRestore);
    void navigate(from ?? '/tasks');
  };

  return (
    <Stack gap="md" data-testid="task-page">
      {task.deleted && (
        <Alert color="orange" variant="light" title={t('tasks.page.inBin')}>
          <Button
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => void doRestore().catch(() => undefined)}
            loading={restore.isPending}
          >
            {t('common.restore')}
          </Button>
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <PriorityBadge priority={task.priority} always />
            <DueText task={task} size="sm" />
            <RecurringMark rrule={task.rrule} />
          </Group>
          <Title order={2} data-testid="task-title">
            {task.title}
          </Title>
          <Text size="sm" c="dimmed">
            {task.assignees.length > 0
              ? `${t('tasks.fields.assignees')}: ${task.assignees.map((a) => a.name).join(', ')}`
              : t('tasks.row.nobody')}
          </Text>
        </Stack>
        {!task.deleted && (
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={() => setEditing(true)}
              data-testid="task-edit"
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void doDelete().catch(() => undefined)}
              loading={remove.isPending}
              data-testid="task-delete"
            >
              {t('common.delete')}
            </Button>
            <TaskActions task={task} />
          </Group>
        )}
      </Group>
      {!task.deleted && (
        <SegmentedControl
          value={task.status}
          onChange={(status) => void setStatus(task, status as TaskStatus)}
          disabled={isPending}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) }))}
          color={STATUS_COLORS[task.status]}
          aria-label={t('tasks.actions.status')}
          data-testid="task-status-buttons"
        />
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={4}>{t('tasks.page.details')}</Title>
                <Text
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap' }}
                  c={task.description ? undefined : 'dimmed'}
                  data-testid="task-description"
                >
                  {task.description || t('tasks.page.noDescription')}
                </Text>
                {task.rrule && (
                  <Text size="sm" c="dimmed" data-testid="task-next-dates">
                    {t('tasks.recurrence.summary', { rule: task.rrule })}
                    {task.nextOccurrences.length > 0 &&
                      ` · ${t('tasks.recurrence.next', {
                        dates: task.nextOccurrences.map((d) => shownDay(d, i18n.language, true)).join(', '),
                      })}`}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {task.createdBy &&
                    t('tasks.page.createdBy', {
                      name: task.createdBy.name,
                      date: formatDateTime(task.createdAt, i18n.language),
                    })}
                  {task.completedBy &&
                    task.completedAt &&
                    ` · ${t('tasks.page.completedBy', { name: task.completedBy.name, date: formatDateTime(task.completedAt, i18n.language) })}`}
                </Text>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <TaskChecklist task={task} />
            </Paper>
            <Paper withBorder p="md">
              <TaskComments task={task} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <TaskLinks task={task} />
          </Paper>
        </Grid.Col>
      </Grid>
      <TaskEditor opened={editing} onClose={() => setEditing(false)} task={task} />
    </Stack>
  );
}
