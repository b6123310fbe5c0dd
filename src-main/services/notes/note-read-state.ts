import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { notFound } from '../../../src-shared/contract/errors';

/** Someone has read a note (opened it, wrote it): the first reading is kept. Call inside a write. */
export function recordRead(db: Db, noteId: string, userId: string, at: string): void {
  stmt(db, 'insert into note_reads (note_id, user_id, read_at) values (?, ?, ?) on conflict do nothing').run(
    noteId,
    userId,
    at,
  );
}

export interface ReadStateChange {
  id: string;
  readAt: string | null;
  /** The reader's news of this note was read with it (their notification badge changed). */
  newsRead: boolean;
}

/**
 * Marks a note read (or unread again) for one reader only; no one else's read state changes. Reading it also
 * reads the reader's "new note of your team" news about it, so the bell does not ask for it a second time.
 * Not audited: it changes nothing of the note, only what one person has seen.
 */
export function markNoteRead(
  db: Db,
  actor: { userId: string; at: string },
  input: { id: string; read: boolean },
): ReadStateChange {
  return writeTransaction(db, () => {
    if (!stmt(db, 'select 1 from notes where id = ?').get(input.id)) throw notFound(`Görüşme notu (${input.id})`);
    let newsRead = false;
    if (input.read) {
      recordRead(db, input.id, actor.userId, actor.at);
      newsRead =
        stmt(
          db,
          // Delivered too: a toast about a note already open on screen would only be noise.
          `update notifications set read_at = @at, delivered_at = coalesce(delivered_at, @at)
           where user_id = @userId and entity_type = 'note' and entity_id = @noteId and kind = 'team_note'
             and read_at is null`,
        ).run({ at: actor.at, userId: actor.userId, noteId: input.id }).changes > 0;
    } else {
      stmt(db, 'delete from note_reads where note_id = ? and user_id = ?').run(input.id, actor.userId);
    }
    const row = stmt(db, 'select read_at as readAt from note_reads where note_id = ? and user_id = ?').get(
      input.id,
      actor.userId,
    ) as { readAt: string } | undefined;
    return { id: input.id, readAt: row?.readAt ?? null, newsRead };
  });
}
