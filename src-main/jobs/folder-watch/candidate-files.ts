/**
 * Files in a watched folder that are never taken: hidden files (.DS_Store,
 * ._ AppleDouble files), Office lock files (~$Teklif.docx), files still being
 * downloaded or written under a temporary name (.tmp, .part, .crdownload),
 * and the folder housekeeping Windows leaves everywhere.
 */
const SKIPPED_ENDINGS = ['.tmp', '.part', '.crdownload', '.partial', '.download'];
const SKIPPED_NAMES = new Set(['thumbs.db', 'desktop.ini']);

export function isCandidateName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('.') || lower.startsWith('~$')) return false;
  if (SKIPPED_NAMES.has(lower)) return false;
  return !SKIPPED_ENDINGS.some((ending) => lower.endsWith(ending));
}
