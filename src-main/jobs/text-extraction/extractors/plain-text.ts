import type { TextEncodingName } from '../../../services/transfer/sniff';
import { LIMITS } from './limits';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * Control characters that never occur in text (below space except tab, line feed,
 * carriage return and form feed; DEL), in the first 64 KiB: a share, since text
 * may carry a stray one. UTF-16 text (with its mark) is text despite its NULs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const head = bytes.subarray(0, 64 * 1024);
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return control > Math.max(2, head.length / 100);
}

/**
 * The encoding of a text file by the same rule as the import's sniffFile
 * (services/transfer/sniff.ts; that one reads a file on disk in chunks, this
 * one bytes already in memory): a byte-order mark decides; else UTF-8 when the
 * bytes are UTF-8, or mostly good UTF-8 with a stray bad byte; else windows-1254,
 * what Turkish Windows and Excel write.
 */
export function textEncodingOf(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    let multiByte = 0;
    let invalid = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) invalid++;
      else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) multiByte++;
    }
    return multiByte > 0 && invalid <= multiByte ? 'utf-8' : 'windows-1254';
  }
}

/**
 * What is decoded of a text file: no encoding read here spends more than 4 bytes on a
 * character (UTF-8 at most 3 per UTF-16 unit, UTF-16 2, windows-1254 1), so these bytes
 * hold at least the LIMITS.textChars characters kept; a 256 MB file never becomes a
 * string of 256 M characters (plus a second one without NULs) just to be cut.
 */
const MAX_TEXT_BYTES = LIMITS.textChars * 4;

/** The bytes up to MAX_TEXT_BYTES, cut between characters (a split one would decode as U+FFFD). */
function decodedPart(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= MAX_TEXT_BYTES) return bytes;
  let end = MAX_TEXT_BYTES;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 (the limit is even): a high surrogate (D800–DBFF) last would be half of a pair.
    const high = bytes[0] === 0xff ? bytes[end - 1]! : bytes[end - 2]!;
    if (high >= 0xd8 && high <= 0xdb) end -= 2;
  } else {
    // UTF-8: back over continuation bytes (10xxxxxx) to the lead byte; the cut character goes whole.
    // For windows-1254 this drops at most three bytes far past the text kept.
    const first = end - 3;
    while (end > first && (bytes[end]! & 0xc0) === 0x80) end--;
  }
  return bytes.subarray(0, end);
}

/**
 * Bytes as text in their encoding (marks removed), NULs dropped so they never reach the database.
 * Only the first MAX_TEXT_BYTES are read: the text is cut at LIMITS.textChars anyway.
 */
export function decodeText(bytes: Uint8Array): string {
  const part = decodedPart(bytes);
  // eslint-disable-next-line no-control-regex
  return new TextDecoder(textEncodingOf(part)).decode(part).replace(/\u0000/g, '');
}

/** TXT, CSV, Markdown and other plain text. */
export function extractPlainText(bytes: Uint8Array): string {
  return decodeText(bytes);
}
