import fs from 'node:fs';
import { log } from '../../core/log';
import type { FileError, FileProblem } from '../../../src-shared/contract/inbox';

/** The file in a watched folder an inbox item came from, as it was when taken. */
export interface OriginalFile {
  filePath: string;
  fileSize: number;
  /** Whole milliseconds (the column is an integer; filesystems differ in sub-millisecond precision). */
  fileMtimeMs: number;
}

export interface RemovalResult {
  /** The original is no longer in the folder. */
  fileRemoved: boolean;
  /** Why it is still there (a code the screen words); null when removed. */
  fileProblem: FileProblem | null;
}

export const mtimeOf = (stat: fs.Stats): number => Math.floor(stat.mtimeMs);

/** An OS error as a code the screen words itself; anything unusual keeps the OS's message. */
export function fileErrorOf(err: unknown): { error: FileError; detail: string | null } {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return { error: 'notFound', detail: null };
    case 'EACCES':
    case 'EPERM':
      return { error: 'noAccess', detail: null };
    case 'EBUSY':
      return { error: 'busy', detail: null };
    case 'EROFS':
      return { error: 'readOnly', detail: null };
    default:
      return { error: 'other', detail: (err as Error).message };
  }
}

const ERROR_TEXT: Record<Exclude<FileError, 'other'>, string> = {
  notFound: 'bulunamadı',
  noAccess: 'erişim izni yok',
  busy: 'başka bir programda açık',
  readOnly: 'klasör salt okunur',
};

/** An OS error in the words of an office worker (Turkish: the log and the error messages of main). */
export function fileErrorWords({ error, detail }: { error: FileError | null; detail: string | null }): string {
  return error === null || error === 'other' ? (detail ?? '') : ERROR_TEXT[error];
}

export const fileErrorText = (err: unknown): string => fileErrorWords(fileErrorOf(err));

/**
 * Removes the original once its content is safe in the database. Only the very
 * file that was taken: one that changed since (the scanner wrote it again) holds
 * something the database does not have, so it stays.
 */
export function removeOriginal(file: OriginalFile): RemovalResult {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file.filePath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { fileRemoved: true, fileProblem: null };
    return failed(file, err);
  }
  if (!stat.isFile() || stat.size !== file.fileSize || mtimeOf(stat) !== file.fileMtimeMs) {
    return {
      fileRemoved: false,
      fileProblem: { code: 'changed', path: file.filePath, error: null, detail: null },
    };
  }
  try {
    fs.unlinkSync(file.filePath);
    return { fileRemoved: true, fileProblem: null };
  } catch (err) {
    return failed(file, err);
  }
}

function failed(file: OriginalFile, err: unknown): RemovalResult {
  log.warn('inbox: original file not removed', { file: file.filePath, reason: fileErrorText(err) });
  return { fileRemoved: false, fileProblem: { code: 'notRemoved', path: file.filePath, ...fileErrorOf(err) } };
}
