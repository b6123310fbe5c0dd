import { useState } from 'react';
import { Button, Center, Group, Loader, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLayoutKanban, IconList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { TASK_VIEWS, type TaskStatus } from '../../../src-shared/contract/tasks';
import { useCall } from '../../app/contract-hooks';
import { TaskBoard } from './TaskBoard';
import { TaskEditor } from './TaskEditor';
import { TaskRow } from './TaskRow';
import { BOARD_STATUSES, OPEN_STATUSES } from './task-looks';
import { taskPath } from './task-paths';

type View = (typeof TASK_VIEWS)[number];
const PAGE = 50;
/** The board shows every task of the view at once: columns are not paged. */
const BOARD_LIMIT = 500;

/**
 * "Görevler": mine, my team's, the overdue ones or all, as a list (open ones by due date) or as a board by
 * status. View and layout live in the address, so back/forward and reload keep them.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = (TASK_VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as View)
    : 'mine';
  const board = params.get('layout') === 'board';
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const [showClosed, setShowClosed] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [writing, setWriting] = useState(false);
  const statuses: TaskStatus[] | undefined = board ? [...BOARD_STATUSES] : showClosed ? undefined : [...OPEN_STATUSES];
  const { data, isLoading, error } = useCall(
    'tasks.list',
    { view, query: query || undefined, statuses, limit: board ? BOARD_LIMIT : limit },
    { keepPrevious: true },
  );
  const setParam = (key: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const here = `/tasks${params.toString() ? `?${params.toString()}` : ''}`;
  const open = (id: string) => void navigate(taskPath(id, here));

  return (
    <Stack gap="md" h="100%" style={{ minHeight: 0 }}>
      <Group justify="space-between">
        <Title order={2}>{t('tasks.title')}</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setWriting(true)} data-testid="new-task">
          {t('tasks.newTask')}
        </Button>
      </Group>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <SegmentedControl
            value={view}
            onChange={(v) => {
              setLimit(PAGE);
              setParam('view', v === 'mine' ? null : v);
            }}
            data={TASK_VIEWS.map((v) => ({ value: v, label: t(`tasks.views.${v}`) }))}
            data-testid="task-views"
          />
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('tasks.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            aria-label={t('tasks.searchPlaceholder')}
            w={240}
          />
          {!board && (
            <Switch
              label={t('tasks.showClosed')}
              checked={showClosed}
              onChange={(event) => setShowClosed(event.currentTarget.checked)}
              data-testid="task-show-closed"
            />
          )}
        </Group>
        <SegmentedControl
          value={board ? 'board' : 'list'}
          onChange={(v) => setParam('layout', v === 'board' ? 'board' : null)}
          data={[
            {
              value: 'list',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconList size={16} />
                  {t('tasks.layout.list')}
                </Group>
              ),
            },
            {
              value: 'board',
              label: (
                <Group gap={6} wrap="nowrap">
                  <IconLayoutKanban size={16} />
                  {t('tasks.layout.board')}
                </Group>
              ),
            },
          ]}
          data-testid="task-layout"
        />
      </Group>
      {isLoading && (
        <Center h={160}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && board && <TaskBoard tasks={data.tasks} onOpen={(task) => open(task.id)} />}
      {data && !board && (
        <Stack gap="xs" style={{ overflow: 'auto' }} data-testid="task-list">
          <Text size="sm" c="dimmed">
            {t('common.records', { count: data.total })}
          </Text>
          {data.total === 0 && <Text c="dimmed">{query ? t('tasks.empty.search') : t(`tasks.empty.${view}`)}</Text>}
          {data.tasks.map((task) => (
            <TaskRow key={task.id} task={task} onOpen={() => open(task.id)} />
          ))}
          {data.tasks.length < data.total && (
            <Group justify="center">
              <Button variant="default" size="xs" onClick={() => setLimit((l) => l + PAGE)}>
                {t('tasks.more')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <TaskEditor opened={writing} onClose={() => setWriting(false)} />
    </Stack>
  );
}
