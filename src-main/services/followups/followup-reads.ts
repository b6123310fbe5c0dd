import type { z } from 'zod';
import type { Db } from '../../db/connection';
import type { FollowUpOut, followUpsCalls } from '../../../src-shared/contract/followups';

export type FollowUpListInput = z.output<(typeof followUpsCalls)['followUps.list']['input']>;

/** Follow-ups as followUps.list answers them, for the acting user `userId` (scope mine/team/all). */
export function listFollowUps(
  _db: Db,
  _userId: string,
  _input: FollowUpListInput,
): { followUps: FollowUpOut[]; total: number } {
  return { followUps: [], total: 0 }; // placeholder until the follow-ups module fills it in
}
