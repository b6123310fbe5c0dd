import { unzipSync } from 'fflate';
import { looksBinary } from './plain-text';

export type DocumentFormat =
  | 'pdf'
  | 'docx'
  | 'xlsx'
  | 'odt'
  | 'ods'
  | 'rtf'
  | 'text'
  | 'html'
  | 'eml'
  | 'msg'
  | 'image'
  | 'tiff'
  | 'zip'
  | 'ole'
  | 'binary';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  odt: 'odt',
  ods: 'ods',
  rtf: 'rtf',
  txt: 'text',
  text: 'text',
  csv: 'text',
  tsv: 'text',
  md: 'text',
  markdown: 'text',
  log: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  eml: 'eml',
  msg: 'msg',
};

const BY_MIME: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/rtf': 'rtf',
  'text/rtf': 'rtf',
  'text/html': 'html',
  'message/rfc822': 'eml',
  'application/vnd.ms-outlook': 'msg',
};

/** "BM" and a known DIB header size: "BM" alone also starts plenty of text files. */
const isBmp = (bytes: Uint8Array) =>
  startsWith(bytes, [0x42, 0x4d]) && [12, 40, 52, 56, 64, 108, 124].includes(bytes[14] ?? -1) && bytes[15] === 0;

/** Which zip-based document a zip is, from its entry names (the central directory only; nothing is inflated). */
function zipKind(bytes: Uint8Array): DocumentFormat {
  let kind: DocumentFormat = 'zip';
  try {
    unzipSync(bytes, {
      filter: ({ name }) => {
        if (name === 'word/document.xml') kind = 'docx';
        else if (name === 'xl/workbook.xml') kind = 'xlsx';
        return false;
      },
    });
  } catch {
    return 'zip';
  }
  if (kind !== 'zip') return kind;
  // An OpenDocument file starts with an uncompressed "mimetype" entry naming its type.
  const head = ascii(bytes, 30, Math.min(bytes.length, 120));
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  return 'zip';
}

/**
 * The format of a file: its first bytes decide where they are unambiguous (a PDF
 * named .docx is read as a PDF), then the type and the extension.
 */
export function detectFormat(bytes: Uint8Array, name: string, mimeType: string): DocumentFormat {
  const ext = extensionOf(name);
  const named = BY_EXTENSION[ext] ?? BY_MIME[mimeType.toLowerCase()];
  if (ascii(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (named === 'docx' || named === 'xlsx' || named === 'odt' || named === 'ods') return named;
    return zipKind(bytes);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return named === 'msg' ? 'msg' : 'ole';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    isBmp(bytes) ||
    (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') ||
    ascii(bytes, 0, 4) === 'GIF8'
  ) {
    return 'image';
  }
  // A .docx, .pdf … that is not one goes to its reader anyway, which says the file is damaged.
  if (named && named !== 'text') return named;
  // Whatever the name says (.txt, .log, .json …), text is read only when its bytes are text.
  return looksBinary(bytes) ? 'binary' : 'text';
}
