/**
 * Raw RFC 822 bytes to an IncomingMail, bounded: the raw pre-pass (raw-bounds.ts) caps headers and parts,
 * mailparser reads the rest with the guessing charset decoder, sizes are capped again after, and the whole parse
 * races a timer. Nothing here throws for bad input: whatever fails falls back to the minimal parse of the header
 * fields and the raw text (minimal-parse.ts), with the reason in parseProblems.
 */
import crypto from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { GuessingIconv } from './charset-guess';
import { boundBody, boundHeader, splitMessage } from './raw-bounds';
import { minimalParse } from './minimal-parse';
import { detectBounce } from '../bounce/detect-bounce';
import { htmlToText } from '../../../jobs/text-extraction/extractors/html';
import type { IncomingMail, MailPerson, ParsedAttachment } from './parsed-mail';

export const MAX_TEXT_CHARS = 2 * 1024 * 1024;
export const MAX_HTML_CHARS = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 200;
/** One attachment larger than this is not stored (the mail says so); documents take up to 2 GB, mail never should. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** A parse taking longer than this is abandoned for the minimal parse (measured: 300 parts take ~0.3 s). */
export const PARSE_TIMEOUT_MS = 20_000;

export async function parseRawMessage(raw: Buffer, timeoutMs = PARSE_TIMEOUT_MS): Promise<IncomingMail> {
  try {
    return await withTimeout(fullParse(raw), timeoutMs);
  } catch (err) {
    const why = err instanceof ParseTimeout ? 'okunması çok uzun sürdü' : 'biçimi bozuk';
    return minimalParse(raw, `İleti ${why}; yalnız başlıkları ve düz metni saklandı.`);
  }
}

class ParseTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ParseTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function fullParse(raw: Buffer): Promise<IncomingMail> {
  const split = splitMessage(raw);
  const header = boundHeader(split.header);
  const body = boundBody(split.body, header.text);
  const problems = [...header.problems, ...body.problems];
  const bounded = Buffer.concat([header.bytes, Buffer.from('\r\n\r\n'), body.body]);
  const mail = await simpleParser(bounded, {
    Iconv: GuessingIconv,
    keepDeliveryStatus: true,
    maxHtmlLengthToParse: MAX_HTML_CHARS,
    maxInlinedImagesSize: 2 * 1024 * 1024,
    checksumAlgo: false,
    maxHeadSize: 512 * 1024,
    // mailparser's own HTML-to-text keeps link URLs and image sources in brackets ("logo [https://…]"), which
    // then fill snippets and search text: an HTML-only mail gets the readable text the documents use instead.
    skipHtmlToText: true,
    // mailparser turns the text into HTML twice: textAsHtml (never read here) and, only when an HTML part is
    // there, the text parts merged into `html`. Without an HTML part both are waste (HTML escaping and link
    // finding were a tenth of the parse), so a mail that cannot have one skips them.
    skipTextToHtml: !mayHaveHtmlPart(bounded),
  });
  const htmlOnly =
    !mail.text && typeof mail.html === 'string' ? htmlToText(capped(mail.html, MAX_HTML_CHARS, [], '')) : '';
  const text = capped(mail.text || htmlOnly, MAX_TEXT_CHARS, problems, 'Metin');
  // Kept as received (cid: images already inlined by mailparser): sanitised when the mail is read, never here,
  // so the scan does no DOM work (read/mail-html.ts says why).
  const html =
    typeof mail.html === 'string' && mail.html.trim() !== ''
      ? capped(mail.html, MAX_HTML_CHARS, problems, 'HTML gövdesi')
      : null;
  const { attachments, calendarReplies } = attachmentsOf(mail.attachments, problems);
  const messageIdHeader = normaliseMessageId(mail.messageId);
  const references = messageIds(mail.references);
  const inReplyTo = messageIds(mail.inReplyTo)[0] ?? null;
  const subject = (mail.subject ?? '').slice(0, 2000);
  const parsed: IncomingMail = {
    kind: 'parsed-message',
    size: raw.length,
    contentKey: messageIdHeader ?? contentKeyOf(split.header, raw),
    messageIdHeader,
    inReplyTo,
    references,
    subject,
    from: peopleOf(mail.from)[0] ?? null,
    replyTo: peopleOf(mail.replyTo),
    to: peopleOf(mail.to),
    cc: peopleOf(mail.cc),
    sentAt: plausibleDate(mail.date),
    text,
    html,
    snippet: snippetOf(text),
    attachments,
    headerBlock: header.text,
    parseProblems: problems.length ? problems.join(' ') : null,
    calendarReplies,
    bounce: null,
  };
  return { ...parsed, bounce: detectBounce(parsed, mail, raw) };
}

