import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { excerptOf } from './note-reads';

const PREFIX = 'note:';

const NEWEST = `select n.id, n.title, n.happened_at as at, n.body_text as bodyText, u.name as userName
  from note_cards nc join notes n on n.id = nc.note_id left join users u on u.id = n.created_by
  where nc.card_id = ? and n.deleted_at is null`;
const BEFORE = `${NEWEST} and n.happened_at <= ? and (n.happened_at < ? or ('${PREFIX}' || n.id) < ?)`;
const ORDER = 'order by n.happened_at desc, n.id desc limit ?';

/**
 * The card's meeting notes and complaints on its timeline, at the time the
 * meeting happened (not when it was written down): the subject as the
 * headline, the start of the text below it. Notes in the recycle bin leave it.
 */
export function noteEntries(
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
): TimelineEntry[] {
  const rows = (
    before
      ? stmt(db, `${BEFORE} ${ORDER}`).all(cardId, before.at, before.at, before.id, limit)
      : stmt(db, `${NEWEST} ${ORDER}`).all(cardId, limit)
  ) as { id: string; title: string; at: string; bodyText: string; userName: string | null }[];
  return rows.map((row) => {
    const entry: TimelineEntry = { id: PREFIX + row.id, at: row.at, kind: 'note', title: row.title };
    const detail = excerptOf(row.bodyText);
    if (detail) entry.detail = detail;
    if (row.userName) entry.userName = row.userName;
    return entry;
  });
}
