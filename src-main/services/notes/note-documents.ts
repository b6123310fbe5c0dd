import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { notFound } from '../../../src-shared/contract/errors';
import { writeAudit } from '../audit/audit-log';
import { checkAndHash, insertNewDocument, type Actor, type IncomingFile } from '../documents/document-writes';
import { documentRow } from '../documents/live-rows';
import { signalTextQueue } from '../documents/text-extraction-signal';
import { liveNote, type NoteChange } from './note-writes';
import { cardsOfNote } from './note-reads';
import { binIfUnheld } from '../documents/document-holders';

/** Documents of the notes module arrive through the file picker of the note form. */
const NOTE_DOCUMENT_SOURCE = 'picker';

/**
 * Attaches a file to a note as a new document: stored once like any other
 * (its text extracted and searchable), but filed on the note, not on a card.
 */
export async function attachFileToNote(
  db: Db,
  actor: Actor,
  input: { noteId: string; file: IncomingFile },
): Promise<NoteChange> {
  liveNote(db, input.noteId);
  const blob = await checkAndHash(input.file);
  const change = writeTransaction(db, () => {
    const note = liveNote(db, input.noteId);
    const { documentId, mimeType } = insertNewDocument(db, actor, input.file, blob, NOTE_DOCUMENT_SOURCE);
    stmt(db, 'insert into note_documents (note_id, document_id, created_at, created_by) values (?, ?, ?, ?)').run(
      note.id,
      documentId,
      actor.at,
      actor.userId,
    );
    writeAudit(db, {
      ...actor,
      action: 'document_add',
      entityType: 'note',
      entityId: note.id,
      after: { documentId, name: input.file.fileName, mimeType, size: blob.size },
    });
    return { noteId: note.id, cards: cardsOfNote(db, note.id) };
  });
  signalTextQueue(db);
  return change;
}

/**
 * Takes a document off a note. Still filed on a card or another note, it stays
 * there; on nothing any more, it goes to the recycle bin, as documents.detach does.
 */
export function detachDocumentFromNote(
  db: Db,
  actor: Actor,
  input: { noteId: string; documentId: string },
): NoteChange {
  return writeTransaction(db, () => {
    const note = liveNote(db, input.noteId);
    const document = documentRow(db, input.documentId);
    if (!document) throw notFound(`Belge (${input.documentId})`);
    const removed = stmt(db, 'delete from note_documents where note_id = ? and document_id = ?').run(
      note.id,
      document.id,
    );
    if (removed.changes === 0) throw notFound(`"${note.title}" notunda "${document.name}" belgesi`);
    binIfUnheld(db, actor, document.id);
    writeAudit(db, {
      ...actor,
      action: 'document_remove',
      entityType: 'note',
      entityId: note.id,
      before: { documentId: document.id, name: document.name },
    });
    return { noteId: note.id, cards: cardsOfNote(db, note.id) };
  });
}
