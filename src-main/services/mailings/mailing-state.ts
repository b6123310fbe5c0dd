/**
 * A mailing's life after it was queued: pause and resume (between messages: the one in flight finishes), cancel
 * (the rest are marked cancelled; who already got it stays recorded), a deliberate resend of the uncertain ones,
 * and done once nothing is left to send.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { MailingStatus } from '../../../src-shared/contract/mailings';
import { conflict, notFound } from '../../../src-shared/contract/errors';

type Stamp = { userId: string; at: string };

const STATUS_WORDS: Record<MailingStatus, string> = {
  draft: 'taslak',
  queued: 'sırada',
  sending: 'gönderiliyor',
  paused: 'duraklatıldı',
  cancelled: 'iptal edildi',
  done: 'tamamlandı',
};

function statusOf(db: Db, id: string): MailingStatus {
  const status = stmt(db, 'select status from mailings where id = ?').pluck().get(id) as MailingStatus | undefined;
  if (!status) throw notFound('Gönderim');
  return status;
}

function change(
  db: Db,
  id: string,
  stamp: Stamp,
  action: AuditAction,
  allowed: MailingStatus[],
  apply: (from: MailingStatus) => MailingStatus,
): void {
  writeTransaction(db, () => {
    const from = statusOf(db, id);
    if (!allowed.includes(from)) throw conflict(`Gönderim şu an ${STATUS_WORDS[from]}; bu işlem yapılamaz.`);
    const to = apply(from);
    stmt(db, 'update mailings set status = ?, updated_at = ? where id = ?').run(to, stamp.at, id);
    writeAudit(db, {
      ...stamp,
      action,
      entityType: 'mailing',
      entityId: id,
      before: { status: from },
      after: { status: to },
    });
  });
}

export const pauseMailing = (db: Db, id: string, stamp: Stamp) =>
  change(db, id, stamp, 'mailing_pause', ['queued', 'sending'], () => 'paused');

export const resumeMailing = (db: Db, id: string, stamp: Stamp) =>
  change(db, id, stamp, 'mailing_resume', ['paused'], () => 'queued');

export function cancelMailing(db: Db, id: string, stamp: Stamp): void {
  change(db, id, stamp, 'mailing_cancel', ['draft', 'queued', 'sending', 'paused'], () => {
    // The message in flight ('sending') finishes and is recorded by the job; everything still waiting stops here.
    stmt(
      db,
      `update mailing_recipients set status = 'cancelled', updated_at = ? where mailing_id = ? and status = 'pending'`,
    ).run(stamp.at, id);
    stmt(db, 'update mailings set finished_at = ? where id = ?').run(stamp.at, id);
    return 'cancelled';
  });
}

/**
 * Sends again to the uncertain recipients (all, or those named): they go back to pending with the same
 * Message-ID and reference, so a receiver who did get the first one sees the same message twice, not two.
 */
export function resendUncertain(db: Db, id: string, recipientIds: string[] | undefined, stamp: Stamp): number {
  return writeTransaction(db, () => {
    const from = statusOf(db, id);
    if (from === 'draft') throw conflict('Taslak gönderimde yeniden gönderilecek kimse yok.');
    const rows = stmt(db, `select id from mailing_recipients where mailing_id = ? and status = 'uncertain'`)
      .pluck()
      .all(id) as string[];
    const chosen = recipientIds ? rows.filter((r) => recipientIds.includes(r)) : rows;
    if (chosen.length === 0) throw conflict('Bu gönderimde durumu belirsiz alıcı yok.');
    const update = stmt(
      db,
      `update mailing_recipients set status = 'pending', error = null, updated_at = ? where id = ? and status = 'uncertain'`,
    );
    for (const r of chosen) update.run(stamp.at, r);
    // A cancelled or finished mailing opens again just for these.
    if (from === 'done' || from === 'cancelled') {
      stmt(db, `update mailings set status = 'queued', finished_at = null, updated_at = ? where id = ?`).run(
        stamp.at,
        id,
      );
    }
    writeAudit(db, {
      ...stamp,
      action: 'mailing_resend',
      entityType: 'mailing',
      entityId: id,
      after: { recipients: chosen.length },
    });
    return chosen.length;
  });
}

/** Marks the mailing done when nothing waits or is in flight any more; true when it did. */
export function finishIfDone(db: Db, id: string, at: string): boolean {
  const open = stmt(
    db,
    `select count(*) from mailing_recipients where mailing_id = ? and status in ('pending', 'sending')`,
  )
    .pluck()
    .get(id) as number;
  if (open > 0) return false;
  const changed = stmt(
    db,
    `update mailings set status = 'done', finished_at = ?, updated_at = ? where id = ? and status in ('queued', 'sending')`,
  ).run(at, at, id);
  return changed.changes > 0;
}
