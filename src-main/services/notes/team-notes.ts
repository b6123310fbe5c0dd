import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { SELECT_NOTE, toSummary, type NoteRow } from './note-reads';

/** Notes of a manager's team: written by, or with, a user whose manager `?` is (live notes only). */
const OF_TEAM = `n.deleted_at is null and (
    n.created_by in (select id from users where manager_id = ?)
    or exists (select 1 from note_staff ns join users u on u.id = ns.user_id where ns.note_id = n.id and u.manager_id = ?)
  )`;
const UNREAD = 'not exists (select 1 from note_reads r where r.note_id = n.id and r.user_id = ?)';

/**
 * A manager's feed (notes.team, the planner): notes written by, or with, the users whose manager `userId` is,
 * unread ones first, then the newest written first (a note written today about last week's meeting is news
 * today), with how many of them `userId` has not read.
 */
export function listTeamNotes(
  db: Db,
  userId: string,
  input: { unreadOnly: boolean; offset: number; limit: number },
): { notes: NoteSummary[]; total: number; unread: number } {
  const { all, unread } = stmt(
    db,
    `select count(*) as "all", coalesce(sum(${UNREAD}), 0) as unread from notes n where ${OF_TEAM}`,
  ).get(userId, userId, userId) as { all: number; unread: number };
  const filter = input.unreadOnly ? `${OF_TEAM} and ${UNREAD}` : OF_TEAM;
  const params = input.unreadOnly ? [userId, userId, userId] : [userId, userId];
  const rows = stmt(
    db,
    `${SELECT_NOTE} where ${filter}
     order by readAt is not null, n.created_at desc, n.id desc limit ? offset ?`,
  ).all(userId, ...params, input.limit, input.offset) as NoteRow[];
  return { notes: rows.map((row) => toSummary(db, row)), total: input.unreadOnly ? unread : all, unread };
}
