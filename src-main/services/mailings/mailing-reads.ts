/** Reading the outbox back: mailings with their counts by status, their recipients, and what a card was sent. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CallOutput } from '../../../src-shared/contract';
import {
  RECIPIENT_STATUSES,
  type MailingOut,
  type MailingStatus,
  type RecipientStatus,
} from '../../../src-shared/contract/mailings';
import { notFound } from '../../../src-shared/contract/errors';
import { shownAddress } from './outbox-rows';

interface MailingRow {
  id: string;
  channel: 'email' | 'sms';
  kind: 'single' | 'mailing';
  accountId: string | null;
  smsAccountId: string | null;
  segmentId: string | null;
  segmentName: string | null;
  subject: string;
  body: string;
  listOthers: number;
  status: MailingStatus;
  total: number;
  createdAt: string;
  createdBy: string | null;
  createdByName: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const MAILING_SQL = `select m.id, m.channel, m.kind, m.account_id as accountId, m.sms_account_id as smsAccountId,
  m.segment_id as segmentId, m.segment_name as segmentName, m.subject, m.body, m.list_others as listOthers, m.status,
  m.total, m.created_at as createdAt, m.created_by as createdBy, u.name as createdByName, m.started_at as startedAt,
  m.finished_at as finishedAt
  from mailings m left join users u on u.id = m.created_by`;

export function countsOf(db: Db, id: string): Record<RecipientStatus, number> {
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  const rows = stmt(
    db,
    'select status, count(*) as n from mailing_recipients where mailing_id = ? group by status',
  ).all(id) as { status: RecipientStatus; n: number }[];
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

function toOut(db: Db, r: MailingRow): MailingOut {
  return {
    id: r.id,
    channel: r.channel,
    kind: r.kind,
    accountId: r.accountId ?? r.smsAccountId,
    segmentId: r.segmentId,
    segmentName: r.segmentName,
    subject: r.subject,
    body: r.body,
    listOthers: r.listOthers === 1,
    status: r.status,
    total: r.total,
    counts: countsOf(db, r.id),
    createdAt: r.createdAt,
    createdBy: r.createdBy ? { id: r.createdBy, name: r.createdByName ?? '' } : null,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

export function getMailing(db: Db, id: string): MailingOut {
  const row = stmt(db, `${MAILING_SQL} where m.id = ?`).get(id) as MailingRow | undefined;
  if (!row) throw notFound('Gönderim');
  return toOut(db, row);
}

export function listMailings(
  db: Db,
  input: { kind?: 'single' | 'mailing' | undefined; limit: number; offset: number },
): CallOutput<'mailings.list'> {
  const where = input.kind ? 'where m.kind = ?' : '';
  const params = input.kind ? [input.kind] : [];
  const rows = stmt(db, `${MAILING_SQL} ${where} order by m.created_at desc, m.id desc limit ? offset ?`).all(
    ...params,
    input.limit,
    input.offset,
  ) as MailingRow[];
  const total = stmt(db, `select count(*) from mailings m ${where}`)
    .pluck()
    .get(...params) as number;
  return { rows: rows.map((r) => toOut(db, r)), total };
}

const RECIPIENT_COLUMNS = `r.id, r.card_id as cardId, r.name, r.address, r.salutation, r.reference_no as referenceNo,
  r.status, r.error, r.sent_at as sentAt`;

type RecipientRow = CallOutput<'mailings.recipients'>['rows'][number];

const shown = <T extends RecipientRow>(r: T): T => ({ ...r, address: shownAddress(r.address) });

export function listRecipients(
  db: Db,
  input: { id: string; status?: RecipientStatus | undefined; limit: number; offset: number },
): CallOutput<'mailings.recipients'> {
  getMailing(db, input.id);
  const where = input.status ? 'r.mailing_id = ? and r.status = ?' : 'r.mailing_id = ?';
  const params = input.status ? [input.id, input.status] : [input.id];
  const rows = stmt(
    db,
    `select ${RECIPIENT_COLUMNS} from mailing_recipients r where ${where} order by r.position limit ? offset ?`,
  ).all(...params, input.limit, input.offset) as RecipientRow[];
  const total = stmt(db, `select count(*) from mailing_recipients r where ${where}`)
    .pluck()
    .get(...params) as number;
  return { rows: rows.map(shown), total };
}

export function sentToCard(
  db: Db,
  input: { cardId: string; limit: number; offset: number },
): CallOutput<'mailings.ofCard'> {
  const rows = stmt(
    db,
    // A sent row's subject as it went out (its stored copy: placeholders filled); the template's until then.
    `select ${RECIPIENT_COLUMNS}, r.mailing_id as mailingId, m.channel, coalesce(mm.subject, m.subject) as subject
     from mailing_recipients r join mailings m on m.id = r.mailing_id
     left join mail_messages mm on mm.id = r.mail_message_id
     where r.card_id = ? order by coalesce(r.sent_at, r.updated_at) desc, r.id desc limit ? offset ?`,
  ).all(input.cardId, input.limit, input.offset) as CallOutput<'mailings.ofCard'>['rows'];
  const total = stmt(db, 'select count(*) from mailing_recipients where card_id = ?')
    .pluck()
    .get(input.cardId) as number;
  return { rows: rows.map(shown), total };
}
