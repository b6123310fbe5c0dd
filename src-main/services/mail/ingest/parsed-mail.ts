/** What parseRawMessage leaves for storeParsedMessage: plain data, no I/O left to do. */
import type { ParsedMessage } from './store-incoming';
import type { BounceReport } from '../bounce/bounce-report';

export interface MailPerson {
  name: string;
  /** Lower-case. */
  address: string;
}

export interface ParsedAttachment {
  /** The name as sent, made safe to show (never used as a path). */
  fileName: string;
  contentType: string | null;
  content: Buffer;
  sha256: string;
  size: number;
  /** For inline (cid:) parts. */
  contentId: string | null;
}

export interface IncomingMail extends ParsedMessage {
  readonly kind: 'parsed-message';
  readonly size: number;
  readonly contentKey: string;
  readonly messageIdHeader: string | null;
  readonly inReplyTo: string | null;
  /** Message-IDs of the conversation, oldest first, without angle brackets. */
  readonly references: string[];
  readonly subject: string;
  readonly from: MailPerson | null;
  readonly replyTo: MailPerson[];
  readonly to: MailPerson[];
  readonly cc: MailPerson[];
  /** The Date header (ISO) when it is there and plausible. */
  readonly sentAt: string | null;
  readonly text: string;
  /** The HTML part as received, NOT safe to show (sanitised at read time: read/mail-html.ts); null for text-only mail. */
  readonly html: string | null;
  readonly snippet: string;
  readonly attachments: ParsedAttachment[];
  readonly headerBlock: string;
  readonly parseProblems: string | null;
  /** text/calendar parts with METHOD:REPLY (answers to invitations). */
  readonly calendarReplies: string[];
  /** A delivery report (DSN or a known non-standard bounce), or null. */
  readonly bounce: BounceReport | null;
  /**
   * Set when only the header block was read (parseHeadersOnly): the raw message, which the store puts in the mail
   * body queue instead of storing text, attachments and the search row.
   */
  readonly deferredRaw?: Buffer;
}

export function isIncomingMail(parsed: ParsedMessage): parsed is IncomingMail {
  return parsed.kind === 'parsed-message' && Array.isArray((parsed as Partial<IncomingMail>).attachments);
}
