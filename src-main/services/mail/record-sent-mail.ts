import type { Db } from '../../db/connection';

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
export function recordSentMail(_db: Db, _mail: SentMailRecord, _stamp: { userId: string; at: string }): string {
  throw new Error('recordSentMail: not built yet');
}
