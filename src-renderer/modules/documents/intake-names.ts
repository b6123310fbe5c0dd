/**
 * Names for files that arrive without a useful one: a screenshot pasted from the
 * clipboard, a photo from the camera. "2026-11-23 14.05" (a dot, not a colon:
 * Windows refuses ':' in file names, and the file may be downloaded later).
 */
export function fileStamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}.${two(date.getMinutes())}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
};

/**
 * Chromium (and so Electron) hands a copied bitmap over as "image.png"; a file
 * copied in the file manager keeps its own name. Only those generic names, or
 * none at all, are replaced.
 */
const GENERIC_NAME = /^(image|blob)?(\.(png|jpe?g|gif|webp|bmp|tiff?))?$/i;

/** The pasted file as it should be filed: a nameless image gets "<base> <stamp>.<ext>". */
export function namePastedFile(file: File, base: string, now: Date): File {
  if (!file.type.startsWith('image/') || !GENERIC_NAME.test(file.name)) return file;
  const extension = EXTENSIONS[file.type] ?? (file.name.split('.').pop() || 'png');
  return new File([file], `${base} ${fileStamp(now)}.${extension}`, { type: file.type, lastModified: now.getTime() });
}

/** The files a paste carries: files copied in the file manager, or an image copied from a program. */
export function filesOfPaste(data: DataTransfer | null): File[] {
  if (!data) return [];
  if (data.files.length > 0) return [...data.files];
  return [...data.items].flatMap((item) => {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    return file ? [file] : [];
  });
}

/** Where a paste belongs to what is being typed, not to the card. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(target.type);
}
