import {
  IconFile,
  IconFileText,
  IconFileTypeCsv,
  IconFileTypeDocx,
  IconFileTypePdf,
  IconFileTypeXls,
  IconFileZip,
  IconMail,
  IconPhoto,
  type Icon,
} from '@tabler/icons-react';
import { DOCUMENT_READ_BYTES } from '../../../src-shared/contract/documents';
import type { Client } from '../../app/client';
import { intlLocale } from '../../app/i18n';
import { saveFile } from '../transfer/transfer-files';

/** The icon of a document by its type (the MIME type main derived from the extension). */
export function documentIcon(mimeType: string): { icon: Icon; color: string } {
  if (mimeType === 'application/pdf') return { icon: IconFileTypePdf, color: 'red' };
  if (
    mimeType.includes('wordprocessing') ||
    mimeType === 'application/msword' ||
    mimeType.includes('opendocument.text')
  )
    return { icon: IconFileTypeDocx, color: 'blue' };
  if (mimeType === 'text/csv') return { icon: IconFileTypeCsv, color: 'green' };
  if (mimeType.includes('spreadsheet') || mimeType === 'application/vnd.ms-excel')
    return { icon: IconFileTypeXls, color: 'green' };
  if (mimeType.startsWith('image/')) return { icon: IconPhoto, color: 'grape' };
  if (mimeType === 'application/zip') return { icon: IconFileZip, color: 'yellow' };
  if (mimeType === 'message/rfc822' || mimeType === 'application/vnd.ms-outlook')
    return { icon: IconMail, color: 'cyan' };
  if (mimeType.startsWith('text/')) return { icon: IconFileText, color: 'gray' };
  return { icon: IconFile, color: 'gray' };
}

const UNITS = ['bayt', 'KB', 'MB', 'GB'];
const UNITS_EN = ['bytes', 'KB', 'MB', 'GB'];

/** "1,4 MB" in Turkish, "1.4 MB" in English. */
export function formatSize(bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
    value,
  );
  return `${number} ${(language === 'en' ? UNITS_EN : UNITS)[unit]}`;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Fetches a document from main in 4 MB pieces (the web host's body limit) and hands it to the browser. */
export async function downloadDocument(client: Client, id: string): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.call('documents.read', { id, offset, length: DOCUMENT_READ_BYTES });
    const bytes = bytesOf(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) return saveFile(parts, chunk.name, chunk.mimeType);
  }
}
