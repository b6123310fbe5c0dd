import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { indexMail } from './mail-index';
import { linksByAddress, mergeLinks, threadOf, writeLinks, type CardLink } from './link/link-rules';
import { snippetOf } from './ingest/parse-message';

export interface SentMailRecord {
  accountId: string;
  /** Without angle brackets. */
  messageIdHeader: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: { name: string; address: string };
  to: { name: string; address: string }[];
  cc: { name: string; address: string }[];
  text: string;
  html: string | null;
  /** Attachments: documents already stored. */
  documentIds: string[];
  /** Cards the mail is filed on (the recipients' cards); the linking rules add what they find too. */
  cardIds: string[];
  sentAt: string;
}

/**
 * Stores a copy of a mail Kartotek sent (direction out), linked to its cards and in search, so the card's
 * timeline shows it. Idempotent by Message-ID: the sent folder's copy found by a later scan is the same mail.
 * Synchronous: call it inside the send's write transaction. Returns the mail_messages id.
 */
export function recordSentMail(db: Db, mail: SentMailRecord, stamp: { userId: string; at: string }): string {
  const messageIdHeader = mail.messageIdHeader.replace(/^<+|>+$/g, '').trim();
  const existing = stmt(
    db,
    "select id from mail_messages where message_id_header = ? and direction = 'out' and deleted_at is null limit 1",
  ).get(messageIdHeader) as { id: string } | undefined;
  const given: CardLink[] = mail.cardIds.map((cardId) => ({ cardId, linkKind: 'address', address: null }));
  if (existing) {
    // Sent again after a crash, or the sent folder's copy came first: one row, with every card it belongs to.
    const links = liveOnly(db, given);
    writeLinks(db, existing.id, links);
    if (links.length)
      stmt(db, "update mail_messages set filed = 'linked' where id = ? and filed = 'unfiled'").run(existing.id);
    return existing.id;
  }
  const id = newId();
  const thread = threadOf(db, { ...mail, messageIdHeader }, id);
  const own = stmt(db, 'select lower(email_address) as a from mail_accounts where id = ?').get(mail.accountId) as
    { a: string } | undefined;
  const links = mergeLinks(
    liveOnly(db, given),
    linksByAddress(
      db,
      [...mail.to, ...mail.cc].map((p) => p.address),
      own ? [own.a] : [],
    ),
    thread.links,
  );
  stmt(
    db,
    `insert into mail_messages (id, account_id, direction, content_key, message_id_header, in_reply_to, references_json,
       thread_id, subject, from_address, from_name, to_json, cc_json, sent_at, received_at, body_text,
       body_html_source, snippet, size, filed, seen_on_server, created_at, updated_at, created_by)
     values (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(
    id,
    mail.accountId,
    messageIdHeader,
    messageIdHeader,
    mail.inReplyTo,
    JSON.stringify(mail.references),
    thread.threadId,
    mail.subject,
    mail.from.address.toLowerCase(),
    mail.from.name || null,
    JSON.stringify(mail.to.map(lowerCased)),
    JSON.stringify(mail.cc.map(lowerCased)),
    mail.sentAt,
    mail.sentAt,
    mail.text,
    // As composed, like incoming mail's HTML: sanitised when it is read (read/mail-html.ts).
    mail.html?.trim() ? mail.html : null,
    snippetOf(mail.text),
    Buffer.byteLength(mail.text) + Buffer.byteLength(mail.html ?? ''),
    links.length ? 'linked' : 'unfiled',
    stamp.at,
    stamp.at,
    stamp.userId,
  );
  writeLinks(db, id, links);
  const attach = stmt(
    db,
    `insert into mail_attachments (message_id, position, document_id, file_name, content_type, size)
     select ?, ?, id, name, mime_type, size from documents where id = ?`,
  );
  mail.documentIds.forEach((documentId, position) => attach.run(id, position, documentId));
  indexMail(db, id);
  return id;
}

function lowerCased(p: { name: string; address: string }) {
  return { name: p.name, address: p.address.toLowerCase() };
}

/** Cards given by the sender that still exist (a card deleted while the mailing ran is left out, not an error). */
function liveOnly(db: Db, links: CardLink[]): CardLink[] {
  const live = stmt(db, 'select 1 from cards where id = ? and deleted_at is null and merged_into is null');
  return links.filter((l) => live.get(l.cardId) !== undefined);
}
