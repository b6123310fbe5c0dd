/**
 * Where a document can be filed: on cards, meeting notes, tasks and events. A document taken off the last of
 * them goes to the recycle bin (it would otherwise be live but reachable from nowhere); one still held anywhere
 * stays. A module that holds documents adds its table here, once, instead of counting on its own.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexDocument } from './document-index';

const HOLDER_TABLES = [
  'document_cards',
  'note_documents',
  'task_documents',
  'event_documents',
  'mail_attachments',
] as const;

const COUNT_HOLDERS = `select ${HOLDER_TABLES.map((t) => `(select count(*) from ${t} where document_id = @id)`).join(
  ' + ',
)} as n`;

/** Bins the document when nothing holds it any more, and re-indexes it either way (binned ones leave search). */
export function binIfUnheld(db: Db, actor: { userId: string; at: string }, documentId: string): boolean {
  const { n } = stmt(db, COUNT_HOLDERS).get({ id: documentId }) as { n: number };
  const binned =
    n === 0 &&
    stmt(
      db,
      'update documents set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ? and deleted_at is null',
    ).run(actor.at, actor.userId, actor.at, documentId).changes > 0;
  indexDocument(db, documentId);
  return binned;
}
