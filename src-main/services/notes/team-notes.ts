import type { Db } from '../../db/connection';
import type { NoteSummary } from '../../../src-shared/contract/notes';

/**
 * A manager's feed (notes.team, the planner): notes written by, or with, the users whose manager `userId` is,
 * newest first, with how many of them `userId` has not read.
 */
export function listTeamNotes(
  _db: Db,
  _userId: string,
  _input: { unreadOnly: boolean; offset: number; limit: number },
): { notes: NoteSummary[]; total: number; unread: number } {
  return { notes: [], total: 0, unread: 0 }; // placeholder until the notes module fills it in
}
