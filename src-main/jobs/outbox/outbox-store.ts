/**
 * The outbox's database side: which accounts have work, the next row, and each step of a row's life in its own
 * short transaction (pending → sending → sent | failed | pending again), so a crash leaves a state that says
 * exactly what is known.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { finishIfDone } from '../../services/mailings/mailing-state';
import { NO_ADDRESS_PREFIX } from '../../services/mailings/outbox-rows';

export interface AccountKey {
  channel: 'email' | 'sms';
  accountId: string;
}
export const keyOf = (k: AccountKey) => `${k.channel}:${k.accountId}`;

export interface OutboxRow {
  id: string;
  mailingId: string;
  position: number;
  cardId: string | null;
  name: string;
  address: string;
  salutation: string;
  referenceNo: string;
  messageIdHeader: string;
  attempts: number;
  subject: string;
  body: string;
  documentIdsJson: string;
  listOthers: number;
  inReplyTo: string | null;
  /** Who queued it: the stored copy is written in their name. */
  createdBy: string | null;
  /** The row's last error (kept when an account problem hands it back untouched). */
  error: string | null;
}

/**
 * Longer than any send can take (SMTP socket timeout 60 s, SMS 15 s, the sent commit's retries): a row in `sending`
 * untouched for longer than this belongs to a process that died. A younger one may be another process's (the CLI,
 * another desk on the same file) message in flight and is left alone.
 */
export const SENDING_LEASE_MS = 10 * 60_000;

/**
 * After a crash: a row left in `sending` may or may not have reached the server. It becomes `uncertain` and waits
 * for a person (mailings.resendUncertain): SMTP has no way to ask whether a message went through.
 */
export function markInterruptedUncertain(db: Db, now: Date, leaseMs = SENDING_LEASE_MS): number {
  const staleBefore = new Date(now.getTime() - leaseMs).toISOString();
  return stmt(
    db,
    `update mailing_recipients set status = 'uncertain',
       error = 'Gönderim sırasında program kapandı: iletinin ulaşıp ulaşmadığı bilinmiyor', updated_at = ?
     where status = 'sending' and updated_at <= ?`,
  ).run(now.toISOString(), staleBefore).changes;
}

/** Accounts with rows to send (only `onlyMailing`'s when given); mailings with nothing left are closed on the way. */
export function accountsWithWork(db: Db, at: string, onlyMailing: string | null = null): AccountKey[] {
  const open = stmt(db, `select id from mailings where status in ('queued', 'sending') and (? is null or id = ?)`)
    .pluck()
    .all(onlyMailing, onlyMailing) as string[];
  for (const id of open) finishIfDone(db, id, at);
  return stmt(
    db,
    `select distinct m.channel, coalesce(m.account_id, m.sms_account_id) as accountId from mailings m
     where m.status in ('queued', 'sending') and coalesce(m.account_id, m.sms_account_id) is not null
       and (? is null or m.id = ?)
       and exists (select 1 from mailing_recipients r where r.mailing_id = m.id and r.status = 'pending')`,
  ).all(onlyMailing, onlyMailing) as AccountKey[];
}

/**
 * The next pending row of an account: single sends (a mail from a card, an invitation) before mailing rows, then
 * oldest first in list order. Rows waiting out a backoff (`waiting`) are passed over, so they never hold up the
 * rows behind them.
 */
export function nextPendingRow(
  db: Db,
  key: AccountKey,
  waiting: string[],
  onlyMailing: string | null = null,
): OutboxRow | undefined {
  const column = key.channel === 'email' ? 'm.account_id' : 'm.sms_account_id';
  return stmt(
    db,
    `select r.id, r.mailing_id as mailingId, r.position, r.card_id as cardId, r.name, r.address, r.salutation,
       r.reference_no as referenceNo, r.message_id_header as messageIdHeader, r.attempts, r.error, m.subject, m.body,
       m.document_ids_json as documentIdsJson, m.list_others as listOthers, m.in_reply_to as inReplyTo,
       m.created_by as createdBy
     from mailings m join mailing_recipients r on r.mailing_id = m.id and r.status = 'pending'
     where m.channel = ? and ${column} = ? and m.status in ('queued', 'sending') and (? is null or m.id = ?)
       and r.id not in (select value from json_each(?))
     order by (m.kind = 'single') desc, m.created_at, m.id, r.position limit 1`,
  ).get(key.channel, key.accountId, onlyMailing, onlyMailing, JSON.stringify(waiting)) as OutboxRow | undefined;
}

/** Takes the row for sending (committed before the first byte goes out); false when it is no longer pending. */
export function markSending(db: Db, row: OutboxRow, at: string): boolean {
  return writeTransaction(db, () => {
    const status = stmt(db, 'select status from mailings where id = ?').pluck().get(row.mailingId) as string;
    if (status !== 'queued' && status !== 'sending') return false;
    const taken = stmt(
      db,
      `update mailing_recipients set status = 'sending', attempts = attempts + 1, updated_at = ?
       where id = ? and status = 'pending'`,
    ).run(at, row.id);
    if (taken.changes === 0) return false;
    if (status === 'queued') {
      stmt(
        db,
        `update mailings set status = 'sending', started_at = coalesce(started_at, ?), updated_at = ? where id = ?`,
      ).run(at, at, row.mailingId);
    }
    return true;
  });
}

