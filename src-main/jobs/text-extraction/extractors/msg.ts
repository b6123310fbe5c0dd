import MsgReaderModule from '@kenjiuno/msgreader';
import { ExtractFailure } from './extract-failure';
import { htmlToText } from './html';
import { mailText } from './mail-header';

// A CommonJS package with `exports.default`: Node's ESM import (and the esbuild bundle, which keeps it
// external) hands over the whole exports object, a bundler-style import the class itself.
const MsgReader = (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

/** An Outlook message (.msg): the same lines as an .eml. */
export function extractMsg(bytes: Uint8Array): string {
  const data = new MsgReader(new Uint8Array(bytes).buffer).getFileData();
  if (data.error) throw new ExtractFailure(`dosya bozuk: Outlook iletisi okunamıyor (${data.error})`);
  const recipients = (kind: string) =>
    (data.recipients ?? [])
      .filter((r) => (r.recipType ?? 'to') === kind)
      // Exchange stores an X.500 path in `email`; the SMTP address, when kept, is `smtpAddress`.
      .map((r) => [r.name, r.smtpAddress ?? r.email] as const)
      .map(([name, email]) => (email && name && name !== email ? `${name} <${email}>` : (email ?? name ?? '')))
      .filter(Boolean)
      .join(', ');
  const body = data.body?.trim() ? data.body : data.bodyHtml ? htmlToText(data.bodyHtml) : '';
  const sender = data.senderEmail ? `${data.senderName ?? ''} <${data.senderEmail}>`.trim() : data.senderName;
  return mailText({
    from: sender,
    to: recipients('to'),
    cc: recipients('cc'),
    subject: data.subject,
    date: data.messageDeliveryTime ?? data.clientSubmitTime,
    body,
    attachmentNames: (data.attachments ?? []).map((a) => a.fileName ?? a.name ?? '').filter(Boolean),
  });
}
