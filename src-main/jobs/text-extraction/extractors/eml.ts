import { simpleParser, type AddressObject } from 'mailparser';
import { htmlToText } from './html';
import { mailText } from './mail-header';

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');

/** A saved e-mail (.eml): headers, the plain text body (or the HTML body as text), attachment names. */
export async function extractEml(bytes: Uint8Array): Promise<string> {
  const mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    skipImageLinks: true,
    skipTextToHtml: true,
  });
  // mailparser fills `text` from the HTML when there is no plain part, links and all: the HTML part, when
  // there is one, goes through the same conversion as .html files instead.
  const body = typeof mail.html === 'string' ? htmlToText(mail.html) : (mail.text ?? '');
  return mailText({
    from: mail.from?.text,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject,
    date: mail.date,
    body,
    attachmentNames: mail.attachments.map((a) => a.filename ?? '').filter(Boolean),
  });
}
