/**
 * Stores one parsed incoming (or sent-folder) mail inside the caller's transaction: dedupe, the row, attachments,
 * links, thread, bounce, calendar replies, search row and notifications. Idempotent: storing the same message
 * again (same UID, or the same content after a UIDVALIDITY change, or the sent folder's copy of a mail Kartotek
 * recorded when it sent it) changes nothing but where the row says it sits on the server.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { newId } from '../../../core/ids';
import { applyCalendarReply } from '../../agenda/invitation-reply';
import { notify } from '../../planner/notify';
import { indexMail } from '../mail-index';
import { linksByAddress, mergeLinks, threadOf, writeLinks, type CardLink } from '../link/link-rules';
import { markBounce } from '../bounce/mark-bounce';
import { storeAttachments } from './attachment-documents';
import type { IncomingMail } from './parsed-mail';
import type { MailLocation, StoreResult } from './store-incoming';

/** Mail older than this when it is stored raises no notification (a first scan of a year must not flood anyone). */
export const NOTIFY_WINDOW_MS = 48 * 3600 * 1000;

export function storeIncoming(
  db: Db,
  mail: IncomingMail,
  location: MailLocation,
  stamp: { userId: string; at: string },
): StoreResult {
  const existing = findExisting(db, mail, location);
  if (existing)
    return { ...existing, duplicate: true, bounce: false, textPending: false, bodyQueued: false, failedRecipients: [] };

  const id = newId();
  const direction = location.role === 'sent' ? 'out' : 'in';
  const receivedAt = location.internalDate ?? mail.sentAt ?? stamp.at;
  const thread = threadOf(db, mail, id);
  const marked = direction === 'in' && mail.bounce ? markBounce(db, mail.bounce, stamp.at) : [];
  const bounceOf = marked[0]?.recipientId ?? null;

  const own = ownAddresses(db, location.accountId);
  let links: CardLink[];
  if (bounceOf) {
    // A bounce belongs to the card it failed for, not to the mailer daemon's domain.
    links = marked.flatMap((m) =>
      m.cardId ? [{ cardId: m.cardId, linkKind: 'thread' as const, address: m.address }] : [],
    );
  } else {
    const addresses =
      direction === 'in'
        ? [...(mail.from ? [mail.from] : []), ...mail.replyTo, ...mail.to, ...mail.cc]
        : [...mail.to, ...mail.cc];
    links = mergeLinks(
      linksByAddress(
        db,
        addresses.map((p) => p.address),
        own,
      ),
      thread.links,
    );
  }

  stmt(
    db,
    `insert into mail_messages (id, account_id, folder_id, uid_validity, uid, direction, content_key,
       message_id_header, in_reply_to, references_json, thread_id, subject, from_address, from_name, to_json, cc_json,
       sent_at, received_at, body_text, body_html_source, snippet, size, header_block, parse_problems,
       bounce_of, seen_on_server, filed, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    location.accountId,
    location.folderId,
    location.uidValidity,
    location.uid,
    direction,
    mail.contentKey,
    mail.messageIdHeader,
    mail.inReplyTo,
    JSON.stringify(mail.references),
    thread.threadId,
    mail.subject,
    mail.from?.address ?? null,
    mail.from?.name || null,
    JSON.stringify(mail.to),
    JSON.stringify(mail.cc),
    mail.sentAt ?? (direction === 'out' ? receivedAt : null),
    receivedAt,
    mail.text,
    mail.html,
    mail.snippet,
    mail.size,
    mail.headerBlock,
    mail.parseProblems,
    bounceOf,
    location.seenOnServer ? 1 : 0,
    links.length ? 'linked' : 'unfiled',
    stamp.at,
    stamp.at,
    stamp.userId,
  );
  writeLinks(db, id, links);
  if (mail.messageIdHeader) copyReadState(db, id, mail.messageIdHeader);
  let textPending = false;
  if (mail.deferredRaw) {
    // Only the header block was read: the body job stores text, attachments and the search row later.
    stmt(db, 'insert into mail_body_queue (message_id, raw, queued_at) values (?, ?, ?)').run(
      id,
      mail.deferredRaw,
      stamp.at,
    );
  } else {
    textPending = storeBody(db, id, direction, mail, stamp);
  }
  if (direction === 'in' && !bounceOf && location.role === 'inbox' && !alreadyKnown(db, mail, id, own)) {
    notifyOwners(db, id, mail, links, receivedAt, stamp.at);
  }
  return {
    messageId: id,
    duplicate: false,
    linked: links.length > 0,
    bounce: marked.length > 0,
    cardIds: links.map((l) => l.cardId),
    textPending,
    bodyQueued: mail.deferredRaw !== undefined,
    failedRecipients: marked,
  };
}

/**
 * What the body of a mail adds once it is read: attachments as documents, the search row, answers to invitations.
 * Returns whether attachments wait for text extraction. Shared by the scan and the mail body job (complete-body.ts).
 */
export function storeBody(
  db: Db,
  id: string,
  direction: 'in' | 'out',
  mail: IncomingMail,
  stamp: { userId: string; at: string },
): boolean {
  const textPending = storeAttachments(db, stamp, id, mail.attachments);
  indexMail(db, id);
  if (direction === 'in') applyReplies(db, mail, stamp);
  return textPending;
}

/**
 * A new copy of a mail already stored (same Message-ID: another account, a colleague's copy) is read by whoever
 * read the first: cards show one copy (read/mail-copies.ts), so an unread hidden copy would hold a badge for ever.
 */
function copyReadState(db: Db, id: string, messageIdHeader: string): void {
  stmt(
    db,
    `insert into mail_reads (message_id, user_id, read_at)
     select ?, r.user_id, min(r.read_at) from mail_reads r join mail_messages o on o.id = r.message_id
     where o.message_id_header = ? and o.id <> ? group by r.user_id
     on conflict (message_id, user_id) do nothing`,
  ).run(id, messageIdHeader, id);
}

type Existing = Pick<StoreResult, 'messageId' | 'linked' | 'cardIds'>;

function existingResult(db: Db, messageId: string): Existing {
  const cards = stmt(db, 'select card_id as cardId from mail_message_cards where message_id = ?').all(messageId) as {
    cardId: string;
  }[];
  return { messageId, linked: cards.length > 0, cardIds: cards.map((c) => c.cardId) };
}

function findExisting(db: Db, mail: IncomingMail, location: MailLocation): Existing | null {
  const byUid = stmt(
    db,
    'select id from mail_messages where account_id = ? and folder_id = ? and uid_validity = ? and uid = ?',
  ).get(location.accountId, location.folderId, location.uidValidity, location.uid) as { id: string } | undefined;
  if (byUid) return existingResult(db, byUid.id);

  // The same content in the same folder under an older UIDVALIDITY: after a UIDVALIDITY change the folder is read
  // again and every message comes back under a new UID. The row moves to its new place instead of being stored
  // twice. Under the same UIDVALIDITY another UID is another mail, even with the same Message-ID (senders reuse
  // them, and a server may hold two copies): it is stored.
  const sameContent = stmt(
    db,
    `select id from mail_messages
     where account_id = ? and content_key = ? and folder_id = ? and uid_validity <> ? order by created_at limit 1`,
  ).get(location.accountId, mail.contentKey, location.folderId, location.uidValidity) as { id: string } | undefined;
  if (sameContent) {
    stmt(db, 'update mail_messages set uid_validity = ?, uid = ? where id = ?').run(
      location.uidValidity,
      location.uid,
      sameContent.id,
    );
    return existingResult(db, sameContent.id);
  }

  // The sent folder's copy of a mail recorded when Kartotek sent it: the row learns where it sits on the server.
  if (location.role === 'sent' && mail.messageIdHeader) {
    const recorded = stmt(
      db,
      `select id from mail_messages where message_id_header = ? and direction = 'out' and folder_id is null
       and (account_id = ? or account_id is null) limit 1`,
    ).get(mail.messageIdHeader, location.accountId) as { id: string } | undefined;
    if (recorded) {
      stmt(
        db,
        'update mail_messages set account_id = ?, folder_id = ?, uid_validity = ?, uid = ?, seen_on_server = ? where id = ?',
      ).run(location.accountId, location.folderId, location.uidValidity, location.uid, 1, recorded.id);
      return existingResult(db, recorded.id);
    }
  }
  return null;
}

/** The account's own address (and every account's): never a reason to link a mail to a card. */
function ownAddresses(db: Db, accountId: string): string[] {
  const rows = stmt(
    db,
    'select lower(email_address) as address from mail_accounts where id = ? or deleted_at is null',
  ).all(accountId) as { address: string }[];
  return rows.map((r) => r.address);
}

/**
 * Mail nobody needs telling about: sent from one of the accounts' own addresses (a copy to oneself, a colleague's
 * mail through a shared account), or the same Message-ID already stored elsewhere (another account, another
 * folder): its first copy already notified.
 */
function alreadyKnown(db: Db, mail: IncomingMail, id: string, own: readonly string[]): boolean {
  if (mail.from && own.includes(mail.from.address)) return true;
  if (!mail.messageIdHeader) return false;
  return (
    stmt(db, 'select 1 from mail_messages where message_id_header = ? and id <> ? limit 1').get(
      mail.messageIdHeader,
      id,
    ) !== undefined
  );
}

/** Answers to invitations update the attendees; a reply that cannot be read never stops the mail being stored. */
function applyReplies(db: Db, mail: IncomingMail, stamp: { userId: string; at: string }): void {
  for (const ics of mail.calendarReplies) {
    try {
      applyCalendarReply(db, ics, stamp);
    } catch {
      // Not ours or broken: the mail keeps the .ics as an attachment, which is all a person needs.
    }
  }
}

function notifyOwners(
  db: Db,
  messageId: string,
  mail: IncomingMail,
  links: readonly CardLink[],
  receivedAt: string,
  now: string,
): void {
  if (links.length === 0 || Date.parse(now) - Date.parse(receivedAt) > NOTIFY_WINDOW_MS) return;
  // Cached per placeholder count (a mail links to a handful of cards): compiling was most of this lookup.
  const owners = stmt(
    db,
    `select distinct owner_id as ownerId from cards where owner_id is not null
     and id in (${links.map(() => '?').join(',')})`,
  ).all(...links.map((l) => l.cardId)) as { ownerId: string }[];
  if (owners.length === 0) return;
  const sender = mail.from ? mail.from.name || mail.from.address : '';
  notify(db, {
    userIds: owners.map((o) => o.ownerId),
    kind: 'mail_received',
    entityType: 'mail',
    entityId: messageId,
    subject: (sender ? `${sender}: ${mail.subject || '(konusuz)'}` : mail.subject || '(konusuz)').slice(0, 300),
    dueAt: now,
    key: messageId,
    createdAt: now,
  });
}