/** False only when no part can be text/html: the words never occur (false positives just take the full path). */
function mayHaveHtmlPart(raw: Buffer): boolean {
  return /text[\s"']*\/[\s"']*html/i.test(raw.toString('latin1'));
}

function capped(value: string, max: number, problems: string[], what: string): string {
  if (value.length <= max) return value;
  problems.push(`${what} çok uzundu; ilk ${Math.round(max / 1024 / 1024)} MB'ı saklandı.`);
  return value.slice(0, max);
}

function attachmentsOf(
  parts: Attachment[],
  problems: string[],
): { attachments: ParsedAttachment[]; calendarReplies: string[] } {
  const attachments: ParsedAttachment[] = [];
  const calendarReplies: string[] = [];
  let skippedLarge = 0;
  for (const part of parts) {
    const type = (part.contentType || 'application/octet-stream').toLowerCase();
    if (type === 'text/calendar' || type === 'application/ics') {
      const ics = part.content.toString('utf8', 0, Math.min(part.content.length, 1_000_000));
      if (/^METHOD:REPLY\s*$/im.test(ics)) calendarReplies.push(ics);
    }
    // The delivery report's own parts are read by the bounce parser, not kept as documents.
    if (type === 'message/delivery-status' || type === 'message/global-delivery-status') continue;
    if (attachments.length >= MAX_ATTACHMENTS) {
      problems.push(`İletide ${MAX_ATTACHMENTS}'den fazla ek vardı; yalnız ilk ${MAX_ATTACHMENTS} ek saklandı.`);
      break;
    }
    if (part.content.length > MAX_ATTACHMENT_BYTES) {
      skippedLarge++;
      continue;
    }
    if (part.content.length === 0) continue;
    attachments.push({
      fileName: safeFileName(part.filename, attachments.length + 1, type),
      contentType: type,
      content: part.content,
      sha256: sha256(part.content),
      size: part.content.length,
      // Only parts shown inside the HTML (multipart/related) count as inline; the rest are listed as attachments.
      contentId: part.related && part.contentId ? part.contentId.replace(/^<|>$/g, '') : null,
    });
  }
  const executable = attachments.filter((a) => isExecutable(a.fileName, a.contentType ?? ''));
  if (executable.length) {
    problems.push(
      `Çalıştırılabilir ek: ${executable
        .map((a) => a.fileName)
        .slice(0, 5)
        .join(', ')}; açmadan önce gönderene danışın.`,
    );
  }
  if (skippedLarge)
    problems.push(`${skippedLarge} ek ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB'tan büyük olduğu için saklanmadı.`);
  return { attachments, calendarReplies };
}

const EXECUTABLE_EXTENSIONS = /\.(?:exe|msi|bat|cmd|com|scr|js|jse|vbs|vbe|wsf|hta|lnk|ps1|jar|app|dmg|pif|cpl|reg)$/i;
const EXECUTABLE_TYPES =
  /^application\/(?:x-msdownload|x-msdos-program|x-ms-installer|x-msi|x-bat|x-sh|javascript|x-javascript|java-archive|x-apple-diskimage|hta)$/i;

/** Programs (kept, like every attachment, but flagged: opening one runs it). */
export function isExecutable(fileName: string, contentType: string): boolean {
  return EXECUTABLE_EXTENSIONS.test(fileName.trim()) || EXECUTABLE_TYPES.test(contentType.trim());
}

const EXTENSIONS: Record<string, string> = {
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
  'text/rfc822-headers': 'txt',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
};

/**
 * A name to show: only the last path segment, no control or reserved characters, no leading dots, bounded. It is
 * a display name and never becomes a path (attachments are stored in SQLite), this just keeps the list readable
 * and keeps a later "save as" from meeting a name like ../../etc/passwd.
 */
export function safeFileName(name: string | undefined, position: number, type: string): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a name
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    // Bidi controls make "fatura\u202Efdp.exe" show as "faturaexe.pdf": a name must read as what it is.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  if (clean !== '') return clean;
  return `ek-${position}.${EXTENSIONS[type] ?? 'bin'}`;
}

export function normaliseMessageId(value: string | undefined | null): string | null {
  const id = (value ?? '')
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim();
  return id === '' || id.length > 998 ? null : id;
}

/** Every <id> in a References / In-Reply-To value (bounded: a thread of 100 is plenty). */
export function messageIds(value: string | string[] | undefined): string[] {
  const all = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const found = [...all.matchAll(/<([^<>\s]{1,998})>/g)].map((m) => m[1]!);
  const ids = found.length ? found : all.split(/\s+/).filter((s) => s.includes('@'));
  return [...new Set(ids)].slice(-100);
}

function peopleOf(value: AddressObject | AddressObject[] | undefined): MailPerson[] {
  const objects = Array.isArray(value) ? value : value ? [value] : [];
  const people: MailPerson[] = [];
  const walk = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (people.length >= 500) return;
      if (entry.group) walk(entry.group);
      else if (entry.address) {
        people.push({ name: (entry.name ?? '').slice(0, 200), address: entry.address.toLowerCase().slice(0, 320) });
      }
    }
  };
  for (const object of objects) walk(object.value);
  return people;
}

/** Dates before 1990 or more than a day ahead are a broken clock or a forged header: the server's date is used. */
export function plausibleDate(date: Date | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1990 || date.getTime() > Date.now() + 24 * 3600 * 1000) return null;
  return date.toISOString();
}

export function snippetOf(text: string): string {
  return text.slice(0, 2000).replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** Without a Message-ID: the header block's hash (the whole message's when it has no header block at all). */
export function contentKeyOf(header: Buffer, raw: Buffer): string {
  return sha256(header.length > 0 ? header : raw);
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export type { ParsedMail };
