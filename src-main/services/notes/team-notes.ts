import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { SELECT_NOTE, toSummary, type NoteRow } from './note-reads';

/**
 * The ids of a manager's team's notes: written by, or with, a user whose manager `?` is. Starts from the team,
 * not the notes: each member's notes through notes_by_created_by, the notes they were at through
 * note_staff_by_user, so the cost follows the team's notes and not the whole file's. CROSS JOIN keeps SQLite
 * from turning the join round (without statistics it would scan every note and look up its writer); a note
 * twice in the list (written by one member, with another) counts once, as `n.id in (…)` looks each note up once.
 */
const TEAM_NOTES = `with team(id) as (select id from users where manager_id = ?),
  team_notes(id) as (
    select n.id from team cross join notes n on n.created_by = team.id
    union all
    select ns.note_id from team cross join note_staff ns on ns.user_id = team.id
  )`;
/** Live notes among them. */
const OF_TEAM = 'n.id in (select id from team_notes) and n.deleted_at is null';
const UNREAD = 'not exists (select 1 from note_reads r where r.note_id = n.id and r.user_id = ?)';

/** Parameters of a page: the manager (team), the reader (readAt), [the reader (unread)], limit, offset. */
const page = (filter: string) => `${TEAM_NOTES}
  ${SELECT_NOTE} where ${filter}
  order by readAt is not null, n.created_at desc, n.id desc limit ? offset ?`;

/** The feed's statements (exported for the test that reads their query plans). */
export const TEAM_NOTES_SQL = {
  /** Parameters: the manager (team), the reader (unread). */
  counts: `${TEAM_NOTES}
  select count(*) as "all", coalesce(sum(${UNREAD}), 0) as unread from notes n where ${OF_TEAM}`,
  page: page(OF_TEAM),
  unreadPage: page(`${OF_TEAM} and ${UNREAD}`),
};

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
  const { all, unread } = stmt(db, TEAM_NOTES_SQL.counts).get(userId, userId) as { all: number; unread: number };
  const rows = stmt(db, input.unreadOnly ? TEAM_NOTES_SQL.unreadPage : TEAM_NOTES_SQL.page).all(
    userId,
    userId,
    ...(input.unreadOnly ? [userId] : []),
    input.limit,
    input.offset,
  ) as NoteRow[];
  return { notes: rows.map((row) => toSummary(db, row)), total: input.unreadOnly ? unread : all, unread };
}