/** The row went out: sent, with the stored copy's id when there is one; closes the mailing if it was the last. */
export function markSent(
  db: Db,
  row: OutboxRow,
  at: string,
  storeCopy: () => { mailMessageId: string | null; problem: string | null },
): boolean {
  return writeTransaction(db, () => {
    const copy = storeCopy();
    stmt(
      db,
      `update mailing_recipients set status = 'sent', sent_at = ?, error = ?, mail_message_id = ?, updated_at = ?
       where id = ? and status = 'sending'`,
    ).run(at, copy.problem, copy.mailMessageId, at, row.id);
    return finishIfDone(db, row.mailingId, at);
  });
}

/** The server refused this recipient for good: failed, with its sentence. Only the row this process holds. */
export function markFailed(db: Db, row: OutboxRow, error: string, at: string): boolean {
  return writeTransaction(db, () => {
    stmt(
      db,
      `update mailing_recipients set status = 'failed', error = ?, updated_at = ? where id = ? and status = 'sending'`,
    ).run(error, at, row.id);
    return finishIfDone(db, row.mailingId, at);
  });
}

/**
 * The row goes back to waiting: after a temporary refusal of this recipient (attempts stay counted), or untouched
 * after an account problem (`uncount`: the message never reached a recipient stage). A mailing cancelled meanwhile
 * gets the row cancelled instead, so nothing pending is left behind for a later resend to pick up.
 */
export function markRetry(db: Db, row: OutboxRow, error: string | null, at: string, uncount = false): boolean {
  return writeTransaction(db, () => {
    const status = stmt(db, 'select status from mailings where id = ?').pluck().get(row.mailingId) as string;
    const to = status === 'cancelled' ? 'cancelled' : 'pending';
    stmt(
      db,
      `update mailing_recipients set status = ?, error = ?, attempts = attempts - ?, updated_at = ?
       where id = ? and status = 'sending'`,
    ).run(to, uncount ? row.error : error, uncount ? 1 : 0, at, row.id);
    return finishIfDone(db, row.mailingId, at);
  });
}

/**
 * No answer after the message was handed over (the connection dropped or timed out after DATA, an SMS request
 * timed out): it may have gone out. Uncertain, never retried on its own.
 */
export function markUncertain(db: Db, row: OutboxRow, error: string, at: string): boolean {
  return writeTransaction(db, () => {
    stmt(
      db,
      `update mailing_recipients set status = 'uncertain', error = ?, updated_at = ? where id = ? and status = 'sending'`,
    ).run(error, at, row.id);
    return finishIfDone(db, row.mailingId, at);
  });
}

/** Something about the sent row worth saying later (the sent-folder copy failed), without changing its status. */
export function noteOnSent(db: Db, rowId: string, note: string, at: string): void {
  stmt(db, `update mailing_recipients set error = ?, updated_at = ? where id = ? and status = 'sent'`).run(
    note,
    at,
    rowId,
  );
}

/** The names of a mailing's other recipients, for the footer (names only, never addresses). */
export function recipientNames(db: Db, mailingId: string): { id: string; name: string }[] {
  return stmt(
    db,
    `select id, name from mailing_recipients where mailing_id = ? and address not like ? order by position`,
  ).all(mailingId, `${NO_ADDRESS_PREFIX}%`) as { id: string; name: string }[];
}

/** The mail account as the sender needs it, with why it cannot send (disabled, removed) when so. */
export function mailAccountRow(db: Db, id: string) {
  return stmt(
    db,
    `select id, name, email_address as address, display_name as displayName, sent_folder as sentFolder,
       rate_per_minute as ratePerMinute, enabled, deleted_at as deletedAt from mail_accounts where id = ?`,
  ).get(id) as
    | {
        id: string;
        name: string;
        address: string;
        displayName: string | null;
        sentFolder: string;
        ratePerMinute: number;
        enabled: number;
        deletedAt: string | null;
      }
    | undefined;
}

export function smsRate(db: Db, id: string): number {
  return (
    (stmt(db, 'select rate_per_minute from sms_accounts where id = ?').pluck().get(id) as number | undefined) ?? 60
  );
}

/** Send problems are written with this prefix, so a success clears ours and never the scan job's. */
export const SEND_PROBLEM_PREFIX = 'Gönderim: ';

/** The account's status line says why its outbox waits; true when it changed (the caller tells the screens). */
export function noteAccountProblem(db: Db, accountId: string, detail: string): boolean {
  const text = `${SEND_PROBLEM_PREFIX}${detail}`;
  return (
    stmt(
      db,
      `update mail_accounts set status = 'error', status_detail = ?
       where id = ? and status_detail is not ? and status <> 'disabled' and deleted_at is null`,
    ).run(text, accountId, text).changes > 0
  );
}

/** After a message went through: a send problem noted earlier is over; true when it cleared one. */
export function clearAccountProblem(db: Db, accountId: string): boolean {
  return (
    stmt(
      db,
      `update mail_accounts set status = 'idle', status_detail = null
       where id = ? and status = 'error' and status_detail like ?`,
    ).run(accountId, `${SEND_PROBLEM_PREFIX}%`).changes > 0
  );
}

/** An SMS account's send problem, shown on its settings row; true when it changed. */
export function noteSmsProblem(db: Db, accountId: string, detail: string): boolean {
  return (
    stmt(db, 'update sms_accounts set send_problem = ? where id = ? and send_problem is not ?').run(
      detail,
      accountId,
      detail,
    ).changes > 0
  );
}

/** After a message went through: the SMS account's problem is over; true when it cleared one. */
export function clearSmsProblem(db: Db, accountId: string): boolean {
  return (
    stmt(db, 'update sms_accounts set send_problem = null where id = ? and send_problem is not null').run(accountId)
      .changes > 0
  );
}
