import { useState, type DragEvent } from 'react';
import { Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, TaskSummary } from '../../../src-shared/contract/tasks';
import { TaskActions } from './TaskActions';
import { DueText, PriorityBadge, RecurringMark, TaskFacts } from './TaskBits';
import { BOARD_STATUSES, PRIORITY_COLORS, STATUS_COLORS } from './task-looks';
import { useTaskStatus } from './use-task-status';

const DRAG_TYPE = 'application/x-kartotek-task';

/**
 * The board: one column per status. A card is dragged to another column (HTML5 drag and drop) or moved with
 * its menu, which is also the keyboard's way (Tab to the menu, Enter, arrows).
 */
export function TaskBoard({ tasks, onOpen }: { tasks: TaskSummary[]; onOpen: (task: TaskSummary) => void }) {
  const { setStatus } = useTaskStatus();
  const [over, setOver] = useState<TaskStatus | null>(null);
  const drop = (status: TaskStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    const task = tasks.find((x) => x.id === id);
    if (task && task.status !== status) void setStatus(task, status);
  };
  return (
    <SimpleGrid cols={BOARD_STATUSES.length} spacing="sm" style={{ flex: 1, minHeight: 0 }} data-testid="task-board">
      {BOARD_STATUSES.map((status) => (
        <Column
          key={status}
          status={status}
          tasks={tasks.filter((x) => x.status === status)}
          highlighted={over === status}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setOver(status);
          }}
          onDragLeave={() => setOver((current) => (current === status ? null : current))}
          onDrop={drop(status)}
          onOpen={onOpen}
        />
      ))}
    </SimpleGrid>
  );
}

function Column(props: {
  status: TaskStatus;
  tasks: TaskSummary[];
  highlighted: boolean;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent) => void;
  onOpen: (task: TaskSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="xs"
      bg={props.highlighted ? `${STATUS_COLORS[props.status]}.0` : 'gray.0'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        outline: props.highlighted ? '2px dashed var(--mantine-color-blue-4)' : undefined,
      }}
      onDragOver={props.onDragOver}
      onDragLeave={props.onDragLeave}
      onDrop={props.onDrop}
      data-testid={`board-column-${props.status}`}
      aria-label={t(`tasks.statuses.${props.status}`)}
    >
      <Group justify="space-between" mb="xs" px={4}>
        <Text fw={600} size="sm">
          {t(`tasks.statuses.${props.status}`)}
        </Text>
        <Badge variant="light" color={STATUS_COLORS[props.status]} size="sm" circle>
          {props.tasks.length}
        </Badge>
      </Group>
      <ScrollArea style={{ flex: 1 }} offsetScrollbars>
        <Stack gap="xs" mih={80}>
          {props.tasks.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              {t('tasks.empty.column')}
            </Text>
          )}
          {props.tasks.map((task) => (
            <BoardCard key={task.id} task={task} onOpen={() => props.onOpen(task)} />
          ))}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

function BoardCard({ task, onOpen }: { task: TaskSummary; onOpen: () => void }) {
  const [dragging, setDragging] = useState(false);
  return (
    <Paper
      withBorder
      shadow="xs"
      p="xs"
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, task.id);
        event.dataTransfer.effectAllowed = 'move';
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      style={{
        cursor: 'grab',
        opacity: dragging ? 0.5 : 1,
        borderLeft: `4px solid var(--mantine-color-${PRIORITY_COLORS[task.priority]}-${task.priority === 'low' ? 3 : 6})`,
      }}
      data-testid="board-card"
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }} aria-label={task.title}>
          <Stack gap={6}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600} lineClamp={2} style={{ flex: 1 }}>
                {task.title}
              </Text>
              <RecurringMark rrule={task.rrule} />
            </Group>
            <Group gap={8} wrap="wrap">
              <PriorityBadge priority={task.priority} />
              <DueText task={task} />
            </Group>
            <Group gap={8} wrap="wrap">
              <TaskFacts task={task} />
            </Group>
            {task.cards.length > 0 && (
              <Text size="xs" c="dimmed" truncate>
                {task.cards.map((c) => c.displayName).join(', ')}
              </Text>
            )}
          </Stack>
        </UnstyledButton>
        <TaskActions task={task} size="sm" />
      </Group>
    </Paper>
  );
}
