import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { notFound } from '../../../src-shared/contract/errors';
import { writeAudit } from '../audit/audit-log';
import { checkAndHash, insertNewDocument, type Actor, type IncomingFile } from '../documents/document-writes';
import { documentRow } from '../documents/live-rows';
import { signalTextQueue } from '../documents/text-extraction-signal';
import { assertCanEditEvent } from './calendar-permissions';
import { liveEvent } from './event-rows';
import { binIfUnheld } from '../documents/document-holders';

/** Files on events arrive through the event page's file picker. */
const EVENT_DOCUMENT_SOURCE = 'picker';

/**
 * Attaches a file to an event as a new document (a presentation, the minutes, a recording): stored once like
 * any other, its text extracted and searchable, filed on the event rather than on a card.
 */
export async function attachFileToEvent(
  db: Db,
  actor: Actor,
  input: { eventId: string; file: IncomingFile },
): Promise<{ eventId: string; calendarId: string }> {
  liveEvent(db, input.eventId);
  assertCanEditEvent(db, input.eventId, actor.userId);
  const blob = await checkAndHash(input.file);
  const change = writeTransaction(db, () => {
    const event = liveEvent(db, input.eventId);
    assertCanEditEvent(db, event.id, actor.userId);
    const { documentId, mimeType } = insertNewDocument(db, actor, input.file, blob, EVENT_DOCUMENT_SOURCE);
    stmt(db, 'insert into event_documents (event_id, document_id) values (?, ?)').run(event.id, documentId);
    writeAudit(db, {
      ...actor,
      action: 'document_add',
      entityType: 'event',
      entityId: event.id,
      after: { documentId, name: input.file.fileName, mimeType, size: blob.size },
    });
    return { eventId: event.id, calendarId: event.calendarId };
  });
  signalTextQueue(db);
  return change;
}

/**
 * Takes a document off an event. Still filed on a card, a note, a task or another event, it stays there; on
 * nothing any more, it goes to the recycle bin, as documents.detach does.
 */
export function detachDocumentFromEvent(
  db: Db,
  actor: Actor,
  input: { eventId: string; documentId: string },
): { eventId: string; calendarId: string } {
  return writeTransaction(db, () => {
    const event = liveEvent(db, input.eventId);
    assertCanEditEvent(db, event.id, actor.userId);
    const document = documentRow(db, input.documentId);
    if (!document) throw notFound(`Belge (${input.documentId})`);
    const removed = stmt(db, 'delete from event_documents where event_id = ? and document_id = ?').run(
      event.id,
      document.id,
    );
    if (removed.changes === 0) throw notFound(`«${event.title}» etkinliğinde «${document.name}» belgesi`);
    binIfUnheld(db, actor, document.id);
    writeAudit(db, {
      ...actor,
      action: 'document_remove',
      entityType: 'event',
      entityId: event.id,
      before: { documentId: document.id, name: document.name },
    });
    return { eventId: event.id, calendarId: event.calendarId };
  });
}
