import fs from 'node:fs';
import { Transform } from 'node:stream';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { TransferFormat } from '../../../src-shared/contract/transfer';

export type TextEncodingName = 'utf-8' | 'windows-1254' | 'utf-16le' | 'utf-16be';

export interface FileKind {
  format: TransferFormat;
  /** null for xlsx (a zip of XML, always UTF-8 inside). */
  encoding: TextEncodingName | null;
  /** Bytes to skip before decoding (a byte-order mark the decoder would not remove itself). */
  skipBytes: number;
  /** UTF-8 with some bytes that are not: those read as U+FFFD, and the rows holding one are warned about. */
  lossy: boolean;
}

const HEAD_BYTES = 64 * 1024;

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Control characters that never occur in a text export (everything below space
 * except tab, line feed, carriage return and form feed; DEL). Binary files are
 * full of them; a text file may carry a stray one, hence a share, not "any".
 */
function looksBinary(head: Buffer): boolean {
  if (head.includes(0)) return true;
  let control = 0;
  for (const b of head) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  return control > Math.max(2, head.length / 100);
}

/**
 * Whether the whole file is valid UTF-8, read in chunks (a windows-1254 "ş" may
 * first appear on row 90,000). Also refuses NUL bytes anywhere: a text file
 * has none, and they would end up in the database.
 */
async function isUtf8(file: string, fileName: string, skip: number): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let valid = true;
  for await (const chunk of fs.createReadStream(file, { start: skip, highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    if (bytes.includes(0)) throw notText(fileName);
    if (!valid) continue;
    try {
      decoder.decode(bytes, { stream: true });
    } catch {
      valid = false;
    }
  }
  if (valid) {
    try {
      decoder.decode();
    } catch {
      valid = false;
    }
  }
  return valid;
}

/**
 * In a file that is not valid UTF-8: how many characters decode as valid
 * multi-byte UTF-8 and how many bytes do not (each shows as U+FFFD).
 */
async function utf8Tally(file: string, skip: number): Promise<{ multiByte: number; invalid: number }> {
  const decoder = new TextDecoder('utf-8');
  const tally = { multiByte: 0, invalid: 0 };
  const count = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) tally.invalid++;
      else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) tally.multiByte++;
    }
  };
  for await (const chunk of fs.createReadStream(file, { start: skip, highWaterMark: 1024 * 1024 })) {
    count(decoder.decode(chunk as Buffer, { stream: true }));
  }
  count(decoder.decode());
  return tally;
}

const notText = (fileName: string) =>
  invalidInput(
    `"${fileName}" bir metin dosyası değil (içinde ikili veri var); CSV, Excel (.xlsx) ya da vCard (.vcf) dosyası seçin.`,
  );

/**
 * What a file is, by its content (the name only sharpens the error): a zip is
 * an .xlsx, text starting with BEGIN:VCARD a vCard, other text a CSV.
 * Text encoding: a byte-order mark decides (a UTF-8 one even when a byte
 * further on is not UTF-8); else UTF-8 when the text has valid multi-byte
 * UTF-8 and fewer bad bytes than good letters, and windows-1254 (what Turkish
 * Excel writes) otherwise.
 */
export async function sniffFile(file: string, fileName: string): Promise<FileKind> {
  const head = readHead(file);
  const lowerName = fileName.toLowerCase();
  if (head.length === 0) throw invalidInput(`"${fileName}" boş bir dosya.`);
  if (startsWith(head, ZIP)) return { format: 'xlsx', encoding: null, skipBytes: 0, lossy: false };
  if (startsWith(head, OLE)) {
    throw invalidInput(
      `"${fileName}" eski Excel (.xls) biçiminde; Excel'de "Farklı Kaydet → Excel Çalışma Kitabı (.xlsx)" ile kaydedip yeniden deneyin.`,
    );
  }
  if (/\.xls[xm]?$/.test(lowerName)) {
    throw invalidInput(`"${fileName}" bir Excel (.xlsx) dosyası değil: dosya bozuk ya da başka bir biçimde.`);
  }
  let encoding: TextEncodingName;
  // Every mark is now the decoder's own (a UTF-8 mark always means UTF-8), which removes it itself.
  const skipBytes = 0;
  let lossy = false;
  if (startsWith(head, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(head, [0xfe, 0xff])) encoding = 'utf-16be';
  else {
    if (looksBinary(head)) throw notText(fileName);
    encoding = 'utf-8';
    if (!(await isUtf8(file, fileName, 0))) {
      if (startsWith(head, UTF8_BOM)) lossy = true;
      else {
        // Text that is mostly good UTF-8 (Turkish letters as two bytes) with a stray bad byte is UTF-8
        // with a flaw, not windows-1254: read as 1254 every "ş" would become "ÅŸ". Windows-1254 text seen
        // as UTF-8 has next to no valid multi-byte sequences, and a bad byte for each Turkish letter.
        const { multiByte, invalid } = await utf8Tally(file, 0);
        if (multiByte > 0 && invalid <= multiByte) lossy = true;
        else encoding = 'windows-1254';
      }
    }
  }
  const text = new TextDecoder(encoding).decode(head.subarray(skipBytes, Math.min(head.length, 4096)));
  const isVcard = /^\s*BEGIN:VCARD/i.test(text);
  if (!isVcard && /\.vcf$|\.vcard$/.test(lowerName)) {
    throw invalidInput(`"${fileName}" bir vCard dosyası değil: BEGIN:VCARD ile başlamıyor.`);
  }
  return { format: isVcard ? 'vcf' : 'csv', encoding, skipBytes, lossy };
}

/** The file as a stream of text chunks in its encoding (byte-order marks removed). */
export function textStream(file: string, kind: FileKind): NodeJS.ReadableStream {
  const decoder = new TextDecoder(kind.encoding ?? 'utf-8');
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _enc, done) {
      const text = decoder.decode(chunk, { stream: true });
      done(null, text.length ? text : undefined);
    },
    flush(done) {
      const rest = decoder.decode();
      done(null, rest.length ? rest : undefined);
    },
  });
  const source = fs.createReadStream(file, { start: kind.skipBytes, highWaterMark: 256 * 1024 });
  source.on('error', (err) => decode.destroy(err));
  return source.pipe(decode);
}
