import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexNote } from './note-index';

/**
 * A note's search text carries the names of its cards: after a card is renamed,
 * merged or restored, the notes on it are indexed again in the same transaction.
 */
export function refreshNotesOf(db: Db, cardId: string): void {
  for (const { noteId } of stmt(db, 'select note_id as noteId from note_cards where card_id = ?').all(cardId) as {
    noteId: string;
  }[])
    indexNote(db, noteId);
}
