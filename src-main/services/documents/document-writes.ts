import fs from 'node:fs';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import { MAX_DOCUMENT_BYTES } from '../../../src-shared/contract/documents';
import { hashFile, storeBlob, type BlobInfo } from './blob-store';
import { mimeTypeOf } from './mime-types';
import { cardsOfDocument, liveCard, liveDocument, type CardRow } from './live-rows';
import { indexDocument } from './document-index';
import { signalTextQueue } from './text-extraction-signal';
import { binIfUnheld } from './document-holders';

/** Who changes what, when. */
export interface Actor {
  userId: string;
  at: string;
}

/** A file on disk on its way in: an upload's temp file, or a path given to the CLI. */
export interface IncomingFile {
  path: string;
  fileName: string;
}

/** What a change touched: the document and the cards whose screens must refresh. */
export interface DocumentChange {
  documentId: string;
  cards: CardRow[];
}

/**
 * Refuses what cannot be filed before anything is read: a missing, empty or
 * too large file. Then hashes it (streaming, outside the transaction: the
 * hash decides whether the bytes need storing at all).
 */
export async function checkAndHash(file: IncomingFile): Promise<BlobInfo> {
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    throw notFound(`"${file.fileName}" dosyası`);
  }
  if (size === 0) throw invalidInput(`"${file.fileName}" boş bir dosya (0 bayt); eklenecek bir şey yok.`);
  if (size > MAX_DOCUMENT_BYTES) throw invalidInput(`"${file.fileName}" çok büyük: en çok 2 GB'lık dosya eklenebilir.`);
  return hashFile(file.path);
}

function audit(db: Db, actor: Actor, action: AuditAction, cards: CardRow[], before: unknown, after: unknown): void {
  for (const card of cards) {
    writeAudit(db, { ...actor, action, entityType: card.type, entityId: card.id, before, after });
  }
}

