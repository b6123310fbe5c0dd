import { followUpsCalls } from '../../../src-shared/contract/followups';
import type { Handlers } from '../handler-types';
import { notBuiltYet } from '../not-built-yet';

export const followUpsHandlers: Handlers<keyof typeof followUpsCalls> = notBuiltYet(
  Object.keys(followUpsCalls) as (keyof typeof followUpsCalls)[],
);
