/**
 * Text bodies whose label cannot be trusted. Turkish mail programs (and the scripts of Turkish web shops) often
 * send windows-1254 bytes labelled us-ascii or iso-8859-1, or with no charset at all: read as labelled, ı ş ğ İ Ş Ğ
 * (0xFD 0xFE 0xF0 0xDD 0xDE 0xD0) come out as ý þ ð Ý Þ Ð, or as U+FFFD for us-ascii. windows-1254 differs from
 * windows-1252/iso-8859-1 at exactly those six letters, so reading any non-UTF-8 8-bit text as windows-1254 leaves
 * French or German text as it was and gets Turkish right. Bytes that are valid UTF-8 are read as UTF-8 (a UTF-8
 * body mislabelled latin1 is just as common).
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The charset name the raw pre-pass writes into parts whose label is not trusted (see raw-bounds.ts). */
export const GUESS_CHARSET = 'x-kartotek-guess';

/** Labels read with the guess: the ones Turkish bytes hide behind. */
const UNTRUSTED = new Set(['', GUESS_CHARSET, 'usascii', 'ascii', 'iso88591', 'latin1', 'l1', 'windows1252', 'cp1252']);

/** More than this many bytes of one text part are not decoded (parse-message caps what is kept anyway). */
const MAX_PART_BYTES = 8 * 1024 * 1024;

function normalise(charset: string): string {
  const lower = charset.toLowerCase().trim();
  return lower === GUESS_CHARSET ? lower : lower.replace(/[^a-z0-9]/g, '');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes whose charset is unknown or untrusted: UTF-8 when they are valid UTF-8, else windows-1254. */
export function decodeGuessing(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1254').decode(bytes);
  }
}

/** Decodes bytes labelled `charset`: untrusted labels and unknown ones are guessed, known ones decoded as labelled. */
export function decodeLabelled(bytes: Uint8Array, charset: string | undefined): string {
  const name = normalise(charset ?? '');
  if (UNTRUSTED.has(name)) return decodeGuessing(bytes);
  try {
    return new TextDecoder(charset!.trim()).decode(bytes);
  } catch {
    // A label TextDecoder does not know (x-unknown, typos): the guess beats U+FFFD everywhere.
    return decodeGuessing(bytes);
  }
}

/**
 * mailparser's `Iconv` option: every text body of a message is decoded through one of these (a stream of bytes in,
 * UTF-8 out). The whole part is collected (bounded) because the guess needs to see all of its bytes.
 */
export class GuessingIconv extends Transform {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  constructor(
    private readonly fromCharset: string,
    _toCharset: string,
  ) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    if (this.length < MAX_PART_BYTES) {
      const room = MAX_PART_BYTES - this.length;
      const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
      this.chunks.push(kept);
      this.length += kept.length;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      this.push(Buffer.from(decodeLabelled(Buffer.concat(this.chunks, this.length), this.fromCharset), 'utf8'));
    } catch {
      this.push(Buffer.concat(this.chunks, this.length));
    }
    done();
  }
}
