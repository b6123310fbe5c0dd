import type { Db } from '../../../db/connection';
import { parseRawMessage as parseBounded } from './parse-message';
import { minimalParse } from './minimal-parse';
import { isIncomingMail } from './parsed-mail';
import { storeIncoming } from './store-message';
import type { MarkedRecipient } from '../bounce/mark-bounce';

/** Where a fetched message came from on the server. */
export interface MailLocation {
  accountId: string;
  folderId: string;
  /** inbox | sent: mail found in the sent folder is outgoing. */
  role: 'inbox' | 'sent';
  uidValidity: string;
  uid: number;
  /** The server's INTERNALDATE (ISO), used when the Date header is missing or absurd. */
  internalDate: string | null;
  seenOnServer: boolean;
}

/** A message as the parser left it: everything storeParsedMessage needs, no I/O left to do. */
export interface ParsedMessage {
  /** Filled by parseRawMessage (opaque to the scan job). */
  readonly kind: 'parsed-message';
  readonly size: number;
  readonly contentKey: string;
  readonly [key: string]: unknown;
}

export interface StoreResult {
  /** The stored (or already stored) mail_messages id. */
  messageId: string;
  /** It was already there (same account, folder, UIDVALIDITY and UID, or same content key after a UIDVALIDITY change). */
  duplicate: boolean;
  /** Linked to at least one card. */
  linked: boolean;
  /** A delivery report that marked a recipient failed. */
  bounce: boolean;
  /** Cards it was linked to (for the mail.changed event after commit). */
  cardIds: string[];
  /** New attachments wait for text extraction: call signalTextQueue(db) (documents/text-extraction-signal) after commit. */
  textPending: boolean;
  /** Stored from its header block only: the mail body job reads the rest (call signalMailBodies after commit). */
  bodyQueued: boolean;
  /** Mailing recipients the bounce marked failed (their mailings changed: emit after commit). */
  failedRecipients: MarkedRecipient[];
}

/**
 * Parses raw RFC 822 bytes (mailparser) with bounds: never throws for bad input — what cannot be read is
 * worded in parseProblems. Async and outside any transaction.
 */
export async function parseRawMessage(raw: Buffer): Promise<ParsedMessage> {
  try {
    return await parseBounded(raw);
  } catch {
    // parseBounded already falls back on its own; this is the last guard for the scan job.
    return minimalParse(raw, 'İleti okunamadı; yalnız başlıkları ve düz metni saklandı.');
  }
}

/**
 * Stores one parsed message: the row, attachments as documents, card links (address, domain, thread),
 * bounce marking, search row, notifications. Synchronous: call it inside the caller's write transaction
 * (with the folder's progress), so a crash leaves either both or neither.
 */
export function storeParsedMessage(
  db: Db,
  parsed: ParsedMessage,
  location: MailLocation,
  stamp: { userId: string; at: string },
): StoreResult {
  if (!isIncomingMail(parsed)) throw new Error('storeParsedMessage: give it what parseRawMessage returned');
  return storeIncoming(db, parsed, location, stamp);
}
