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

/**
 * What is read of each part. Bounce reports are short; a hostile "bounce" of megabytes must not cost more than
 * this, and every pattern below is linear (or bounded per line), because parsing is synchronous: no timer can
 * interrupt a regular expression that backtracks, and the scan would fetch the same message again after a restart.
 */
const MAX_SCAN_CHARS = 64 * 1024;
/** Longer lines are cut before any pattern sees them. */
const MAX_LINE_CHARS = 1000;
/** Mailer daemons, postmasters and Exchange's system mailbox (MicrosoftExchange<32 hex>@). */
const DAEMON = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|mdaemon|microsoftexchange[0-9a-f]{32})@/i;
const DAEMON_NAME = /^(?:mail delivery (?:system|subsystem)|mailer-daemon|postmaster)$/i;
const LOCAL_PART = /^[A-Za-z0-9._%+'!#$&*=?^`{|}~-]{1,64}$/;
/** Labels cannot contain dots, so this never backtracks. */
const DOMAIN_PART = /^(?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,63}$/;
/** Address candidates: runs of characters an address may contain, bounded (longer runs are cut, not scanned). */
const TOKEN = /[^\s<>()[\],;:"']{3,320}/g;

/** The header fields mayBeBounce reads, as they stand in the header block (names and words not decoded). */
export interface BounceHeaders {
  contentType: string;
  failedRecipients: boolean;
  fromAddress: string;
  /** The whole From field as written. */
  fromField: string;
  /** Some Return-Path field is the empty path "<>" (what mail servers send reports from). */
  emptyReturnPath: boolean;
}

/**
 * Whether detectBounce could find a bounce in this mail, from its header block alone. Looser than detectBounce's
 * own first test (any multipart/report, the daemon names anywhere in From): a mail this passes over is never read as
 * a bounce, so a large scan may store it first and read its body later.
 */
export function mayBeBounce(h: BounceHeaders): boolean {
  return (
    /^\s*multipart\/report\b/i.test(h.contentType) ||
    h.failedRecipients ||
    DAEMON.test(h.fromAddress) ||
    /mail delivery|mailer-?daemon|postmaster/i.test(h.fromField.slice(0, 1000)) ||
    h.emptyReturnPath
  );
}

export function detectBounce(parsed: BounceInput, mail: ParsedMail, raw: Buffer): BounceReport | null {
  const contentType = mail.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const isReport =
    contentType?.value?.toLowerCase() === 'multipart/report' &&
    (contentType.params?.['report-type'] ?? '').toLowerCase().includes('delivery-status');
  const failedHeader = String(mail.headers.get('x-failed-recipients') ?? '').slice(0, 4000);
  // Only software writes bounces: a person's reply saying "wasn't delivered" (whatever its subject) is not one.
  const fromDaemon =
    DAEMON.test(parsed.from?.address ?? '') ||
    DAEMON_NAME.test(fromName(mail).trim()) ||
    mail.headerLines.some((l) => l.key === 'return-path' && /^[^:]*:\s*<\s*>\s*$/.test(l.line.slice(0, 200)));
  if (!isReport && !failedHeader && !fromDaemon) return null;

  const statusParts = mail.attachments
    .filter((a) => /delivery-status/i.test(a.contentType))
    .slice(0, 5)
    .map((a) => bounded(a.content.toString('utf8', 0, Math.min(a.content.length, MAX_SCAN_CHARS))));
  const quoted = mail.attachments
    .filter((a) => /rfc822/i.test(a.contentType))
    .slice(0, 5)
    .map((a) => bounded(a.content.toString('utf8', 0, Math.min(a.content.length, MAX_SCAN_CHARS))));
  const text = bounded(parsed.text);
  const rawView = bounded(raw.toString('latin1', 0, Math.min(raw.length, MAX_SCAN_CHARS)));

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
    recipients = addressesIn(failedHeader).map((address) => ({
      address,
      status: statusIn(text),
      reason: reasonIn(text),
    }));
  }
  if (recipients.length === 0) return null;

  const scanned = [...statusParts, ...quoted, text, rawView].join('\n');
  const own = parsed.messageIdHeader;
  // A daemon's or a report's In-Reply-To names the mail that failed; anyone else's names the mail they answer.
  const threadIds =
    fromDaemon || isReport ? [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...parsed.references] : [];
  const originalMessageIds = unique([
    ...[...scanned.matchAll(/^[ \t]*Message-ID:[ \t]*<([^<>\s]{1,998})>/gim)].map((m) => m[1]!),
    ...threadIds,
  ]).filter((id) => id !== own);
  const references = unique(
    [...scanned.matchAll(/^[ \t]*X-Kartotek-Reference:[ \t]*([^\s<>]{1,200})/gim)].map((m) => m[1]!),
  );
  return { format, recipients: dedupe(recipients), originalMessageIds, references };
}

function fromName(mail: ParsedMail): string {
  return (mail.from?.value.map((v) => v.name).join(' ') ?? '').slice(0, 200);
}

/** At most MAX_SCAN_CHARS, no line longer than MAX_LINE_CHARS: what every pattern below may assume. */
export function bounded(text: string): string {
  return text
    .slice(0, MAX_SCAN_CHARS)
    .split('\n')
    .map((line) => (line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line))
    .join('\n');
}

/** The address a token is, or null: local part and domain tested apart, each anchored (no scanning, no backtracking). */
function asAddress(token: string): string | null {
  const clean = token.replace(/^[.'`]+|[.'`]+$/g, '');
  const at = clean.lastIndexOf('@');
  if (at <= 0) return null;
  const local = clean.slice(0, at);
  const domain = clean.slice(at + 1);
  return LOCAL_PART.test(local) && DOMAIN_PART.test(domain) ? clean.toLowerCase() : null;
}

/** Every address in a text, word by word. */
function addressesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!m[0].includes('@')) continue;
    const address = asAddress(m[0]);
    if (address) out.push(address);
    if (out.length >= 100) break;
  }
  return out;
}

function firstAddress(text: string): string | null {
  return addressesIn(text)[0] ?? null;
}

/** RFC 3464 per-recipient blocks: Final-Recipient / Action / Status / Diagnostic-Code. */
export function parseDeliveryStatus(report: string): BounceRecipient[] {
  const unfolded = bounded(bounded(report).replace(/\r?\n[ \t]+/g, ' '));
  const blocks = unfolded.split(/\r?\n[ \t]*\r?\n/).slice(0, 200);
  const out: BounceRecipient[] = [];
  for (const block of blocks) {
    const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block)?.[1]?.trim() ?? null;
    const recipient = field('Final-Recipient') ?? field('Original-Recipient');
    if (!recipient) continue;
    const address = firstAddress(recipient);
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
  input: string,
): { format: BounceReport['format']; recipients: BounceRecipient[] } | null {
  const text = bounded(input);
  if (
    /will (?:continue|keep) trying|has been delayed|delivery delayed|temporary failure|teslimat gecikti/i.test(text) &&
    !/permanent/i.test(text)
  ) {
    return null;
  }
  // The report part ends where the copy of the original message starts: addresses below are the original's.
  const report =
    text.split(
      /^-{2,}[ \t]*(?:Below this line is a copy|Original message|Forwarded message|The original message)|^-{3,} This is a copy|^Original message headers:|^------ This is a copy/im,
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

/** qmail and Postfix: "<addr>:" (or "<addr> (expanded from …):") then the reason up to a blank line. Line by line. */
function angleBlocks(report: string): BounceRecipient[] {
  const out: BounceRecipient[] = [];
  const lines = report.split('\n');
  for (let i = 0; i < lines.length && out.length < 100; i++) {
    const m = /^[ \t]*<([^<>\s]{3,320})>(?:[ \t]*\([^()]{0,300}\))?:[ \t]*(.*)$/.exec(lines[i]!.trimEnd());
    const address = m ? asAddress(m[1]!) : null;
    if (!m || !address) continue;
    const reason = [m[2]!, ...paragraphAfter(lines, i)].join('\n');
    out.push({ address, status: statusIn(reason), reason: words(reason) || 'Teslim edilemedi' });
  }
  return out;
}

/** Exim: "The following address(es) failed:" then indented addresses, each with its reason below. */
function eximRecipients(report: string): BounceRecipient[] {
  const at = report.search(/following address(?:\(es\))? failed:/i);
  if (at === -1) return [];
  const lines = report.slice(at).split('\n').slice(1);
  const out: BounceRecipient[] = [];
  for (let i = 0; i < lines.length && out.length < 100; i++) {
    const m = /^[ \t]{2,}(\S{3,320})[ \t]*$/.exec(lines[i]!.trimEnd());
    const address = m ? asAddress(m[1]!.replace(/^<|>:?$/g, '')) : null;
    if (!address) continue;
    const reason = paragraphAfter(lines, i).join('\n');
    out.push({ address, status: statusIn(reason), reason: words(reason) || 'Teslim edilemedi' });
  }
  return out;
}

/** The lines after line i up to the next blank line (a few at most). */
function paragraphAfter(lines: readonly string[], i: number): string[] {
  const out: string[] = [];
  for (let j = i + 1; j < lines.length && out.length < 10; j++) {
    if (lines[j]!.trim() === '') break;
    out.push(lines[j]!);
  }
  return out;
}

function exchangeRecipients(report: string): BounceRecipient[] {
  const after =
    report
      .split(/Delivery has failed to these recipients or groups:|couldn't be delivered\.?/i)
      .slice(1)
      .join('\n') || report;
  const address = firstAddress(after) ?? firstAddress(report);
  if (!address) return [];
  // The server's code line ("#550 5.1.10 RESOLVER.ADR.RecipientNotFound; …") says most; else the sentence
  // under the address.
  const code = /(5\d\d[ -]\d\.\d{1,3}\.\d{1,3}[^\n#]{0,300})/.exec(report)?.[1] ?? '';
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
  const named =
    /wasn't delivered to[ \t]+(\S{3,320})/i.exec(report)?.[1] ??
    /failed permanently:[ \t]*\r?\n?[ \t]*(\S{3,320})/i.exec(report)?.[1];
  const clean = (named ? firstAddress(named) : null) ?? firstAddress(report);
  if (!clean) return [];
  const response = paragraphAfterPhrase(report, /The response (?:from the remote server )?was:/i);
  const technical = paragraphAfterPhrase(report, /Technical details of permanent failure:/i);
  const reason = response || technical || (/because ([^.\n]{0,300})/i.exec(report)?.[1] ?? '');
  return [
    { address: clean.toLowerCase(), status: statusIn(reason || report), reason: words(reason) || 'Teslim edilemedi' },
  ];
}

/** The rest of the phrase's line and the lines after it, up to a blank line. */
function paragraphAfterPhrase(report: string, phrase: RegExp): string {
  const m = phrase.exec(report);
  if (!m) return '';
  const lines = report.slice(m.index + m[0].length).split('\n', 200);
  // The paragraph may start on the phrase's line or after blank lines.
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return '';
  return [lines[first]!, ...paragraphAfter(lines, first)].join('\n').trim();
}

function statusIn(text: string): string | null {
  return /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(text)?.[1] ?? null;
}

function reasonIn(text: string): string {
  return words(text.split('\n').find((line) => /\b5\d\d\b/.test(line)) ?? '');
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
