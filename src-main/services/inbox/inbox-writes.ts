import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, notFound } from '../../../src-shared/contract/errors';
import { writeAudit } from '../audit/audit-log';
import type { BlobInfo } from '../documents/blob-store';
import { insertNewDocument, type Actor } from '../documents/document-writes';
import { indexDocument } from '../documents/document-index';
import { cardsOfDocument, liveCard, liveDocument, type CardRow } from '../documents/live-rows';
import { removeOriginal, type OriginalFile, type RemovalResult } from './original-file';

/** A file in a watched folder, as seen when it was found stable. */
export interface FolderFile extends OriginalFile {
  folderId: string;
  fileName: string;
}

/** The same file (path, size and time) was taken before: waiting, filed or discarded. */
export function isKnownFile(db: Db, file: OriginalFile): boolean {
  return (
    stmt(db, 'select 1 from inbox_items where file_path = ? and file_size = ? and file_mtime_ms = ?').get(
      file.filePath,
      file.fileSize,
      file.fileMtimeMs,
    ) !== undefined
  );
}

/** The same bytes are already waiting in the inbox (a copy under another name). */
export function isWaitingContent(db: Db, sha256: string): boolean {
  return (
    stmt(
      db,
      `select 1 from inbox_items i join documents d on d.id = i.document_id
       where i.state is null and d.sha256 = ? and d.deleted_at is null`,
    ).get(sha256) !== undefined
  );
}

/**
 * Takes a file into the inbox: its bytes (unless stored already), a document on
 * no card (source 'folder') and the inbox row, all in one transaction. The file
 * was hashed before (outside the transaction); storeBlob re-reads it and refuses
 * bytes that changed in between, so a half-read file never lands. Answers null
 * when the file turned out known by the time the write lock was held.
 */
export function storeFolderFile(
  db: Db,
  actor: Actor,
  file: FolderFile,
  blob: BlobInfo,
): { itemId: string; documentId: string } | null {
  return writeTransaction(db, () => {
    if (isKnownFile(db, file) || isWaitingContent(db, blob.sha256)) return null;
    const { documentId } = insertNewDocument(
      db,
      actor,
      { path: file.filePath, fileName: file.fileName },
      blob,
      'folder',
    );
    const itemId = newId();
    stmt(
      db,
      `insert into inbox_items (id, folder_id, document_id, file_path, file_size, file_mtime_ms,
         created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      itemId,
      file.folderId,
      documentId,
      file.filePath,
      file.fileSize,
      file.fileMtimeMs,
      actor.at,
      actor.at,
      actor.userId,
    );
    return { itemId, documentId };
  });
}

interface WaitingItem extends OriginalFile {
  id: string;
  documentId: string;
}

function waitingItem(db: Db, itemId: string): WaitingItem {
  const row = stmt(
    db,
    `select id, document_id as documentId, file_path as filePath, file_size as fileSize,
       file_mtime_ms as fileMtimeMs, state
     from inbox_items where id = ?`,
  ).get(itemId) as (WaitingItem & { state: string | null }) | undefined;
  if (!row) throw notFound(`Dosyalanacak belge (${itemId})`);
  if (row.state === 'filed') throw conflict('Bu belge zaten dosyalandı.');
  if (row.state === 'discarded') throw conflict('Bu belge atıldı; artık dosyalanamaz.');
  return row;
}

function settle(db: Db, actor: Actor, itemId: string, state: 'filed' | 'discarded'): void {
  stmt(db, 'update inbox_items set state = ?, settled_at = ?, settled_by = ?, updated_at = ? where id = ?').run(
    state,
    actor.at,
    actor.userId,
    actor.at,
    itemId,
  );
}

/**
 * Files a waiting document on a card (the filing, the card's history, the
 * search row and the settled item in one transaction), and only after that
 * commits removes the original from the watched folder: a file that cannot be
 * removed (locked, no permission) leaves the filing standing and says why.
 */
export function fileItem(
  db: Db,
  actor: Actor,
  input: { itemId: string; cardId: string },
): { documentId: string; card: CardRow } & RemovalResult {
  const { item, card } = writeTransaction(db, () => {
    const item = waitingItem(db, input.itemId);
    const document = liveDocument(db, item.documentId);
    const card = liveCard(db, input.cardId);
    // Someone may have filed it on this card from elsewhere meanwhile: then only the item is settled.
    const filed = stmt(
      db,
      'insert or ignore into document_cards (document_id, card_id, created_at, created_by) values (?, ?, ?, ?)',
    ).run(document.id, card.id, actor.at, actor.userId);
    if (filed.changes > 0) {
      writeAudit(db, {
        ...actor,
        action: 'document_add',
        entityType: card.type,
        entityId: card.id,
        after: { documentId: document.id, name: document.name, mimeType: document.mimeType, size: document.size },
      });
    }
    settle(db, actor, item.id, 'filed');
    indexDocument(db, document.id);
    return { item, card };
  });
  return { documentId: item.documentId, card, ...removeOriginal(item) };
}

/**
 * Throws a waiting file away: the document goes to the recycle bin (its bytes
 * stay, so it can still be restored from there) and the item is remembered as
 * discarded, so the same file is never taken again.
 *
 * The original is removed from the folder as well, as when filing. What an
 * office worker expects of a scanner's folder is an inbox: everything still in
 * it is still to be dealt with. A discarded scan left behind would sit there
 * looking unhandled next to the new ones (and the folder would only grow),
 * while nothing is lost by removing it: the content is in the recycle bin. If
 * it cannot be removed, the remembered path, size and time keep it out of the
 * inbox all the same.
 */
export function discardItem(db: Db, actor: Actor, input: { itemId: string }): { documentId: string } & RemovalResult {
  const item = writeTransaction(db, () => {
    const item = waitingItem(db, input.itemId);
    const document = liveDocument(db, item.documentId);
    // Filed on a card meanwhile (from the card's own documents tab), it stays there; only the inbox lets go.
    if (cardsOfDocument(db, document.id).length === 0) {
      stmt(db, 'update documents set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?').run(
        actor.at,
        actor.userId,
        actor.at,
        document.id,
      );
    }
    writeAudit(db, {
      ...actor,
      action: 'inbox_discard',
      entityType: 'document',
      entityId: document.id,
      before: { name: document.name, filePath: item.filePath },
    });
    settle(db, actor, item.id, 'discarded');
    indexDocument(db, document.id);
    return item;
  });
  return { documentId: item.documentId, ...removeOriginal(item) };
}
