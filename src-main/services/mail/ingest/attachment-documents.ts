/**
 * A mail's attachments become documents like any other file (blobs in SQLite, a document row, version 1, text
 * extraction queued), straight from the parsed bytes: nothing is written to disk on the way, and the name the
 * sender chose is only ever a display name.
 */
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import { newId } from '../../../core/ids';
import { BLOB_CHUNK_BYTES, blobExists } from '../../documents/blob-store';
import { insertVersion, takeKnownText, type Actor } from '../../documents/document-writes';
import { mimeTypeOf } from '../../documents/mime-types';
import { indexDocument } from '../../documents/document-index';
import type { ParsedAttachment } from './parsed-mail';

/** Stores bytes under their SHA-256 unless already stored (the same PDF sent twice is kept once). */
function storeBytes(db: Db, bytes: Buffer, sha256: string, at: string): void {
  if (blobExists(db, sha256)) return;
  stmt(db, 'insert into blobs (sha256, size, chunk_size, created_at) values (?, ?, ?, ?)').run(
    sha256,
    bytes.length,
    BLOB_CHUNK_BYTES,
    at,
  );
  const insert = stmt(db, 'insert into blob_chunks (sha256, seq, data) values (?, ?, ?)');
  for (let seq = 0, offset = 0; offset < bytes.length; seq++, offset += BLOB_CHUNK_BYTES) {
    insert.run(sha256, seq, bytes.subarray(offset, offset + BLOB_CHUNK_BYTES));
  }
}

/**
 * Inserts the attachments of a stored mail (inside the caller's transaction). Answers whether any document now
 * waits for text extraction (the caller signals the extraction job after commit).
 */
export function storeAttachments(db: Db, actor: Actor, messageId: string, attachments: ParsedAttachment[]): boolean {
  let pending = false;
  const link = stmt(
    db,
    `insert into mail_attachments (message_id, position, document_id, file_name, content_type, size, content_id)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  attachments.forEach((attachment, position) => {
    storeBytes(db, attachment.content, attachment.sha256, actor.at);
    const documentId = newId();
    const mimeType = mimeTypeOf(attachment.fileName);
    stmt(
      db,
      `insert into documents (id, name, mime_type, size, sha256, source, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, 'mail', ?, ?, ?)`,
    ).run(
      documentId,
      attachment.fileName,
      mimeType,
      attachment.size,
      attachment.sha256,
      actor.at,
      actor.at,
      actor.userId,
    );
    insertVersion(db, actor, documentId, 1, { path: '', fileName: attachment.fileName }, attachment);
    takeKnownText(db, documentId, attachment.sha256);
    indexDocument(db, documentId);
    const status = stmt(db, 'select text_status as s from documents where id = ?').get(documentId) as { s: string };
    if (status.s === 'pending') pending = true;
    link.run(
      messageId,
      position,
      documentId,
      attachment.fileName,
      attachment.contentType,
      attachment.size,
      attachment.contentId,
    );
  });
  return pending;
}
