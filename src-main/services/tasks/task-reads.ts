import type { z } from 'zod';
import type { Db } from '../../db/connection';
import type { TaskSummary, tasksCalls } from '../../../src-shared/contract/tasks';

export type TaskListInput = z.output<(typeof tasksCalls)['tasks.list']['input']>;

/** Tasks as tasks.list answers them, for the acting user `userId`; `today` is the firm's date (overdue). */
export function listTasks(
  _db: Db,
  _userId: string,
  _today: string,
  _input: TaskListInput,
): { tasks: TaskSummary[]; total: number } {
  return { tasks: [], total: 0 }; // placeholder until the tasks module fills it in
}
