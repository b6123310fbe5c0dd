/** Rows of mail_messages as the contract's summaries, with their cards and the reader's read state. */
import type { Db } from '../../../db/connection';
import type { MailSummary } from '../../../../src-shared/contract/mail';

export const SUMMARY_COLUMNS = `m.id, m.account_id as accountId, m.direction, m.subject, m.from_name as fromName,
  m.from_address as fromAddress, m.to_json as toJson, m.received_at as receivedAt, m.sent_at as sentAt, m.snippet,
  m.filed, m.thread_id as threadId, m.bounce_of as bounceOf,
  exists (select 1 from mail_attachments a where a.message_id = m.id and a.content_id is null) as hasAttachments,
  (m.direction = 'out' or exists (select 1 from mail_reads r where r.message_id = m.id and r.user_id = @userId)) as isRead`;

export interface SummaryRow {
  id: string;
  accountId: string | null;
  direction: 'in' | 'out';
  subject: string;
  fromName: string | null;
  fromAddress: string | null;
  toJson: string;
  receivedAt: string;
  sentAt: string | null;
  snippet: string;
  filed: MailSummary['filed'];
  threadId: string | null;
  bounceOf: string | null;
  hasAttachments: number;
  isRead: number;
}

export function people(json: string): { name: string; address: string }[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value
      .filter((p): p is { name?: unknown; address?: unknown } => typeof p === 'object' && p !== null)
      .map((p) => ({ name: typeof p.name === 'string' ? p.name : '', address: String(p.address ?? '') }));
  } catch {
    return [];
  }
}

export function toSummaries(db: Db, rows: SummaryRow[]): MailSummary[] {
  if (rows.length === 0) return [];
  const cards = db.$client
    .prepare(
      `select mc.message_id as messageId, c.id, c.type, c.display_name as displayName, mc.link_kind as linkKind
       from mail_message_cards mc join cards c on c.id = mc.card_id
       where mc.message_id in (${rows.map(() => '?').join(',')}) and c.deleted_at is null
       order by c.sort_key`,
    )
    .all(...rows.map((r) => r.id)) as ({ messageId: string } & MailSummary['cards'][number])[];
  const byMessage = new Map<string, MailSummary['cards']>();
  for (const { messageId, ...card } of cards) {
    const list = byMessage.get(messageId) ?? [];
    list.push(card);
    byMessage.set(messageId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    direction: r.direction,
    subject: r.subject,
    from: r.fromAddress ? { name: r.fromName ?? '', address: r.fromAddress } : null,
    to: people(r.toJson),
    at: r.direction === 'out' ? (r.sentAt ?? r.receivedAt) : r.receivedAt,
    snippet: r.snippet,
    hasAttachments: r.hasAttachments === 1,
    read: r.isRead === 1,
    filed: r.filed,
    cards: byMessage.get(r.id) ?? [],
    threadId: r.threadId,
    isBounce: r.bounceOf !== null,
  }));
}
