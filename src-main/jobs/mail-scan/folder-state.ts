/**
 * How far a folder of an account has been read (mail_folders; see its doc comment in schema.ts). Every change
 * of it that follows a stored message is written in the same transaction as that message, so after a crash
 * the state says exactly which messages are in the database.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { mailFolders } from '../../db/schema';
import { newId } from '../../core/ids';

export type FolderState = typeof mailFolders.$inferSelect;
export type FolderRole = 'inbox' | 'sent';

export function folderState(db: Db, accountId: string, path: string, role: FolderRole, at: string): FolderState {
  const where = and(eq(mailFolders.accountId, accountId), eq(mailFolders.path, path));
  const found = db.select().from(mailFolders).where(where).get();
  if (found) return found;
  db.insert(mailFolders).values({ id: newId(), accountId, path, role, updatedAt: at }).onConflictDoNothing().run();
  return db.select().from(mailFolders).where(where).get()!;
}

/**
 * A folder seen for the first time, or again after its UIDVALIDITY changed: everything below `uidNext` is the
 * first scan's (newest first, down to the window's start); anything above is new mail for incremental scans.
 * The stored messages stay: the store matches them again by content key when the folder is read again.
 */
export function startFolder(
  db: Db,
  folderId: string,
  start: { uidValidity: string; uidNext: number; windowStart: string; at: string },
): FolderState {
  const top = Math.max(0, start.uidNext - 1);
  db.update(mailFolders)
    .set({
      uidValidity: start.uidValidity,
      lastUid: top,
      backfillTopUid: top,
      backfillNextBelow: null,
      backfillDone: top === 0,
      highestModseq: null,
      windowStart: start.windowStart,
      updatedAt: start.at,
    })
    .where(eq(mailFolders.id, folderId))
    .run();
  return db.select().from(mailFolders).where(eq(mailFolders.id, folderId)).get()!;
}

/** The first scan stored `uid` (going down): after a crash it goes on below it. */
export function backfillReached(db: Db, folderId: string, uid: number, at: string): void {
  db.update(mailFolders).set({ backfillNextBelow: uid, updatedAt: at }).where(eq(mailFolders.id, folderId)).run();
}

export function backfillFinished(db: Db, folderId: string, at: string): void {
  db.update(mailFolders).set({ backfillDone: true, updatedAt: at }).where(eq(mailFolders.id, folderId)).run();
}

/** Incremental scans stored everything up to `uid` (going up). */
export function lastUidReached(db: Db, folderId: string, uid: number, at: string): void {
  db.update(mailFolders).set({ lastUid: uid, updatedAt: at }).where(eq(mailFolders.id, folderId)).run();
}

export function rememberModseq(db: Db, folderId: string, highestModseq: string | null, at: string): void {
  db.update(mailFolders).set({ highestModseq, updatedAt: at }).where(eq(mailFolders.id, folderId)).run();
}
