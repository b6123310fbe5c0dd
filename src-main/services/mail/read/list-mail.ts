/**
 * mail.list: a page of mail, newest first. Each view starts from the index that serves it (received_at for all,
 * (filed, received_at) for unfiled, the card's links for a card), so a page stays one index walk however much
 * mail the firm keeps.
 */
import type { Db } from '../../../db/connection';
import type { CallInput, CallOutput } from '../../../../src-shared/contract';
import { SUMMARY_COLUMNS, toSummaries, type SummaryRow } from './mail-summaries';
import { laterCopyOnCard } from './mail-copies';

type ListInput = Required<Pick<CallInput<'mail.list'>, 'view' | 'unreadOnly' | 'offset' | 'limit'>> &
  Pick<CallInput<'mail.list'>, 'cardId' | 'accountId'>;

/** Outgoing mail is never unread. */
export const UNREAD =
  "m.direction = 'in' and not exists (select 1 from mail_reads r where r.message_id = m.id and r.user_id = @userId)";

/** Incoming mail on cards owned by the users whose manager is the reader. */
export const TEAM_MAIL = `m.direction = 'in' and m.id in (select mc.message_id from mail_message_cards mc
  join cards c on c.id = mc.card_id where c.deleted_at is null
  and c.owner_id in (select u.id from users u where u.manager_id = @userId))`;

export function listMail(db: Db, userId: string, input: ListInput): CallOutput<'mail.list'> {
  const where = ['m.deleted_at is null'];
  let from = 'mail_messages m';
  const params: Record<string, unknown> = { userId, limit: input.limit, offset: input.offset };
  if (input.cardId) {
    from = 'mail_message_cards mcard join mail_messages m on m.id = mcard.message_id';
    where.push('mcard.card_id = @cardId');
    // A card lists a mail once, however many copies of it came in (two accounts, a colleague's copy). Only
    // unfiltered: with an account or a direction asked for, the copy kept might be one the filter leaves out.
    if (input.view === 'all' && !input.accountId) where.push(`not ${laterCopyOnCard('mcard')}`);
    params.cardId = input.cardId;
  }
  if (input.accountId) {
    where.push('m.account_id = @accountId');
    params.accountId = input.accountId;
  }
  switch (input.view) {
    case 'inbox':
      where.push(`m.direction = 'in'`);
      break;
    case 'sent':
      where.push(`m.direction = 'out'`);
      break;
    case 'unfiled':
      where.push(`m.filed = 'unfiled'`);
      break;
    case 'team_unread':
      where.push(TEAM_MAIL, UNREAD);
      break;
    case 'all':
      break;
  }
  const base = `from ${from} where ${where.join(' and ')}`;
  const filtered = input.unreadOnly ? `${base} and ${UNREAD}` : base;
  const rows = db.$client
    .prepare(`select ${SUMMARY_COLUMNS} ${filtered} order by m.received_at desc, m.id desc limit @limit offset @offset`)
    .all(params) as SummaryRow[];
  const { total } = db.$client.prepare(`select count(*) as total ${filtered}`).get(params) as { total: number };
  const { unread } = db.$client.prepare(`select count(*) as unread ${base} and ${UNREAD}`).get(params) as {
    unread: number;
  };
  return { rows: toSummaries(db, rows), total, unread };
}
