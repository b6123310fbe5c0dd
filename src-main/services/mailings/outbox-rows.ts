/**
 * Writing the outbox: a mailing row and one mailing_recipients row per recipient, each with its reference number,
 * Message-ID and salutation made now, so a resend after a crash is the very same message. Those who cannot be
 * reached are written too (status failed, the reason as error), so the record of a mailing is complete; their
 * address column holds `yok:<card id>` (the column is required and unique per mailing) and reads back as empty.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import type { Channel } from '../../../src-shared/contract/mailings';
import { salutationOf } from './render/placeholders';
import type { Resolved } from './recipients';

export const NO_ADDRESS_PREFIX = 'yok:';

/** The address as shown: empty for the rows of people who had none. */
export const shownAddress = (address: string) => (address.startsWith(NO_ADDRESS_PREFIX) ? '' : address);

export interface NewMailing {
  channel: Channel;
  kind: 'single' | 'mailing';
  accountId: string | null;
  smsAccountId: string | null;
  segmentId: string | null;
  segmentName: string | null;
  subject: string;
  body: string;
  documentIds: string[];
  listOthers: boolean;
  inReplyTo: string | null;
  status: 'draft' | 'queued';
}

export function insertMailing(db: Db, m: NewMailing, stamp: { userId: string; at: string }): string {
  const id = newId();
  stmt(
    db,
    `insert into mailings (id, channel, kind, account_id, sms_account_id, segment_id, segment_name, subject, body,
       document_ids_json, list_others, in_reply_to, status, total, started_at, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  ).run(
    id,
    m.channel,
    m.kind,
    m.accountId,
    m.smsAccountId,
    m.segmentId,
    m.segmentName,
    m.subject,
    m.body,
    JSON.stringify(m.documentIds),
    m.listOthers ? 1 : 0,
    m.inReplyTo,
    m.status,
    m.status === 'queued' ? stamp.at : null,
    stamp.at,
    stamp.at,
    stamp.userId,
  );
  return id;
}

/** The next free reference numbers of the year: K-2026-000124, K-2026-000125… */
function referenceNumbers(db: Db, year: string, count: number): string[] {
  const prefix = `K-${year}-`;
  const last = stmt(
    db,
    `select reference_no from mailing_recipients where reference_no like ? order by length(reference_no) desc,
     reference_no desc limit 1`,
  )
    .pluck()
    .get(`${prefix}%`) as string | undefined;
  const start = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(6, '0')}`);
}

/** Message-IDs are made under the sending account's domain, so replies and bounces find their way back. */
export function messageIdDomain(fromAddress: string | null): string {
  const domain = fromAddress?.split('@')[1]?.toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : 'kartotek.local';
}

/**
 * Writes the recipient rows (inside the caller's transaction) and the mailing's total; returns how many can be
 * sent. `today` (YYYY-MM-DD) numbers the references by year.
 */
export function insertRecipients(
  db: Db,
  mailingId: string,
  recipients: Resolved[],
  opts: { domain: string; today: string; at: string },
): number {
  const refs = referenceNumbers(db, opts.today.slice(0, 4), recipients.length);
  const insert = stmt(
    db,
    `insert into mailing_recipients (id, mailing_id, position, card_id, name, address, salutation, reference_no,
       message_id_header, status, attempts, error, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  let sendable = 0;
  recipients.forEach((r, i) => {
    const reachable = r.address !== null && r.skipReason === null;
    if (reachable) sendable += 1;
    insert.run(
      newId(),
      mailingId,
      i,
      r.cardId,
      r.name,
      reachable ? r.address : `${NO_ADDRESS_PREFIX}${r.cardId ?? newId()}`,
      salutationOf(r.facts),
      refs[i],
      `${newId()}@${opts.domain}`,
      reachable ? 'pending' : 'failed',
      reachable ? null : r.skipReason,
      opts.at,
    );
  });
  stmt(db, 'update mailings set total = ?, updated_at = ? where id = ?').run(recipients.length, opts.at, mailingId);
  return sendable;
}
