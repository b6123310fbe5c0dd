/**
 * What is done to the raw bytes before mailparser sees them, so a hostile or broken message costs bounded memory
 * and time: the header block is cut to what matters (a 5 MB header block would otherwise be parsed, decoded and
 * stored whole), a message with thousands of MIME parts is cut after the first few hundred, and text parts whose
 * charset label cannot be trusted are relabelled for the guessing decoder (charset-guess.ts).
 */
import { decodeGuessing, GUESS_CHARSET } from './charset-guess';

/** The header block kept (and stored in header_block). */
export const MAX_HEADER_BYTES = 256 * 1024;
/** One header field kept at most this long (a References or To field of megabytes is cut). */
const MAX_FIELD_BYTES = 32 * 1024;
/**
 * Header fields kept at most (the key fields first). Real mail has tens; mailparser refuses a header block of more
 * than about 8,000 lines (its size limit counts each line as at least 64 bytes), and then the whole mail would
 * fall back to the minimal parse, its attachments unread.
 */
export const MAX_HEADER_FIELDS = 2000;
/** MIME parts read; the rest of the message is cut off (with a parseProblems sentence). */
export const MAX_PARTS = 300;
/** Boundaries looked for: more distinct boundaries than this is not a real message. */
const MAX_BOUNDARIES = 400;

/** Fields kept first when the header block has to be cut: what storing and linking need. */
const KEY_FIELDS = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
  'x-kartotek-reference',
  'auto-submitted',
  'return-path',
  'x-failed-recipients',
]);

export interface SplitMessage {
  /** The top-level header block as bytes (without the blank line). */
  header: Buffer;
  /** Everything after the blank line. */
  body: Buffer;
  /** The newline the message uses. */
  eol: '\r\n' | '\n';
}

export function splitMessage(raw: Buffer): SplitMessage {
  // Not a message at all (no header field on the first line): all of it is body text.
  if (!/^[\x21-\x39\x3b-\x7e]{1,200}:/.test(raw.toString('latin1', 0, 256))) {
    return { header: Buffer.alloc(0), body: raw, eol: '\r\n' };
  }
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return { header: raw, body: Buffer.alloc(0), eol: '\r\n' };
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    return { header: raw.subarray(0, crlf), body: raw.subarray(crlf + 4), eol: '\r\n' };
  }
  return { header: raw.subarray(0, lf), body: raw.subarray(lf + 2), eol: '\n' };
}

/** Header fields (unfolded lines kept as they were), in order. Bounded: stops once `limit` fields were read. */
export function headerFields(header: string, limit = 100_000): { name: string; text: string }[] {
  const fields: { name: string; text: string }[] = [];
  for (const line of header.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      if (last.text.length < MAX_FIELD_BYTES) last.text += `\r\n${line}`;
      continue;
    }
    if (fields.length >= limit) break;
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // garbage between fields (an mbox "From " line, a broken fold): dropped
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), text: line.slice(0, MAX_FIELD_BYTES) });
  }
  return fields;
}

export interface BoundedHeader {
  /** The header block as mailparser gets it: UTF-8 bytes. */
  bytes: Buffer;
  /** The same as text, for header_block. */
  text: string;
  problems: string[];
}

/**
 * The top-level header block, bounded and decoded: fields over MAX_FIELD_BYTES are cut, a block over
 * MAX_HEADER_BYTES keeps the key fields and as many others as fit. Raw 8-bit bytes (not allowed in headers, sent
 * anyway) are read with the same guess as text bodies and handed on as UTF-8, which mailparser reads.
 */
export function boundHeader(header: Buffer): BoundedHeader {
  const problems: string[] = [];
  const text = decodeGuessing(
    header.length > 64 * MAX_HEADER_BYTES ? header.subarray(0, 64 * MAX_HEADER_BYTES) : header,
  );
  let fields = headerFields(text);
  const oversized = header.length > MAX_HEADER_BYTES || fields.some((f) => f.text.length >= MAX_FIELD_BYTES);
  const crowded = fields.length > MAX_HEADER_FIELDS;
  if (oversized || crowded) {
    const kb = Math.round(header.length / 1024);
    if (oversized)
      problems.push(`Başlık bölümü çok büyüktü (${kb} KB); yalnız ilk ${MAX_HEADER_BYTES / 1024} KB'ı saklandı.`);
    else problems.push(`Başlık bölümünde çok fazla alan vardı; yalnız ${MAX_HEADER_FIELDS} alanı saklandı.`);
    let budget = MAX_HEADER_BYTES;
    const seen = new Set<string>();
    const keep = new Set<number>();
    // The key fields first (the first of each: a second Subject or From is not the message's own).
    const size = (f: { text: string }) => Buffer.byteLength(f.text) + 2;
    const fits = (f: { text: string }) => budget >= size(f) && keep.size < MAX_HEADER_FIELDS;
    fields.forEach((f, i) => {
      if (!KEY_FIELDS.has(f.name) || seen.has(f.name) || !fits(f)) return;
      seen.add(f.name);
      keep.add(i);
      budget -= size(f);
    });
    fields.forEach((f, i) => {
      if (keep.has(i) || !fits(f)) return;
      keep.add(i);
      budget -= size(f);
    });
    fields = fields.filter((_, i) => keep.has(i));
  }
  const relabelled = fields.map((f) => relabelField(f.name, f.text));
  // No Content-Type means text/plain us-ascii, which is exactly where windows-1254 bytes hide.
  if (!fields.some((f) => f.name === 'content-type'))
    relabelled.push(`Content-Type: text/plain; charset=${GUESS_CHARSET}`);
  const joined = relabelled.join('\r\n');
  return { bytes: Buffer.from(joined, 'utf8'), text: joined, problems };
}

