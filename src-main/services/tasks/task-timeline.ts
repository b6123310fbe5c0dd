import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { excerptOf } from '../notes/note-reads';

const PREFIX = 'task:';

const NEWEST = `select t.id, t.title, t.created_at as at, t.description, u.name as userName
  from task_cards tc join tasks t on t.id = tc.task_id left join users u on u.id = t.created_by
  where tc.card_id = ? and t.deleted_at is null`;
const BEFORE = `${NEWEST} and t.created_at <= ? and (t.created_at < ? or ('${PREFIX}' || t.id) < ?)`;
const ORDER = 'order by t.created_at desc, t.id desc limit ?';

/**
 * The card's tasks on its timeline, when they were given (a task is news when it is made; its progress lives
 * on the task): the title as the headline, the start of the description below it. Tasks in the bin leave it.
 */
export function taskEntries(
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
): TimelineEntry[] {
  const rows = (
    before
      ? stmt(db, `${BEFORE} ${ORDER}`).all(cardId, before.at, before.at, before.id, limit)
      : stmt(db, `${NEWEST} ${ORDER}`).all(cardId, limit)
  ) as { id: string; title: string; at: string; description: string; userName: string | null }[];
  return rows.map((row) => {
    const entry: TimelineEntry = { id: PREFIX + row.id, at: row.at, kind: 'task', title: row.title };
    const detail = excerptOf(row.description);
    if (detail) entry.detail = detail;
    if (row.userName) entry.userName = row.userName;
    return entry;
  });
}
