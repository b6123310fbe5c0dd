import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { laterCopyOnCard } from './read/mail-copies';

const PREFIX = 'mail:';

const NEWEST = `select m.id, m.subject, m.received_at as at, m.direction, m.snippet, m.from_name as fromName,
    m.from_address as fromAddress, m.bounce_of as bounceOf
  from mail_message_cards mc join mail_messages m on m.id = mc.message_id
  where mc.card_id = ? and m.deleted_at is null and not ${laterCopyOnCard('mc')}`;
const BEFORE = `${NEWEST} and m.received_at <= ? and (m.received_at < ? or ('${PREFIX}' || m.id) < ?)`;
const ORDER = 'order by m.received_at desc, m.id desc limit ?';

/**
 * The card's mail on its timeline, when it arrived (or was sent): the subject as the headline, who wrote it and
 * the start of the text below. Dismissed mail still shows on the cards it is filed on; a mail that came twice (two
 * accounts, a copy to a colleague) shows once.
 */
export function mailEntries(
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
): TimelineEntry[] {
  const rows = (
    before
      ? stmt(db, `${BEFORE} ${ORDER}`).all(cardId, before.at, before.at, before.id, limit)
      : stmt(db, `${NEWEST} ${ORDER}`).all(cardId, limit)
  ) as {
    id: string;
    subject: string;
    at: string;
    direction: string;
    snippet: string;
    fromName: string | null;
    fromAddress: string | null;
    bounceOf: string | null;
  }[];
  return rows.map((row) => {
    const entry: TimelineEntry = { id: PREFIX + row.id, at: row.at, kind: 'mail', title: row.subject || '(konusuz)' };
    const who = row.direction === 'in' ? row.fromName || row.fromAddress : null;
    const detail = [who, row.snippet].filter(Boolean).join(' — ');
    if (detail) entry.detail = detail.slice(0, 300);
    return entry;
  });
}
