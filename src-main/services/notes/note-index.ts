import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity, unindexEntity } from '../search/search-index';

/**
 * Rewrites a note's row in the global search index from what the database now
 * holds: its subject and reason as the title; its text, resolution, the names
 * of its cards and staff and what its follow-ups ask for as the body (so
 * "Yılmaz tahsilat" finds the meeting).
 * Dated by when the meeting happened; owned by who wrote it. Call inside the
 * transaction of every write to the note.
 */
export function indexNote(db: Db, noteId: string): void {
  const note = stmt(
    db,
    `select n.id, n.title, n.body_text as bodyText, n.complaint_resolution as resolution, n.happened_at as happenedAt,
       n.created_by as createdBy, n.deleted_at as deletedAt, r.name as reasonName
     from notes n left join note_reasons r on r.id = n.reason_id where n.id = ?`,
  ).get(noteId) as
    | {
        id: string;
        title: string;
        bodyText: string;
        resolution: string | null;
        happenedAt: string;
        createdBy: string | null;
        deletedAt: string | null;
        reasonName: string | null;
      }
    | undefined;
  if (!note) {
    unindexEntity(db, noteId);
    return;
  }
  const names = stmt(
    db,
    `select c.display_name from note_cards nc join cards c on c.id = nc.card_id where nc.note_id = ?
     union all
     select u.name from note_staff ns join users u on u.id = ns.user_id where ns.note_id = ?`,
  )
    .pluck()
    .all(noteId, noteId) as string[];
  const followUps = stmt(db, "select description from follow_ups where note_id = ? and description <> ''")
    .pluck()
    .all(noteId) as string[];
  indexEntity(db, {
    type: 'note',
    id: note.id,
    title: [note.title, note.reasonName ?? ''].join(' '),
    body: [note.bodyText, note.resolution ?? '', ...names, ...followUps].join('\n'),
    deleted: note.deletedAt !== null,
    ownerId: note.createdBy,
    datedAt: note.happenedAt,
  });
}
