import type { TaskPriority, TaskStatus } from '../../../src-shared/contract/tasks';

/** Urgent is the alarm, high the warning; low and normal stay quiet. */
export const PRIORITY_COLORS: Record<TaskPriority, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const STATUS_COLORS: Record<TaskStatus, string> = {
  todo: 'gray',
  in_progress: 'blue',
  waiting: 'yellow',
  done: 'green',
  cancelled: 'dark',
};

/** The board's columns, left to right; cancelled tasks leave the board (the list still shows them). */
export const BOARD_STATUSES = ['todo', 'in_progress', 'waiting', 'done'] as const satisfies readonly TaskStatus[];

/** Statuses still to be worked on: what lists show unless finished ones are asked for. */
export const OPEN_STATUSES = ['todo', 'in_progress', 'waiting'] as const satisfies readonly TaskStatus[];
