/**
 * The mail body queue (table mail_body_queue): mail a large scan stored from its header block, waiting for its
 * body to be read. The scan fills it (store-message.ts); the mail body job (jobs/mail-bodies) empties it through
 * takeQueuedBodies and completeBody. A mail leaves the queue in the same transaction that stores its body, so a
 * crash leaves it either waiting or done, never half.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import type { IncomingMail } from './parsed-mail';
import { storeBody } from './store-message';

export interface QueuedBody {
  messageId: string;
  raw: Buffer;
}

/**
 * The next bodies to read, in the order queued (a first scan queues newest mail first), `first` before all others
 * (a mail someone opened), none of `except` (being read already). At most `limit` of them and, past the first, at
 * most `maxBytes` of raw message in all.
 */
export function takeQueuedBodies(
  db: Db,
  options: { first?: string | null; limit: number; maxBytes: number; except?: ReadonlySet<string> },
): QueuedBody[] {
  const except = options.except ?? new Set<string>();
  const ids: string[] = [];
  if (options.first && !except.has(options.first) && isBodyQueued(db, options.first)) ids.push(options.first);
  const rest = stmt(db, 'select message_id as id from mail_body_queue order by rowid limit ?').all(
    options.limit + except.size,
  ) as { id: string }[];
  for (const r of rest) if (r.id !== options.first && !except.has(r.id)) ids.push(r.id);
  const out: QueuedBody[] = [];
  let bytes = 0;
  for (const messageId of ids.slice(0, options.limit)) {
    const size = (
      stmt(db, 'select length(raw) as n from mail_body_queue where message_id = ?').get(messageId) as
        { n: number } | undefined
    )?.n;
    if (size === undefined) continue;
    if (out.length > 0 && bytes + size > options.maxBytes) break;
    const row = stmt(db, 'select raw from mail_body_queue where message_id = ?').get(messageId) as { raw: Buffer };
    out.push({ messageId, raw: row.raw });
    bytes += size;
  }
  return out;
}

/** Takes a mail off the queue (inside the caller's transaction); false when it was not queued. */
export function dropQueuedBody(db: Db, messageId: string): boolean {
  return stmt(db, 'delete from mail_body_queue where message_id = ?').run(messageId).changes > 0;
}

export function isBodyQueued(db: Db, messageId: string): boolean {
  return stmt(db, 'select 1 from mail_body_queue where message_id = ?').get(messageId) !== undefined;
}

/** Mail whose body waits, per account (the settings screen shows it while the job reads them). */
export function queuedBodiesByAccount(db: Db): Map<string, number> {
  const rows = stmt(
    db,
    `select m.account_id as accountId, count(*) as n from mail_body_queue q join mail_messages m on m.id = q.message_id
     group by m.account_id`,
  ).all() as { accountId: string | null; n: number }[];
  return new Map(rows.flatMap((r) => (r.accountId ? [[r.accountId, r.n] as const] : [])));
}

export interface CompletedBody {
  messageId: string;
  /** The mail's cards (for the mail.changed event after commit). */
  cardIds: string[];
  /** New attachments wait for text extraction: signalTextQueue after commit. */
  textPending: boolean;
}

/**
 * Stores the body of a queued mail from its full parse, inside the caller's write transaction: text, HTML, snippet,
 * attachments, the search row, answers to invitations. The header fields shown are taken from the full parse too
 * (mailparser reads odd encodings better than the header pass); links and thread stay as the scan made them.
 * Null when the mail is no longer queued (done already, or deleted): nothing is stored twice.
 */
export function completeBody(
  db: Db,
  messageId: string,
  mail: IncomingMail,
  stamp: { userId: string; at: string },
): CompletedBody | null {
  if (!dropQueuedBody(db, messageId)) return null;
  const row = stmt(db, 'select direction from mail_messages where id = ?').get(messageId) as
    { direction: 'in' | 'out' } | undefined;
  if (!row) return null;
  stmt(
    db,
    `update mail_messages set subject = ?, from_name = coalesce(?, from_name), to_json = ?, cc_json = ?, body_text = ?,
       body_html_source = ?, snippet = ?, parse_problems = ?, updated_at = ? where id = ?`,
  ).run(
    mail.subject,
    mail.from?.name || null,
    JSON.stringify(mail.to),
    JSON.stringify(mail.cc),
    mail.text,
    mail.html,
    mail.snippet,
    mail.parseProblems,
    stamp.at,
    messageId,
  );
  const textPending = storeBody(db, messageId, row.direction, mail, stamp);
  const cards = stmt(db, 'select card_id as cardId from mail_message_cards where message_id = ?').all(messageId) as {
    cardId: string;
  }[];
  return { messageId, cardIds: cards.map((c) => c.cardId), textPending };
}