const TRUSTED_BODY_LABELS = /^(?:us-?ascii|ascii|utf-?8|iso-?8859-?1|latin-?1)$/i;

/**
 * Points untrusted charset labels at the guessing decoder: a text/* Content-Type field without a charset or with
 * one of the labels Turkish bytes hide behind, and encoded words labelled us-ascii or iso-8859-1 (read as
 * windows-1254: the same letters except the six Turkish ones).
 */
function relabelField(name: string, text: string): string {
  let out = text.replace(/=\?(us-ascii|iso-8859-1|latin1)(\*[a-z-]+)?\?/gi, '=?windows-1254$2?');
  if (name === 'content-type') out = relabelContentType(out);
  return out;
}

function relabelContentType(field: string): string {
  const value = field.slice(field.indexOf(':') + 1);
  if (!/^\s*text\//i.test(value)) return field;
  const charset = /charset\s*=\s*"?([^";\s]*)"?/i.exec(value);
  if (!charset) return `${field}; charset=${GUESS_CHARSET}`;
  if (!TRUSTED_BODY_LABELS.test(charset[1]!)) return field;
  return field.replace(charset[0], `charset=${GUESS_CHARSET}`);
}

export interface BoundedBody {
  body: Buffer;
  problems: string[];
  /** MIME parts seen before the cut (0 for a single-part message). */
  parts: number;
}

/**
 * Cuts the body after MAX_PARTS part boundaries and relabels untrusted charsets in the parts' own headers.
 * Works on a latin1 view (one character per byte, so the bytes come back unchanged) and never parses MIME itself:
 * it only looks for lines starting with "--" and one of the boundaries the message declares.
 */
export function boundBody(body: Buffer, topHeader: string): BoundedBody {
  const problems: string[] = [];
  const view = body.toString('latin1');
  const boundaries = declaredBoundaries(`${topHeader}\n${view}`);
  if (boundaries.size === 0) return { body, problems, parts: 0 };
  let parts = 0;
  let cutAt = -1;
  const partHeaders: [number, number][] = [];
  let lineStart = view.startsWith('--') ? 0 : view.indexOf('\n--');
  while (lineStart !== -1) {
    const at = view[lineStart] === '\n' ? lineStart + 1 : lineStart;
    const lineEnd = view.indexOf('\n', at);
    const line = view.slice(at + 2, lineEnd === -1 ? view.length : Math.min(lineEnd, at + 300)).trimEnd();
    const boundary = line.endsWith('--') ? line.slice(0, -2) : line;
    if (boundaries.has(boundary) && !line.endsWith('--')) {
      parts++;
      if (parts > MAX_PARTS) {
        cutAt = at;
        break;
      }
      if (lineEnd !== -1) partHeaders.push([lineEnd + 1, partHeaderEnd(view, lineEnd + 1)]);
    }
    lineStart = lineEnd === -1 ? -1 : view.indexOf('\n--', lineEnd);
  }
  let kept = cutAt === -1 ? view : view.slice(0, cutAt);
  if (cutAt !== -1) {
    problems.push(`İleti çok fazla parçadan oluşuyordu; yalnız ilk ${MAX_PARTS} parçası okundu.`);
    // Close every boundary (innermost order does not matter to mailparser once the input ends).
    kept += [...boundaries].map((b) => `\r\n--${b}--\r\n`).join('');
  }
  kept = relabelPartHeaders(kept, partHeaders);
  return { body: Buffer.from(kept, 'latin1'), problems, parts: Math.min(parts, MAX_PARTS) };
}

function declaredBoundaries(text: string): Set<string> {
  const found = new Set<string>();
  const pattern = /boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))/gi;
  for (let m = pattern.exec(text); m && found.size < MAX_BOUNDARIES; m = pattern.exec(text)) {
    found.add((m[1] ?? m[2])!);
  }
  return found;
}

/** A part's header block read at most this far (a real one is a few hundred bytes). */
const MAX_PART_HEADER = 64 * 1024;

/** Where the header block of the part starting at `start` (just after its boundary line) ends: its blank line. */
function partHeaderEnd(view: string, start: number): number {
  const limit = Math.min(view.length, start + MAX_PART_HEADER);
  // From start - 1 (the boundary line's newline), so a part without header fields ends at once.
  const lf = view.indexOf('\n\n', start - 1);
  const crlf = view.indexOf('\n\r\n', start - 1);
  const ends = [lf, crlf].filter((i) => i !== -1 && i < limit);
  return ends.length ? Math.min(...ends) : limit;
}

const PART_CONTENT_TYPE = /^Content-Type:[ \t]*text\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;

/**
 * Content-Type fields in the parts' own header blocks (`ranges`, from boundBody), relabelled like the top-level
 * one. Only there: a "Content-Type: text/…" line in a part's content (a forwarded header quoted in a text, an .eml
 * attached as text) is the sender's data, and an attachment must be stored byte for byte as it was sent.
 */
function relabelPartHeaders(view: string, ranges: readonly [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || start >= view.length) continue;
    const stop = Math.min(end, view.length);
    out += view.slice(at, start) + view.slice(start, stop).replace(PART_CONTENT_TYPE, (f) => relabelContentType(f));
    at = stop;
  }
  return out + view.slice(at);
}
