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
}

/**
 * After a crash: a row left in `sending` may or may not have reached the server. It becomes `uncertain` and waits
 * for a person (mailings.resendUncertain): SMTP has no way to ask whether a message went through.
 */
export function markInterruptedUncertain(db: Db, at: string): number {
  return stmt(
    db,
    `update mailing_recipients set status = 'uncertain',
       error = 'Gönderim sırasında program kapandı: iletinin ulaşıp ulaşmadığı bilinmiyor', updated_at = ?
     where status = 'sending'`,
  ).run(at).changes;
}

/** Accounts with rows to send; mailings with nothing left are closed on the way. */
export function accountsWithWork(db: Db, at: string): AccountKey[] {
  const open = stmt(db, `select id from mailings where status in ('queued', 'sending')`).pluck().all() as string[];
  for (const id of open) finishIfDone(db, id, at);
  return stmt(
    db,
    `select distinct m.channel, coalesce(m.account_id, m.sms_account_id) as accountId from mailings m
     where m.status in ('queued', 'sending') and coalesce(m.account_id, m.sms_account_id) is not null
       and exists (select 1 from mailing_recipients r where r.mailing_id = m.id and r.status = 'pending')`,
  ).all() as AccountKey[];
}

/** The next pending rows of an account, oldest mailing first, in list order. */
export function pendingRows(db: Db, key: AccountKey, limit: number): OutboxRow[] {
  const column = key.channel === 'email' ? 'm.account_id' : 'm.sms_account_id';
  return stmt(
    db,
    `select r.id, r.mailing_id as mailingId, r.position, r.card_id as cardId, r.name, r.address, r.salutation,
       r.reference_no as referenceNo, r.message_id_header as messageIdHeader, r.attempts, m.subject, m.body,
       m.document_ids_json as documentIdsJson, m.list_others as listOthers, m.in_reply_to as inReplyTo,
       m.created_by as createdBy
     from mailings m join mailing_recipients r on r.mailing_id = m.id and r.status = 'pending'
     where m.channel = ? and ${column} = ? and m.status in ('queued', 'sending')
     order by m.created_at, m.id, r.position limit ?`,
  ).all(key.channel, key.accountId, limit) as OutboxRow[];
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
       where id = ?`,
    ).run(at, copy.problem, copy.mailMessageId, at, row.id);
    return finishIfDone(db, row.mailingId, at);
  });
}

export function markFailed(db: Db, row: OutboxRow, error: string, at: string): boolean {
  return writeTransaction(db, () => {
    stmt(db, `update mailing_recipients set status = 'failed', error = ?, updated_at = ? where id = ?`).run(
      error,
      at,
      row.id,
    );
    return finishIfDone(db, row.mailingId, at);
  });
}

/** A temporary failure: back to pending (attempts already counted), to be tried again after a pause. */
export function markRetry(db: Db, row: OutboxRow, error: string, at: string): void {
  stmt(db, `update mailing_recipients set status = 'pending', error = ?, updated_at = ? where id = ?`).run(
    error,
    at,
    row.id,
  );
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

export function mailAccountRow(db: Db, id: string) {
  return stmt(
    db,
    `select id, name, email_address as address, display_name as displayName, sent_folder as sentFolder,
       rate_per_minute as ratePerMinute from mail_accounts where id = ?`,
  ).get(id) as
    | {
        id: string;
        name: string;
        address: string;
        displayName: string | null;
        sentFolder: string;
        ratePerMinute: number;
      }
    | undefined;
}

export function smsRate(db: Db, id: string): number {
  return (
    (stmt(db, 'select rate_per_minute from sms_accounts where id = ?').pluck().get(id) as number | undefined) ?? 60
  );
}

/** What the settings screen shows when sending through an account fails for a reason of the connection. */
export function noteAccountProblem(db: Db, accountId: string, detail: string): void {
  stmt(db, `update mail_accounts set status = 'error', status_detail = ? where id = ?`).run(detail, accountId);
}
