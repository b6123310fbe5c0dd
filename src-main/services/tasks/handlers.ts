import { tasksCalls } from '../../../src-shared/contract/tasks';
import type { Handlers } from '../handler-types';
import { notBuiltYet } from '../not-built-yet';

export const tasksHandlers: Handlers<keyof typeof tasksCalls> = notBuiltYet(
  Object.keys(tasksCalls) as (keyof typeof tasksCalls)[],
);
