/**
 * One outbox row as the MIME message sent and stored: built once, so the bytes that go out through SMTP are the
 * bytes appended to the sent folder. The Message-ID is the row's (made at queue time), `X-Kartotek-Reference`
 * carries the reference number, attachments are read from the documents' blobs.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { readBlobRange } from '../../services/documents/blob-store';
import type { SentMailRecord } from '../../services/mail/record-sent-mail';

/** An attached image of this name is shown inside the mail (cid) instead of listed: the invitation's QR code. */
export const INLINE_QR_NAME = 'giris-kodu.png';
const QR_CID = 'giris-kodu@kartotek';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  messageId: string;
  referenceNo: string;
  inReplyTo: string | null;
  references: string[];
  documentIds: string[];
  date: Date;
}

interface DocumentRow {
  id: string;
  name: string;
  mimeType: string;
  sha256: string;
  size: number;
}

function documentsOf(db: Db, ids: string[]): DocumentRow[] {
  return ids.flatMap((id) => {
    const row = stmt(db, 'select id, name, mime_type as mimeType, sha256, size from documents where id = ?').get(id) as
      DocumentRow | undefined;
    return row ? [row] : [];
  });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The raw message, and the html part when there is one (the stored copy keeps it). */
export async function composeMail(db: Db, mail: OutgoingMail): Promise<{ raw: Buffer; html: string | null }> {
  const docs = documentsOf(db, mail.documentIds);
  const calendar = docs.find((d) => d.mimeType.startsWith('text/calendar') || /\.ics$/i.test(d.name));
  const qr = docs.find((d) => d.name === INLINE_QR_NAME && d.mimeType === 'image/png');
  const bytes = (d: DocumentRow) => readBlobRange(db, d.sha256, 0, d.size);
  const html = qr
    ? `<div style="font-family:sans-serif">${escapeHtml(mail.text).replace(/\n/g, '<br>')}` +
      `<p><img src="cid:${QR_CID}" alt="Giriş kodu" width="160" height="160"></p></div>`
    : null;
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(html ? { html } : {}),
    messageId: `<${mail.messageId}>`,
    date: mail.date,
    headers: { 'X-Kartotek-Reference': mail.referenceNo },
    ...(mail.inReplyTo ? { inReplyTo: `<${mail.inReplyTo}>` } : {}),
    ...(mail.references.length ? { references: mail.references.map((r) => `<${r}>`) } : {}),
    // An invitation's REQUEST goes in as an alternative part (text/calendar; method=REQUEST), so Outlook and
    // Gmail show accept/decline; other documents are plain attachments.
    ...(calendar ? { icalEvent: { method: 'REQUEST', filename: calendar.name, content: bytes(calendar) } } : {}),
    attachments: docs
      .filter((d) => d !== calendar)
      .map((d) =>
        d === qr
          ? { filename: d.name, contentType: d.mimeType, content: bytes(d), cid: QR_CID }
          : { filename: d.name, contentType: d.mimeType, content: bytes(d) },
      ),
  });
  const raw = await composer.compile().build();
  return { raw, html };
}

/** What recordSentMail stores of it. */
export function sentRecord(
  mail: OutgoingMail,
  html: string | null,
  accountId: string,
  cardId: string | null,
): SentMailRecord {
  return {
    accountId,
    messageIdHeader: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    subject: mail.subject,
    from: mail.from,
    to: [mail.to],
    cc: [],
    text: mail.text,
    html,
    documentIds: mail.documentIds,
    cardIds: cardId ? [cardId] : [],
    sentAt: mail.date.toISOString(),
  };
}
