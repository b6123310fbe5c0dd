import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBuilding, IconUser } from '@tabler/icons-react';
import type { TaskSummary } from '../../../src-shared/contract/tasks';
import { TaskActions } from './TaskActions';
import { DueText, PriorityBadge, RecurringMark, StatusBadge, TaskFacts } from './TaskBits';
import { PRIORITY_COLORS } from './task-looks';

/**
 * One task in a list: its priority as the colour of the left edge, status, title, due date (red when overdue),
 * assignees, checklist progress, comments and cards; the row opens the task, the menu on the right changes it.
 * `actions` replaces the menu (null: none); `hideCards` on a card's own tab.
 */
export function TaskRow({
  task,
  onOpen,
  actions,
  hideCards = false,
}: {
  task: TaskSummary;
  onOpen: () => void;
  actions?: ReactNode;
  hideCards?: boolean;
}) {
  const finished = task.status === 'done' || task.status === 'cancelled';
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="task-row"
      style={{
        borderLeft: `4px solid var(--mantine-color-${PRIORITY_COLORS[task.priority]}-${task.priority === 'low' ? 3 : 6})`,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <UnstyledButton onClick={onOpen} style={{ flex: 1, minWidth: 0 }} aria-label={task.title}>
          <Stack gap={6}>
            <Group gap={8} wrap="nowrap">
              <StatusBadge status={task.status} />
              <Text fw={600} truncate td={finished ? 'line-through' : undefined} c={finished ? 'dimmed' : undefined}>
                {task.title}
              </Text>
              <RecurringMark rrule={task.rrule} />
              <PriorityBadge priority={task.priority} />
            </Group>
            <Group gap="md" wrap="wrap">
              <DueText task={task} />
              <TaskFacts task={task} />
              {!hideCards &&
                task.cards.map((card) => (
                  <Badge
                    key={card.id}
                    variant="outline"
                    color="gray"
                    size="sm"
                    leftSection={card.type === 'person' ? <IconUser size={10} /> : <IconBuilding size={10} />}
                    style={{ textTransform: 'none' }}
                  >
                    {card.displayName}
                  </Badge>
                ))}
            </Group>
          </Stack>
        </UnstyledButton>
        {actions === undefined ? <TaskActions task={task} /> : actions}
      </Group>
    </Paper>
  );
}
