/**
 * Recognises delivery reports in incoming mail: standard DSNs (multipart/report; report-type=delivery-status,
 * RFC 3464) and the common non-standard bounces (qmail, Postfix/Exim "Mail Delivery System", Exchange/Outlook,
 * Gmail). Only permanent failures count: a "delayed" report changes nothing. A mail is only read as a bounce when
 * it comes from a mailer daemon, is a report, or names failed recipients, so a person quoting a bounce is not one.
 */
import type { ParsedMail } from 'mailparser';
import type { BounceRecipient, BounceReport } from './bounce-report';

interface BounceInput {
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: { address: string } | null;
  text: string;
}

const MAX_SCAN_CHARS = 1024 * 1024;
const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?|mdaemon)@/i;
const BOUNCE_SUBJECT =
  /undeliver|delivery status notification|failure notice|returned mail|mail delivery failed|delivery has failed|delivery failure|could not be delivered|teslim edilemedi|iletilemedi/i;
const ADDRESS = /[A-Za-z0-9._%+'!#$&*=?^`{|}~-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export function detectBounce(parsed: BounceInput, mail: ParsedMail, raw: Buffer): BounceReport | null {
  const contentType = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const isReport =
    contentType?.value?.toLowerCase() === 'multipart/report' &&
    (contentType.params?.['report-type'] ?? '').toLowerCase().includes('delivery-status');
  const failedHeader = String(mail.headers.get('x-failed-recipients') ?? '');
  const fromDaemon =
    DAEMON.test(parsed.from?.address ?? '') || /mail delivery (?:system|subsystem)/i.test(fromName(mail));
  if (!isReport && !failedHeader && !(fromDaemon || BOUNCE_SUBJECT.test(parsed.subject))) return null;

  const statusParts = mail.attachments
    .filter((a) => /delivery-status/i.test(a.contentType))
    .map((a) => a.content.toString('utf8', 0, Math.min(a.content.length, MAX_SCAN_CHARS)));
  const quoted = mail.attachments
    .filter((a) => /rfc822/i.test(a.contentType))
    .map((a) => a.content.toString('utf8', 0, Math.min(a.content.length, MAX_SCAN_CHARS)));
  const text = parsed.text.slice(0, MAX_SCAN_CHARS);
  const rawView = raw.toString('latin1', 0, Math.min(raw.length, MAX_SCAN_CHARS));

  let format: BounceReport['format'] = 'generic';
  let recipients: BounceRecipient[] = [];
  if (statusParts.length) {
    format = 'dsn';
    recipients = statusParts.flatMap(parseDeliveryStatus);
    if (
      recipients.length === 0 &&
      statusParts.some((s) => /^Action:\s*(?:delayed|delivered|relayed|expanded)/im.test(s))
    ) {
      return null;
    }
  }
  if (recipients.length === 0) {
    const found = parseNonStandard(text);
    if (found) ({ format, recipients } = found);
  }
  if (recipients.length === 0 && failedHeader) {
    recipients = failedHeader
      .split(/[,\s]+/)
      .filter((a) => ADDRESS.test(a))
      .map((address) => ({ address: address.toLowerCase(), status: statusIn(text), reason: reasonIn(text) }));
  }
  if (recipients.length === 0) return null;

  const scanned = [...statusParts, ...quoted, text, rawView].join('\n');
  const own = parsed.messageIdHeader;
  const originalMessageIds = unique([
    ...[...scanned.matchAll(/^\s*Message-ID:\s*<([^<>\s]+)>/gim)].map((m) => m[1]!),
    ...(parsed.inReplyTo ? [parsed.inReplyTo] : []),
    ...parsed.references,
  ]).filter((id) => id !== own);
  const references = unique([...scanned.matchAll(/^\s*X-Kartotek-Reference:\s*([^\s<>]+)/gim)].map((m) => m[1]!));
  return { format, recipients: dedupe(recipients), originalMessageIds, references };
}

function fromName(mail: ParsedMail): string {
  return mail.from?.value.map((v) => v.name).join(' ') ?? '';
}

/** RFC 3464 per-recipient blocks: Final-Recipient / Action / Status / Diagnostic-Code. */
export function parseDeliveryStatus(report: string): BounceRecipient[] {
  const unfolded = report.replace(/\r?\n[ \t]+/g, ' ');
  const blocks = unfolded.split(/\r?\n\s*\r?\n/);
  const out: BounceRecipient[] = [];
  for (const block of blocks) {
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(block)?.[1]?.trim() ?? null;
    const recipient = field('Final-Recipient') ?? field('Original-Recipient');
    if (!recipient) continue;
    const address = ADDRESS.exec(recipient)?.[0]?.toLowerCase();
    if (!address) continue;
    const action = (field('Action') ?? '').toLowerCase();
    const status = field('Status');
    const permanent = action === 'failed' || (action === '' && status?.startsWith('5'));
    if (!permanent) continue;
    const diagnostic = (field('Diagnostic-Code') ?? '').replace(/^[a-z-]+;\s*/i, '');
    out.push({
      address,
      status: status?.match(/\d\.\d{1,3}\.\d{1,3}/)?.[0] ?? null,
      reason: words(diagnostic) || 'Teslim edilemedi',
    });
  }
  return out;
}

