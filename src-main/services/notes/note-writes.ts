import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { noteCreateInput } from '../../../src-shared/contract/notes';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import type { CardRow } from '../documents/live-rows';
import { checkNote, type CheckedNote, type NoteFields } from './note-checks';
import { excerptOf, getNote } from './note-reads';
import { insertFollowUp, type FollowUpChange } from '../followups/followup-writes';
import { rescheduleFollowUpReminders } from '../followups/followup-reminders';
import { indexNote } from './note-index';
import { recordRead } from './note-read-state';
import { tellManagers } from './team-news';

/** What a write touched: the note and every card whose timeline shows (or showed) it. */
export interface NoteChange {
  noteId: string;
  cards: CardRow[];
  /** A new note's follow-up, written with it. */
  followUp?: FollowUpChange | undefined;
  /** Managers told of a new note of their team. */
  notifiedUserIds?: string[];
}

/** The note as its audit rows remember it: readable without the note (which may change or go to the bin). */
function snapshot(db: Db, noteId: string) {
  // Read state is not part of what a note says: any reader gives the same snapshot.
  const note = getNote(db, noteId, '');
  return {
    noteId,
    kind: note.kind,
    title: note.title,
    happenedAt: note.happenedAt,
    durationMinutes: note.durationMinutes,
    reason: note.reason?.name ?? null,
    channel: note.channel,
    cards: note.cards.map((c) => c.displayName),
    staff: note.staff.map((s) => s.name),
    excerpt: excerptOf(note.bodyText),
    complaintStatus: note.complaintStatus,
    complaintResponsible: note.complaintResponsible?.name ?? null,
    complaintResolution: note.complaintResolution,
  };
}

/** One row on the note itself (a staff-only note has no card) and one on every card it concerns. */
function audit(
  db: Db,
  actor: Actor,
  action: AuditAction,
  noteId: string,
  cards: CardRow[],
  before: unknown,
  after: unknown,
) {
  writeAudit(db, { ...actor, action, entityType: 'note', entityId: noteId, before, after });
  for (const card of cards)
    writeAudit(db, { ...actor, action, entityType: card.type, entityId: card.id, before, after });
}

/** Every card the note is linked to, from the bin too (their history records the change). */
function linkedCards(db: Db, noteId: string): CardRow[] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from note_cards nc join cards c on c.id = nc.card_id where nc.note_id = ? order by c.sort_key`,
  ).all(noteId) as CardRow[];
}

function writeLinks(db: Db, noteId: string, note: CheckedNote): void {
  stmt(db, 'delete from note_cards where note_id = ?').run(noteId);
  stmt(db, 'delete from note_staff where note_id = ?').run(noteId);
  const card = stmt(db, 'insert into note_cards (note_id, card_id) values (?, ?)');
  for (const c of note.cards) card.run(noteId, c.id);
  const staff = stmt(db, 'insert into note_staff (note_id, user_id) values (?, ?)');
  for (const userId of note.staffIds) staff.run(noteId, userId);
}

const fieldValues = (n: CheckedNote) => [
  n.kind,
  n.title,
  n.happenedAt,
  n.durationMinutes,
  n.reasonId,
  n.channel,
  n.bodyHtml,
  n.bodyText,
  n.complaintStatus,
  n.complaintResponsibleId,
  n.complaintResolution,
];

export type NoteCreateFields = z.output<typeof noteCreateInput>;

/**
 * A new note, read by its author; the managers of the author and of the staff are told of it; a follow-up it
 * asks for is written in the same transaction (a refused follow-up leaves no note behind).
 */
export function createNote(db: Db, actor: Actor, input: NoteCreateFields): NoteChange {
  return writeTransaction(db, () => {
    const note = checkNote(db, input, actor.at);
    const id = newId();
    stmt(
      db,
      `insert into notes (kind, title, happened_at, duration_minutes, reason_id, channel, body_html, body_text,
         complaint_status, complaint_responsible_id, complaint_resolution, id, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...fieldValues(note), id, actor.at, actor.at, actor.userId);
    writeLinks(db, id, note);
    recordRead(db, id, actor.userId, actor.at);
    indexNote(db, id);
    audit(db, actor, 'note_add', id, note.cards, undefined, snapshot(db, id));
    const followUp = input.followUp ? insertFollowUp(db, actor, id, input.followUp, 'followUp.') : undefined;
    const notifiedUserIds = tellManagers(db, {
      noteId: id,
      title: note.title,
      authorId: actor.userId,
      staffIds: note.staffIds,
      at: actor.at,
    });
    return { noteId: id, cards: note.cards, followUp, notifiedUserIds };
  });
}

