/** How a document is shown in the app, decided by its MIME type (main derives it from the file name). */
export type PreviewKind = 'pdf' | 'image' | 'text' | 'extracted';

/** Images Chromium draws itself; TIFF, HEIC and the like are not among them, so they get the extracted text. */
const DRAWABLE_IMAGES = new Set([
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/avif',
  'image/x-icon',
  'image/vnd.microsoft.icon',
]);

/** Text files worth showing as they are; HTML and RTF are markup, so their extracted text reads better. */
const MARKUP_TEXT = new Set(['text/html', 'text/rtf', 'text/xml']);

export function previewKind(mimeType: string): PreviewKind {
  if (mimeType === 'application/pdf') return 'pdf';
  if (DRAWABLE_IMAGES.has(mimeType)) return 'image';
  if (mimeType.startsWith('text/') && !MARKUP_TEXT.has(mimeType)) return 'text';
  if (mimeType === 'application/json') return 'text';
  return 'extracted';
}

export type KindKey = 'pdf' | 'image' | 'text' | 'word' | 'sheet' | 'mail' | 'archive' | 'other';

/** The word for a document's kind (documents.kinds.*), shown beside its MIME type. */
export function kindKey(mimeType: string): KindKey {
  if (mimeType === 'application/pdf') return 'pdf';
  if (mimeType.startsWith('image/')) return 'image';
  if (
    mimeType.includes('wordprocessing') ||
    mimeType === 'application/msword' ||
    mimeType.includes('opendocument.text')
  )
    return 'word';
  if (mimeType.includes('spreadsheet') || mimeType === 'application/vnd.ms-excel' || mimeType === 'text/csv')
    return 'sheet';
  if (mimeType === 'message/rfc822' || mimeType === 'application/vnd.ms-outlook') return 'mail';
  if (mimeType === 'application/zip') return 'archive';
  if (mimeType.startsWith('text/')) return 'text';
  return 'other';
}
