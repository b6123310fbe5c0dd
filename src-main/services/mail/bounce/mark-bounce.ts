/**
 * What a recognised bounce changes: the mailing recipient it is about is marked failed with the server's reason,
 * and the address on the recipient's card is flagged (bounced_at / bounce_reason), so the next mailing can leave
 * it out. The recipient is found by the original Message-ID (every mail Kartotek sends carries the recipient
 * row's own) or by the X-Kartotek-Reference header quoted in the report.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import type { BounceReport } from './bounce-report';

export interface MarkedRecipient {
  recipientId: string;
  mailingId: string;
  cardId: string | null;
  address: string;
  reason: string;
}

interface RecipientRow {
  id: string;
  mailingId: string;
  cardId: string | null;
  address: string;
}

const COLUMNS = 'id, mailing_id as mailingId, card_id as cardId, address';

export function markBounce(db: Db, report: BounceReport, at: string): MarkedRecipient[] {
  const candidates = new Map<string, RecipientRow>();
  const byMessageId = stmt(db, `select ${COLUMNS} from mailing_recipients where message_id_header = ?`);
  const byReference = stmt(db, `select ${COLUMNS} from mailing_recipients where reference_no = ?`);
  for (const id of report.originalMessageIds) {
    const row = byMessageId.get(id) as RecipientRow | undefined;
    if (row) candidates.set(row.id, row);
  }
  for (const reference of report.references) {
    const row = byReference.get(reference) as RecipientRow | undefined;
    if (row) candidates.set(row.id, row);
  }
  const marked: MarkedRecipient[] = [];
  const rows = [...candidates.values()];
  for (const row of rows) {
    // The report names the failed address; a row of the same mail with another address (an alias that forwarded)
    // still failed when it is the only one a standard report (a DSN, which only servers write) can be about.
    const failed =
      report.recipients.find((r) => r.address === row.address.toLowerCase()) ??
      (rows.length === 1 && report.format === 'dsn' ? report.recipients[0] : undefined);
    if (!failed) continue;
    const reason = failed.status ? `${failed.status} ${failed.reason}` : failed.reason;
    stmt(db, `update mailing_recipients set status = 'failed', error = ?, updated_at = ? where id = ?`).run(
      `Geri döndü: ${reason}`.slice(0, 1000),
      at,
      row.id,
    );
    const flag = stmt(
      db,
      `update emails set bounced_at = ?, bounce_reason = ?, updated_at = ?
       where address = ? and (? is null or card_id = ?)`,
    );
    flag.run(at, reason.slice(0, 500), at, row.address.toLowerCase(), row.cardId, row.cardId);
    marked.push({ recipientId: row.id, mailingId: row.mailingId, cardId: row.cardId, address: row.address, reason });
  }
  return marked;
}