/** The note's open follow-ups are reminded only while the note is out of the recycle bin. */
function rescheduleFollowUpsOf(db: Db, noteId: string, at: string): void {
  for (const id of stmt(db, 'select id from follow_ups where note_id = ?').pluck().all(noteId) as string[])
    rescheduleFollowUpReminders(db, id, at);
}

interface StoredNote {
  id: string;
  title: string;
  reasonId: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

function storedNote(db: Db, id: string): StoredNote {
  const row = stmt(
    db,
    'select id, title, reason_id as reasonId, updated_at as updatedAt, deleted_at as deletedAt from notes where id = ?',
  ).get(id) as StoredNote | undefined;
  if (!row) throw notFound(`Görüşme notu (${id})`);
  return row;
}

/** A note outside the recycle bin: only those can be changed. */
export function liveNote(db: Db, id: string): StoredNote {
  const row = storedNote(db, id);
  if (row.deletedAt) throw invalidInput(`"${row.title}" notu çöp kutusunda; önce geri yükleyin.`);
  return row;
}

/** Replaces every field and link; cards it no longer concerns are told too (their timelines drop it). */
export function updateNote(
  db: Db,
  actor: Actor,
  input: NoteFields & { id: string; expectedUpdatedAt?: string | undefined },
): NoteChange {
  return writeTransaction(db, () => {
    const stored = liveNote(db, input.id);
    // Every field is replaced: a save from a form opened before someone else's change would undo it silently.
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== stored.updatedAt) {
      throw conflict(
        `"${stored.title}" notu siz düzenlerken değiştirildi; notu yeniden açıp değişikliklerinizi tekrar yapın.`,
      );
    }
    const oldCards = linkedCards(db, stored.id);
    const note = checkNote(db, input, actor.at, {
      reasonId: stored.reasonId,
      cardIds: new Set(oldCards.map((c) => c.id)),
    });
    const before = snapshot(db, stored.id);
    stmt(
      db,
      `update notes set kind = ?, title = ?, happened_at = ?, duration_minutes = ?, reason_id = ?, channel = ?,
         body_html = ?, body_text = ?, complaint_status = ?, complaint_responsible_id = ?, complaint_resolution = ?,
         updated_at = ?
       where id = ?`,
    ).run(...fieldValues(note), actor.at, stored.id);
    writeLinks(db, stored.id, note);
    indexNote(db, stored.id);
    const cards = [...oldCards, ...note.cards.filter((c) => !oldCards.some((o) => o.id === c.id))];
    audit(db, actor, 'note_change', stored.id, cards, before, snapshot(db, stored.id));
    return { noteId: stored.id, cards };
  });
}

/** Soft delete: the note leaves timelines, lists and global search; the recycle bin can bring it back. */
export function deleteNote(db: Db, actor: Actor, id: string): NoteChange {
  return writeTransaction(db, () => {
    const stored = liveNote(db, id);
    const cards = linkedCards(db, stored.id);
    stmt(db, 'update notes set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?').run(
      actor.at,
      actor.userId,
      actor.at,
      stored.id,
    );
    indexNote(db, stored.id);
    rescheduleFollowUpsOf(db, stored.id, actor.at);
    audit(db, actor, 'note_delete', stored.id, cards, snapshot(db, stored.id), undefined);
    return { noteId: stored.id, cards };
  });
}

export function restoreNote(db: Db, actor: Actor, id: string): NoteChange {
  return writeTransaction(db, () => {
    const stored = storedNote(db, id);
    if (!stored.deletedAt) throw invalidInput(`"${stored.title}" notu çöp kutusunda değil.`);
    const cards = linkedCards(db, stored.id);
    stmt(db, 'update notes set deleted_at = null, deleted_by = null, updated_at = ? where id = ?').run(
      actor.at,
      stored.id,
    );
    indexNote(db, stored.id);
    rescheduleFollowUpsOf(db, stored.id, actor.at);
    audit(db, actor, 'note_restore', stored.id, cards, undefined, snapshot(db, stored.id));
    return { noteId: stored.id, cards };
  });
}
