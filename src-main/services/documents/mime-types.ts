/** The type of a filed document, from its extension: enough to pick an icon and hand the OS a hint on opening. */
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  rtf: 'application/rtf',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  tsv: 'text/tab-separated-values',
  md: 'text/markdown',
  markdown: 'text/markdown',
  eml: 'message/rfc822',
  msg: 'application/vnd.ms-outlook',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
};

export const UNKNOWN_MIME_TYPE = 'application/octet-stream';

export function mimeTypeOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return UNKNOWN_MIME_TYPE;
  return BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()] ?? UNKNOWN_MIME_TYPE;
}
