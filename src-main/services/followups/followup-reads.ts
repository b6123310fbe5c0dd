import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import type { FollowUpOut, followUpsCalls } from '../../../src-shared/contract/followups';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';

export type FollowUpListInput = z.output<(typeof followUpsCalls)['followUps.list']['input']>;

interface FollowUpRow {
  id: string;
  noteId: string;
  noteTitle: string;
  description: string;
  dueDate: string;
  dueTime: string | null;
  status: FollowUpOut['status'];
  doneAt: string | null;
  doneById: string | null;
  doneByName: string | null;
  doneNote: string | null;
  createdAt: string;
  createdById: string | null;
  createdByName: string | null;
  updatedAt: string;
}

const SELECT_FOLLOW_UP = `select f.id, f.note_id as noteId, n.title as noteTitle, f.description, f.due_date as dueDate,
    f.due_time as dueTime, f.status, f.done_at as doneAt, f.done_by as doneById, du.name as doneByName,
    f.done_note as doneNote, f.created_at as createdAt, f.created_by as createdById, cu.name as createdByName,
    f.updated_at as updatedAt
  from follow_ups f
  join notes n on n.id = f.note_id
  left join users du on du.id = f.done_by
  left join users cu on cu.id = f.created_by`;

/** Open ones first (soonest due first, a date-only one before the timed ones of its day), then the closed. */
const ORDER = `order by case f.status when 'open' then 0 else 1 end, f.due_date, coalesce(f.due_time, ''),
  f.created_at, f.id`;

const byTurkishName = (a: { name: string }, b: { name: string }) =>
  turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1;

/** Assignees and the note's cards of many follow-ups in two queries, not two per row. */
function withLinks(db: Db, rows: FollowUpRow[]): FollowUpOut[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const noteIds = JSON.stringify([...new Set(rows.map((r) => r.noteId))]);
  const assignees = stmt(
    db,
    `select a.follow_up_id as followUpId, u.id, u.name from follow_up_assignees a join users u on u.id = a.user_id
     where a.follow_up_id in (select value from json_each(?))`,
  ).all(ids) as { followUpId: string; id: string; name: string }[];
  // Merged-away cards are left out: a merge moves the note's link to the survivor.
  const cards = stmt(
    db,
    `select nc.note_id as noteId, c.id, c.type, c.display_name as displayName
     from note_cards nc join cards c on c.id = nc.card_id
     where nc.note_id in (select value from json_each(?)) and c.merged_into is null order by c.sort_key`,
  ).all(noteIds) as ({ noteId: string } & FollowUpOut['cards'][number])[];
  return rows.map((row) => ({
    id: row.id,
    noteId: row.noteId,
    noteTitle: row.noteTitle,
    cards: cards.filter((c) => c.noteId === row.noteId).map(({ noteId: _, ...card }) => card),
    description: row.description,
    dueDate: row.dueDate,
    dueTime: row.dueTime,
    status: row.status,
    assignees: assignees
      .filter((a) => a.followUpId === row.id)
      .map(({ id, name }) => ({ id, name }))
      .sort(byTurkishName),
    doneAt: row.doneAt,
    doneBy: row.doneById && row.doneByName ? { id: row.doneById, name: row.doneByName } : null,
    doneNote: row.doneNote,
    createdAt: row.createdAt,
    createdBy: row.createdById && row.createdByName ? { id: row.createdById, name: row.createdByName } : null,
    updatedAt: row.updatedAt,
  }));
}

export function getFollowUp(db: Db, id: string): FollowUpOut {
  const row = stmt(db, `${SELECT_FOLLOW_UP} where f.id = ?`).get(id) as FollowUpRow | undefined;
  if (!row) throw notFound(`Takip (${id})`);
  return withLinks(db, [row])[0]!;
}

/** Every follow-up of a note (also closed ones), for the note's page. */
export function followUpsOfNote(db: Db, noteId: string): FollowUpOut[] {
  return withLinks(db, stmt(db, `${SELECT_FOLLOW_UP} where f.note_id = ? ${ORDER}`).all(noteId) as FollowUpRow[]);
}

/**
 * Follow-ups as followUps.list answers them, for the acting user `userId`: mine (I am an assignee), team (an
 * assignee's manager is me) or all; notes in the recycle bin take theirs out of every list.
 */
export function listFollowUps(
  db: Db,
  userId: string,
  input: FollowUpListInput,
): { followUps: FollowUpOut[]; total: number } {
  const where = ['n.deleted_at is null'];
  const params: (string | number)[] = [];
  if (input.scope === 'mine') {
    where.push('exists (select 1 from follow_up_assignees a where a.follow_up_id = f.id and a.user_id = ?)');
    params.push(userId);
  } else if (input.scope === 'team') {
    where.push(
      `exists (select 1 from follow_up_assignees a join users u on u.id = a.user_id
               where a.follow_up_id = f.id and u.manager_id = ?)`,
    );
    params.push(userId);
  }
  if (input.status !== 'all') {
    where.push('f.status = ?');
    params.push(input.status);
  }
  if (input.noteId) {
    where.push('f.note_id = ?');
    params.push(input.noteId);
  }
  if (input.cardId) {
    where.push('f.note_id in (select note_id from note_cards where card_id = ?)');
    params.push(input.cardId);
  }
  if (input.dueOnOrBefore) {
    where.push('f.due_date <= ?');
    params.push(input.dueOnOrBefore);
  }
  const filter = where.join(' and ');
  const { total } = stmt(
    db,
    `select count(*) as total from follow_ups f join notes n on n.id = f.note_id where ${filter}`,
  ).get(...params) as { total: number };
  const rows = stmt(db, `${SELECT_FOLLOW_UP} where ${filter} ${ORDER} limit ? offset ?`).all(
    ...params,
    input.limit,
    input.offset,
  ) as FollowUpRow[];
  return { followUps: withLinks(db, rows), total };
}
