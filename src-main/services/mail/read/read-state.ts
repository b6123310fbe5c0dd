/** Read state per staff member (like notes), and the badges built on it. */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { writeTransaction } from '../../../db/transaction';
import { TEAM_MAIL, UNREAD } from './list-mail';
import { COPIES_OF } from './mail-copies';

/** How many mails changed read state, and how many of the user's notifications that closed (their badge changed). */
export function markRead(
  db: Db,
  userId: string,
  ids: string[],
  read: boolean,
  at: string,
): { changed: number; notificationsRead: number } {
  return writeTransaction(db, () => {
    let changed = 0;
    let notificationsRead = 0;
    // Every copy of the mail (mail-copies.ts): a card shows one, and its badge must not count the others.
    // ("where true": without a WHERE, SQLite would read the upsert's ON as a join constraint.)
    const mark = stmt(
      db,
      `insert into mail_reads (message_id, user_id, read_at) select id, @userId, @at from (${COPIES_OF}) where true
       on conflict (message_id, user_id) do nothing`,
    );
    const unmark = stmt(db, `delete from mail_reads where user_id = @userId and message_id in (${COPIES_OF})`);
    // The notification about a mail is done with once the mail is read.
    const seen = stmt(
      db,
      `update notifications set read_at = @at where user_id = @userId and entity_type = 'mail'
       and entity_id in (${COPIES_OF}) and read_at is null`,
    );
    for (const id of new Set(ids)) {
      if (read) {
        changed += mark.run({ id, userId, at }).changes;
        notificationsRead += seen.run({ id, userId, at }).changes;
      } else changed += unmark.run({ id, userId }).changes;
    }
    return { changed, notificationsRead };
  });
}

export function mailCounts(db: Db, userId: string): { unfiled: number; unreadMine: number; unreadTeam: number } {
  const count = (sql: string) => (stmt(db, sql).get({ userId }) as { n: number }).n;
  return {
    unfiled: count(`select count(*) as n from mail_messages m where m.filed = 'unfiled' and m.deleted_at is null`),
    // A mail that came twice (mail-copies.ts) is one unread mail on the badges.
    unreadMine: count(
      `select count(distinct coalesce(m.message_id_header, m.id)) as n from mail_messages m
       where m.deleted_at is null and ${UNREAD} and m.id in
       (select mc.message_id from mail_message_cards mc join cards c on c.id = mc.card_id
        where c.owner_id = @userId and c.deleted_at is null)`,
    ),
    unreadTeam: count(
      `select count(distinct coalesce(m.message_id_header, m.id)) as n from mail_messages m
       where m.deleted_at is null and ${TEAM_MAIL} and ${UNREAD}`,
    ),
  };
}
