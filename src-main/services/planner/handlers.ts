import { plannerCalls } from '../../../src-shared/contract/planner';
import type { Handlers } from '../handler-types';
import { notBuiltYet } from '../not-built-yet';

export const plannerHandlers: Handlers<keyof typeof plannerCalls> = notBuiltYet(
  Object.keys(plannerCalls) as (keyof typeof plannerCalls)[],
);
