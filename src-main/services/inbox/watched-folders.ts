import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { WatchedFolder } from '../../../src-shared/contract/inbox';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import { checkFolder, lastFolderProblem, noteFolderProblem } from './folder-health';
import { fileErrorText, fileErrorWords } from './original-file';

export interface FolderRow {
  id: string;
  path: string;
  label: string | null;
}

/** The folders being watched (not removed), oldest first. */
export function liveFolders(db: Db): FolderRow[] {
  return stmt(
    db,
    'select id, path, label from watched_folders where deleted_at is null order by created_at, id',
  ).all() as FolderRow[];
}

/** The watched folders; each one's problem is what the folder watch found at its last look (never looked at here). */
export function listFolders(db: Db): WatchedFolder[] {
  const rows = stmt(
    db,
    `select f.id, f.path, f.label, f.created_at as createdAt,
       (select count(*) from inbox_items i where i.folder_id = f.id and i.state is null) as waiting
     from watched_folders f where f.deleted_at is null order by f.created_at, f.id`,
  ).all() as Omit<WatchedFolder, 'problem'>[];
  return rows.map((row) => ({ ...row, problem: lastFolderProblem(db, row.id) }));
}

/** The one spelling of a folder: absolute, symlinks resolved (so the same folder cannot be added twice). */
async function canonicalFolder(given: string): Promise<string> {
  const field = (message: string) => invalidInput(message, { path: message });
  if (!path.isAbsolute(given)) {
    throw field(`"${given}" tam bir klasör yolu değil; sürücüden ya da kökten başlayan yolu yazın.`);
  }
  // Looked at asynchronously: an offline network share must not freeze the other calls while it answers.
  const problem = await checkFolder(given);
  if (problem?.code === 'missing') throw field(`"${given}" klasörü bulunamadı.`);
  if (problem?.code === 'notFolder') throw field(`"${given}" bir klasör değil, bir dosya.`);
  if (problem) throw field(`"${given}" izlenemez: klasör okunamıyor (${fileErrorWords(problem)}).`);
  try {
    return await fs.promises.realpath(given);
  } catch (err) {
    throw field(`"${given}" izlenemez: ${fileErrorText(err)}.`);
  }
}

/**
 * Watches one more folder. A folder removed before is watched again (its row
 * comes back): what was taken from it before is still remembered.
 */
export async function addFolder(
  db: Db,
  actor: Actor,
  input: { path: string; label?: string | undefined },
): Promise<WatchedFolder> {
  const folder = await canonicalFolder(input.path.trim());
  const id = writeTransaction(db, () => {
    const existing = stmt(db, 'select id, deleted_at as deletedAt from watched_folders where path = ?').get(folder) as
      { id: string; deletedAt: string | null } | undefined;
    if (existing && existing.deletedAt === null) throw conflict(`"${folder}" klasörü zaten izleniyor.`);
    const id = existing?.id ?? newId();
    if (existing) {
      stmt(db, 'update watched_folders set label = ?, deleted_at = null, updated_at = ? where id = ?').run(
        input.label ?? null,
        actor.at,
        id,
      );
    } else {
      stmt(
        db,
        `insert into watched_folders (id, path, label, created_at, updated_at, created_by)
         values (?, ?, ?, ?, ?, ?)`,
      ).run(id, folder, input.label ?? null, actor.at, actor.at, actor.userId);
    }
    writeAudit(db, {
      ...actor,
      action: 'folder_watch',
      entityType: 'watched_folder',
      entityId: id,
      after: { path: folder, label: input.label ?? null },
    });
    return id;
  });
  // Just looked at and fine: shown so until the watch's next look says otherwise.
  noteFolderProblem(db, id, null);
  return listFolders(db).find((f) => f.id === id)!;
}

/** Stops watching a folder. Files already taken from it stay in the inbox until filed or discarded. */
export function removeFolder(db: Db, actor: Actor, id: string): { id: string } {
  return writeTransaction(db, () => {
    const row = stmt(db, 'select path, label from watched_folders where id = ? and deleted_at is null').get(id) as
      { path: string; label: string | null } | undefined;
    if (!row) throw notFound(`İzlenen klasör (${id})`);
    stmt(db, 'update watched_folders set deleted_at = ?, updated_at = ? where id = ?').run(actor.at, actor.at, id);
    writeAudit(db, { ...actor, action: 'folder_unwatch', entityType: 'watched_folder', entityId: id, before: row });
    return { id };
  });
}
