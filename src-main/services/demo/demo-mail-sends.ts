/**
 * What the demo firm sent, written as the outbox would have left it: a `mailings` row (single or mailing) with its
 * recipient rows (reference number and Message-ID made by the real queue helpers), each sent row pointing at the
 * stored copy recordSentMail made, and the mailing done. Nothing goes near SMTP: the demo account is offline.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeAudit } from '../audit/audit-log';
import { recordSentMail } from '../mail/record-sent-mail';
import { insertMailing, insertRecipients, messageIdDomain } from '../mailings/outbox-rows';
import { resolveCard, resolveGiven, resolveSegment, type Resolved } from '../mailings/recipients';
import { placeholderValues, renderTemplate } from '../mailings/render/placeholders';
import { finishIfDone } from '../mailings/mailing-state';

export interface DemoAccount {
  id: string;
  address: string;
  displayName: string;
}

interface RecipientRow {
  id: string;
  position: number;
  cardId: string | null;
  name: string;
  address: string;
  salutation: string;
  referenceNo: string;
  messageIdHeader: string;
  status: string;
}

const rowsOf = (db: Db, mailingId: string) =>
  stmt(
    db,
    `select id, position, card_id as cardId, name, address, salutation, reference_no as referenceNo,
       message_id_header as messageIdHeader, status from mailing_recipients where mailing_id = ? order by position`,
  ).all(mailingId) as RecipientRow[];

function markSent(db: Db, row: RecipientRow, mailMessageId: string, at: string): void {
  stmt(
    db,
    `update mailing_recipients set status = 'sent', attempts = 1, sent_at = ?, mail_message_id = ?, updated_at = ?
     where id = ?`,
  ).run(at, mailMessageId, at, row.id);
}

export interface SentReply {
  mailId: string;
  messageIdHeader: string;
}

/** One mail a member of staff wrote to one person (a reply when `inReplyTo` is given), sent at `at`. */
export function sendSingle(
  db: Db,
  account: DemoAccount,
  mail: {
    userId: string;
    at: string;
    today: string;
    to: { cardId: string | null; address: string; name: string };
    subject: string;
    text: string;
    inReplyTo: string | null;
    references: string[];
  },
): SentReply {
  const stamp = { userId: mail.userId, at: mail.at };
  const recipients = resolveGiven(
    db,
    [{ cardId: mail.to.cardId ?? undefined, address: mail.to.address, name: mail.to.name }],
    'email',
  );
  const mailingId = insertMailing(
    db,
    {
      channel: 'email',
      kind: 'single',
      accountId: account.id,
      smsAccountId: null,
      segmentId: null,
      segmentName: null,
      subject: mail.subject,
      body: mail.text,
      documentIds: [],
      listOthers: false,
      inReplyTo: mail.inReplyTo,
      status: 'queued',
    },
    stamp,
  );
  insertRecipients(db, mailingId, recipients, {
    domain: messageIdDomain(account.address),
    today: mail.today,
    at: mail.at,
  });
  writeAudit(db, {
    ...stamp,
    action: 'mail_send',
    entityType: 'mailing',
    entityId: mailingId,
    after: {
      channel: 'email',
      subject: mail.subject,
      to: recipients.map((r) => ({ cardId: r.cardId, name: r.name, address: r.address })),
    },
  });
  const row = rowsOf(db, mailingId)[0]!;
  const mailId = recordSentMail(
    db,
    {
      accountId: account.id,
      messageIdHeader: row.messageIdHeader,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      subject: mail.subject,
      from: { name: account.displayName, address: account.address },
      to: [{ name: mail.to.name, address: row.address }],
      cc: [],
      text: mail.text,
      html: null,
      documentIds: [],
      cardIds: mail.to.cardId ? [mail.to.cardId] : [],
      sentAt: mail.at,
    },
    stamp,
  );
  markSent(db, row, mailId, mail.at);
  finishIfDone(db, mailingId, mail.at);
  return { mailId, messageIdHeader: row.messageIdHeader };
}