export function insertVersion(
  db: Db,
  actor: Actor,
  documentId: string,
  version: number,
  file: IncomingFile,
  blob: BlobInfo,
) {
  stmt(
    db,
    `insert into document_versions (id, document_id, version, name, mime_type, size, sha256, created_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    documentId,
    version,
    file.fileName,
    mimeTypeOf(file.fileName),
    blob.size,
    blob.sha256,
    actor.at,
    actor.userId,
  );
}

function fileOnCard(db: Db, actor: Actor, documentId: string, cardId: string): void {
  stmt(db, 'insert into document_cards (document_id, card_id, created_at, created_by) values (?, ?, ?, ?)').run(
    documentId,
    cardId,
    actor.at,
    actor.userId,
  );
}

/**
 * Content whose text is already extracted (the same bytes filed before) takes
 * that status at once: the extraction job never works on the same bytes twice.
 * Otherwise the document waits for the job.
 */
export function takeKnownText(db: Db, documentId: string, sha256: string): void {
  const known = stmt(db, 'select status, reason from blob_texts where sha256 = ?').get(sha256) as
    { status: string; reason: string | null } | undefined;
  stmt(db, 'update documents set text_status = ?, text_error = ? where id = ?').run(
    known?.status ?? 'pending',
    known?.reason ?? null,
    documentId,
  );
}

/**
 * A new document from a hashed file, inside the caller's transaction: its bytes
 * (unless stored already), the document row, version 1, the text of known bytes
 * and its search row. Filing it (on a card, a note, the inbox) is the caller's.
 */
export function insertNewDocument(
  db: Db,
  actor: Actor,
  file: IncomingFile,
  blob: BlobInfo,
  source: string,
): { documentId: string; mimeType: string } {
  storeBlob(db, file.path, blob, actor.at);
  const documentId = newId();
  const mimeType = mimeTypeOf(file.fileName);
  stmt(
    db,
    `insert into documents (id, name, mime_type, size, sha256, source, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(documentId, file.fileName, mimeType, blob.size, blob.sha256, source, actor.at, actor.at, actor.userId);
  insertVersion(db, actor, documentId, 1, file, blob);
  takeKnownText(db, documentId, blob.sha256);
  indexDocument(db, documentId);
  return { documentId, mimeType };
}

/** Files a new document on a card: stores its bytes (unless already stored), its first version and the filing. */
export async function attachFile(
  db: Db,
  actor: Actor,
  input: { file: IncomingFile; cardId: string; source: string },
): Promise<DocumentChange> {
  liveCard(db, input.cardId);
  const blob = await checkAndHash(input.file);
  const change = writeTransaction(db, () => {
    const card = liveCard(db, input.cardId);
    const { documentId, mimeType } = insertNewDocument(db, actor, input.file, blob, input.source);
    fileOnCard(db, actor, documentId, card.id);
    audit(db, actor, 'document_add', [card], undefined, {
      documentId,
      name: input.file.fileName,
      mimeType,
      size: blob.size,
    });
    return { documentId, cards: [card] };
  });
  signalTextQueue(db);
  return change;
}

/** A new current version; the earlier ones stay readable. The document takes the new file's name and type. */
export async function addVersion(
  db: Db,
  actor: Actor,
  input: { documentId: string; file: IncomingFile },
): Promise<DocumentChange> {
  liveDocument(db, input.documentId);
  const blob = await checkAndHash(input.file);
  const change = writeTransaction(db, () => {
    const document = liveDocument(db, input.documentId);
    storeBlob(db, input.file.path, blob, actor.at);
    const { latest } = stmt(db, 'select max(version) as latest from document_versions where document_id = ?').get(
      document.id,
    ) as { latest: number };
    const version = latest + 1;
    insertVersion(db, actor, document.id, version, input.file, blob);
    // A new version starts the text extraction afresh: the old text no longer describes it.
    stmt(
      db,
      `update documents set name = ?, mime_type = ?, size = ?, sha256 = ?, text_status = 'pending', text_error = null,
       updated_at = ? where id = ?`,
    ).run(input.file.fileName, mimeTypeOf(input.file.fileName), blob.size, blob.sha256, actor.at, document.id);
    takeKnownText(db, document.id, blob.sha256);
    indexDocument(db, document.id);
    const cards = cardsOfDocument(db, document.id);
    audit(db, actor, 'document_version', cards, undefined, {
      documentId: document.id,
      name: input.file.fileName,
      version,
      size: blob.size,
    });
    return { documentId: document.id, cards };
  });
  signalTextQueue(db);
  return change;
}

/** Files a document already in the database on one more card (the bytes are not copied). */
export function attachExisting(db: Db, actor: Actor, input: { documentId: string; cardId: string }): DocumentChange {
  return writeTransaction(db, () => {
    const document = liveDocument(db, input.documentId);
    const card = liveCard(db, input.cardId);
    const filed = stmt(db, 'select 1 from document_cards where document_id = ? and card_id = ?').get(
      document.id,
      card.id,
    );
    if (filed) throw conflict(`"${document.name}" zaten "${card.displayName}" kartında.`);
    fileOnCard(db, actor, document.id, card.id);
    indexDocument(db, document.id);
    audit(db, actor, 'document_add', [card], undefined, {
      documentId: document.id,
      name: document.name,
      mimeType: document.mimeType,
      size: document.size,
    });
    return { documentId: document.id, cards: [card] };
  });
}

/**
 * Takes a document off a card. Filed on other cards, it stays there; on none any
 * more, it goes to the recycle bin (soft delete: its bytes and versions stay).
 */
export function detach(
  db: Db,
  actor: Actor,
  input: { documentId: string; cardId: string },
): DocumentChange & { deleted: boolean } {
  return writeTransaction(db, () => {
    const document = liveDocument(db, input.documentId);
    const card = liveCard(db, input.cardId);
    const removed = stmt(db, 'delete from document_cards where document_id = ? and card_id = ?').run(
      document.id,
      card.id,
    );
    if (removed.changes === 0) throw notFound(`"${card.displayName}" kartında "${document.name}" belgesi`);
    audit(db, actor, 'document_remove', [card], { documentId: document.id, name: document.name }, undefined);
    // A document still on another card, a note, a task or an event stays live there; else to the bin.
    const deleted = binIfUnheld(db, actor, document.id);
    return { documentId: document.id, cards: [card], deleted };
  });
}

export function renameDocument(db: Db, actor: Actor, input: { id: string; name: string }): DocumentChange {
  return writeTransaction(db, () => {
    const document = liveDocument(db, input.id);
    const cards = cardsOfDocument(db, document.id);
    if (document.name === input.name) return { documentId: document.id, cards: [] };
    stmt(db, 'update documents set name = ?, updated_at = ? where id = ?').run(input.name, actor.at, document.id);
    indexDocument(db, document.id);
    audit(
      db,
      actor,
      'document_rename',
      cards,
      { documentId: document.id, name: document.name },
      {
        documentId: document.id,
        name: input.name,
      },
    );
    return { documentId: document.id, cards };
  });
}