/** The non-standard formats, by the sentences their software always writes. */
export function parseNonStandard(
  text: string,
): { format: BounceReport['format']; recipients: BounceRecipient[] } | null {
  if (
    /will (?:continue|keep) trying|has been delayed|delivery delayed|temporary failure|teslimat gecikti/i.test(text) &&
    !/permanent/i.test(text)
  ) {
    return null;
  }
  // The report part ends where the copy of the original message starts: addresses below are the original's.
  const report =
    text.split(
      /^-{2,}\s*(?:Below this line is a copy|Original message|Forwarded message|The original message)|^-{3,} This is a copy|^Original message headers:|^------ This is a copy/im,
    )[0] ?? text;

  if (/This is the qmail-send program/i.test(report)) {
    return { format: 'qmail', recipients: angleBlocks(report) };
  }
  if (
    /Delivery has failed to these recipients or groups|Your message to .+ couldn't be delivered|couldn't be delivered to/i.test(
      report,
    )
  ) {
    return { format: 'exchange', recipients: exchangeRecipients(report) };
  }
  if (/Address not found|Delivery to the following recipient failed permanently|wasn't delivered to/i.test(report)) {
    return { format: 'gmail', recipients: gmailRecipients(report) };
  }
  if (
    /This is the mail system at host|Undelivered Mail Returned to Sender|could not be delivered to one or more|following address(?:\(es\))? failed/i.test(
      report,
    )
  ) {
    const angled = angleBlocks(report);
    return { format: 'postfix', recipients: angled.length ? angled : eximRecipients(report) };
  }
  return null;
}

/** qmail and Postfix: "<addr>:" (or "<addr> (expanded from …):") then the reason up to a blank line. */
function angleBlocks(report: string): BounceRecipient[] {
  const out: BounceRecipient[] = [];
  for (const m of report.matchAll(
    /^\s*<([^<>\s]+@[^<>\s]+)>(?:\s*\([^)]*\))?:\s*\r?\n?([\s\S]*?)(?:\r?\n\s*\r?\n|$)/gm,
  )) {
    const reason = m[2] ?? '';
    out.push({ address: m[1]!.toLowerCase(), status: statusIn(reason), reason: words(reason) || 'Teslim edilemedi' });
  }
  return out;
}

/** Exim: "The following address(es) failed:" then indented addresses, each with its reason below. */
function eximRecipients(report: string): BounceRecipient[] {
  const after = report.split(/following address(?:\(es\))? failed:/i)[1] ?? '';
  const out: BounceRecipient[] = [];
  for (const m of after.matchAll(/^\s{2}(\S+@\S+)\s*\r?\n([\s\S]*?)(?:\r?\n\s*\r?\n|$)/gm)) {
    const address = ADDRESS.exec(m[1]!)?.[0];
    if (address)
      out.push({ address: address.toLowerCase(), status: statusIn(m[2]!), reason: words(m[2]!) || 'Teslim edilemedi' });
  }
  return out;
}

function exchangeRecipients(report: string): BounceRecipient[] {
  const after =
    report
      .split(/Delivery has failed to these recipients or groups:|couldn't be delivered\.?/i)
      .slice(1)
      .join('\n') || report;
  const address = ADDRESS.exec(after)?.[0] ?? ADDRESS.exec(report)?.[0];
  if (!address) return [];
  // The server's code line ("#550 5.1.10 RESOLVER.ADR.RecipientNotFound; …") says most; else the sentence
  // under the address.
  const code = /#?\s*(5\d\d[ -]\d\.\d{1,3}\.\d{1,3}[^\n#]*)/.exec(report)?.[1] ?? '';
  const lines = after.split(/\r?\n/);
  const at = lines.findIndex((l) => l.includes(address));
  const sentence = at === -1 ? '' : (lines.slice(at + 1).find((l) => l.trim() !== '') ?? '');
  return [
    {
      address: address.toLowerCase(),
      status: statusIn(code || report),
      reason: words(code || sentence) || 'Teslim edilemedi',
    },
  ];
}

function gmailRecipients(report: string): BounceRecipient[] {
  const address =
    /wasn't delivered to\s+(\S+@\S+?)(?:\s|$)/i.exec(report)?.[1] ??
    /failed permanently:\s*(\S+@\S+)/i.exec(report)?.[1] ??
    ADDRESS.exec(report)?.[0];
  const clean = address ? ADDRESS.exec(address)?.[0] : undefined;
  if (!clean) return [];
  const response =
    /The response (?:from the remote server )?was:\s*([\s\S]*?)(?:\r?\n\s*\r?\n|$)/i.exec(report)?.[1] ?? '';
  const technical = /Technical details of permanent failure:\s*([\s\S]*?)(?:\r?\n\s*\r?\n|$)/i.exec(report)?.[1] ?? '';
  const reason = response || technical || (/because ([^.]*)/i.exec(report)?.[1] ?? '');
  return [
    { address: clean.toLowerCase(), status: statusIn(reason || report), reason: words(reason) || 'Teslim edilemedi' },
  ];
}

function statusIn(text: string): string | null {
  return /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? null;
}

function reasonIn(text: string): string {
  return words(/^.*\b5\d\d\b.*$/m.exec(text)?.[0] ?? '');
}

/** One line, bounded: what the recipient row's error shows. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, 50);
}

function dedupe(recipients: BounceRecipient[]): BounceRecipient[] {
  const seen = new Map<string, BounceRecipient>();
  for (const r of recipients) if (!seen.has(r.address)) seen.set(r.address, r);
  return [...seen.values()];
}