export interface SentMailing {
  mailingId: string;
  /** The rows that went out, for the bounce that comes back. */
  sent: { address: string; messageIdHeader: string; referenceNo: string; cardId: string | null }[];
}

/** Mailings of about this size read like a real one; a much larger segment would only slow the demo down. */
const SEGMENT_SIZE = { min: 12, max: 60 };

/** The first saved segment of a believable size for a mailing, with its members as they are now. */
function segmentForMailing(db: Db, today: string): { id: string; name: string; members: Resolved[] } | null {
  const segments = stmt(db, 'select id from segments where deleted_at is null order by created_at, id')
    .pluck()
    .all() as string[];
  for (const id of segments) {
    const { name, members } = resolveSegment(db, id, 'email', today);
    const sendable = members.filter((m) => m.address && !m.skipReason).length;
    if (sendable >= SEGMENT_SIZE.min && sendable <= SEGMENT_SIZE.max) return { id, name, members };
  }
  return null;
}

/**
 * The "Yeni yıl kataloğu" mailing: to a saved segment when one has a believable size, else to the given cards
 * (a hand-made list). Every sendable row is sent a second apart (the account's rate) and stored on its card.
 */
export function sendMailing(
  db: Db,
  account: DemoAccount,
  m: { userId: string; at: string; today: string; subject: string; body: string; fallbackCardIds: string[] },
): SentMailing {
  const stamp = { userId: m.userId, at: m.at };
  const segment = segmentForMailing(db, m.today);
  const members =
    segment?.members ?? m.fallbackCardIds.flatMap((id) => resolveCard(db, id, 'email') ?? []).filter((r) => r.address);
  const mailingId = insertMailing(
    db,
    {
      channel: 'email',
      kind: 'mailing',
      accountId: account.id,
      smsAccountId: null,
      segmentId: segment?.id ?? null,
      segmentName: segment?.name ?? null,
      subject: m.subject,
      body: m.body,
      documentIds: [],
      listOthers: false,
      inReplyTo: null,
      status: 'queued',
    },
    stamp,
  );
  writeAudit(db, {
    ...stamp,
    action: 'mailing_create',
    entityType: 'mailing',
    entityId: mailingId,
    after: { channel: 'email', segmentId: segment?.id ?? null, segmentName: segment?.name ?? null, subject: m.subject },
  });
  const sendable = insertRecipients(db, mailingId, members, {
    domain: messageIdDomain(account.address),
    today: m.today,
    at: m.at,
  });
  writeAudit(db, {
    ...stamp,
    action: 'mailing_start',
    entityType: 'mailing',
    entityId: mailingId,
    after: { segmentName: segment?.name ?? null, total: members.length, sendable },
  });

  const sent: SentMailing['sent'] = [];
  let at = Date.parse(m.at);
  for (const row of rowsOf(db, mailingId)) {
    if (row.status !== 'pending') continue;
    at += 1000;
    const sentAt = new Date(at).toISOString();
    const facts = members[row.position]!.facts;
    const values = { ...placeholderValues(facts, row.referenceNo, m.today), hitap: row.salutation };
    const mailId = recordSentMail(
      db,
      {
        accountId: account.id,
        messageIdHeader: row.messageIdHeader,
        inReplyTo: null,
        references: [],
        subject: renderTemplate(m.subject, values),
        from: { name: account.displayName, address: account.address },
        to: [{ name: row.name, address: row.address }],
        cc: [],
        text: renderTemplate(m.body, values),
        html: null,
        documentIds: [],
        cardIds: row.cardId ? [row.cardId] : [],
        sentAt,
      },
      { userId: m.userId, at: sentAt },
    );
    markSent(db, row, mailId, sentAt);
    sent.push({
      address: row.address,
      messageIdHeader: row.messageIdHeader,
      referenceNo: row.referenceNo,
      cardId: row.cardId,
    });
  }
  finishIfDone(db, mailingId, new Date(at).toISOString());
  return { mailingId, sent };
}
