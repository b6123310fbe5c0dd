/**
 * "Uzun süredir görüşülmeyenler": live cards a user owns with no meeting note in the last N days, the longest
 * silent first. A card nobody has met yet counts from the day it was created, so a card added last week is not
 * "quiet" already. Mail in or out on the card counts as contact too.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import { addDays, zonedToUtc } from '../../../src-shared/domain/zoned-time';

export const QUIET_CARDS_SHOWN = 20;

export interface QuietCard {
  cardId: string;
  type: CardType;
  displayName: string;
  lastContactAt: string | null;
}

/** The newest note or mail (in or out) on the card. Note times and mail times are both ISO UTC, so max() compares. */
const LAST_CONTACT = `(select max(t) from (
     select n.happened_at as t from note_cards nc join notes n on n.id = nc.note_id
      where nc.card_id = c.id and n.deleted_at is null
     union all
     select coalesce(m.sent_at, m.received_at) from mail_message_cards mc join mail_messages m on m.id = mc.message_id
      where mc.card_id = c.id and m.deleted_at is null))`;

/** Cards quiet on `date`: last contact (or creation) before the start of the day N days earlier. */
export function quietCards(
  db: Db,
  userId: string,
  input: { date: string; days: number; timeZone: string },
): { cards: QuietCard[]; total: number } {
  const cutoff = zonedToUtc(addDays(input.date, -input.days), '00:00', input.timeZone).toISOString();
  const rows = stmt(
    db,
    `select cardId, type, displayName, lastContactAt, count(*) over () as total
       from (select c.id as cardId, c.type, c.display_name as displayName, c.sort_key as sortKey,
                    ${LAST_CONTACT} as lastContactAt, c.created_at as createdAt
               from cards c
              where c.owner_id = ? and c.deleted_at is null and c.merged_into is null)
      where coalesce(lastContactAt, createdAt) < ?
      order by coalesce(lastContactAt, createdAt), sortKey
      limit ?`,
  ).all(userId, cutoff, QUIET_CARDS_SHOWN) as (QuietCard & { total: number })[];
  return {
    cards: rows.map(({ total: _total, ...card }) => card),
    total: rows[0]?.total ?? 0,
  };
}
