import fs from 'node:fs';
import type { Db } from '../../db/connection';
import type { FolderProblem } from '../../../src-shared/contract/inbox';
import { fileErrorOf } from './original-file';

/**
 * What the folder watch last found about each folder (by id), per database.
 * folders.list reads only this: looking at the folders itself would run in the
 * main process on every refetch, and an offline \\server\share can keep a
 * synchronous look waiting some twenty seconds, freezing every call meanwhile.
 * A folder not looked at yet has no entry and counts as fine.
 */
const lastLooks = new WeakMap<Db, Map<string, FolderProblem | null>>();

function looksOf(db: Db): Map<string, FolderProblem | null> {
  let looks = lastLooks.get(db);
  if (!looks) {
    looks = new Map();
    lastLooks.set(db, looks);
  }
  return looks;
}

export function lastFolderProblem(db: Db, folderId: string): FolderProblem | null {
  return looksOf(db).get(folderId) ?? null;
}

/** Remembers the outcome of a look; answers whether it differs from the one before (worth telling the screens). */
export function noteFolderProblem(db: Db, folderId: string, problem: FolderProblem | null): boolean {
  const looks = looksOf(db);
  const before = looks.get(folderId) ?? null;
  looks.set(folderId, problem);
  return JSON.stringify(before) !== JSON.stringify(problem);
}

/** Why a folder that could not be listed cannot be watched. */
export function folderProblemOf(err: unknown): FolderProblem {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'missing', error: null, detail: null };
  if (code === 'ENOTDIR') return { code: 'notFolder', error: null, detail: null };
  return { code: 'unreadable', ...fileErrorOf(err) };
}

/**
 * A live look at one folder, off the main thread: it exists, is a folder and its
 * entries can be read (opening it and reading one entry is enough; a folder with
 * thousands of scans is not listed whole for that). null when it can be watched.
 */
export async function checkFolder(folder: string): Promise<FolderProblem | null> {
  try {
    const stat = await fs.promises.stat(folder);
    if (!stat.isDirectory()) return { code: 'notFolder', error: null, detail: null };
    const dir = await fs.promises.opendir(folder, { bufferSize: 1 });
    try {
      await dir.read();
    } finally {
      await dir.close();
    }
    return null;
  } catch (err) {
    return folderProblemOf(err);
  }
}
