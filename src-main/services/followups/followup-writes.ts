import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { FollowUpOut, followUpFields } from '../../../src-shared/contract/followups';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import type { CardRow } from '../documents/live-rows';
import { indexNote } from '../notes/note-index';
import { checkAssignees, checkDueDate, type FieldPrefix } from './followup-checks';
import { getFollowUp } from './followup-reads';
import { announceAssignment, followUpSubject, rescheduleFollowUpReminders } from './followup-reminders';

export type FollowUpInput = z.output<typeof followUpFields>;

/** What a write touched: the follow-up, its note (and the note's cards), and whose notifications changed. */
export interface FollowUpChange {
  /** False when the input asked for what already was (the same date, the same staff): nothing written. */
  changed: boolean;
  followUpId: string;
  noteId: string;
  cards: CardRow[];
  /** Who had or has it: their lists and reminders changed. */
  assigneeIds: string[];
  /** Users whose notifications (reminders or news) were written or withdrawn. */
  notifiedUserIds: string[];
}

interface NoteRef {
  id: string;
  title: string;
  deletedAt: string | null;
}

/** Follow-ups belong to live notes: one in the recycle bin is brought back before its follow-ups change. */
function liveNoteRef(db: Db, noteId: string): NoteRef {
  const note = stmt(db, 'select id, title, deleted_at as deletedAt from notes where id = ?').get(noteId) as
    NoteRef | undefined;
  if (!note) throw notFound(`Görüşme notu (${noteId})`);
  if (note.deletedAt) throw invalidInput(`"${note.title}" notu çöp kutusunda; önce notu geri yükleyin.`);
  return note;
}

/** The note's cards, from the bin too: their history records what happened to its follow-ups. */
function cardsOfNote(db: Db, noteId: string): CardRow[] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from note_cards nc join cards c on c.id = nc.card_id where nc.note_id = ? order by c.sort_key`,
  ).all(noteId) as CardRow[];
}

/** The follow-up as its audit rows remember it; `title` is what a card's timeline shows under the action. */
function snapshot(f: FollowUpOut) {
  return {
    followUpId: f.id,
    noteId: f.noteId,
    noteTitle: f.noteTitle,
    title: f.description || f.noteTitle,
    dueDate: f.dueDate,
    dueTime: f.dueTime,
    status: f.status,
    assignees: f.assignees.map((a) => a.name),
    doneNote: f.doneNote,
  };
}

/** One row on the follow-up and one on every card of its note (the card's history shows it). */
function audit(db: Db, actor: Actor, action: AuditAction, f: FollowUpOut, before: unknown, after: unknown): void {
  writeAudit(db, { ...actor, action, entityType: 'follow_up', entityId: f.id, before, after });
  for (const card of cardsOfNote(db, f.noteId))
    writeAudit(db, { ...actor, action, entityType: card.type, entityId: card.id, before, after });
}

function writeAssignees(db: Db, followUpId: string, userIds: readonly string[]): void {
  stmt(db, 'delete from follow_up_assignees where follow_up_id = ?').run(followUpId);
  const insert = stmt(db, 'insert into follow_up_assignees (follow_up_id, user_id) values (?, ?)');
  for (const userId of userIds) insert.run(followUpId, userId);
}

/**
 * Writes a follow-up on a live note inside the caller's transaction (notes.create writes the note's one here):
 * its reminders, news for colleagues it was given to, audit and the note's search text.
 */
export function insertFollowUp(
  db: Db,
  actor: Actor,
  noteId: string,
  input: FollowUpInput,
  prefix: FieldPrefix,
): FollowUpChange {
  const note = liveNoteRef(db, noteId);
  checkDueDate(db, input.dueDate, input.confirmPast, new Date(actor.at), prefix);
  const assigneeIds = checkAssignees(db, input.assigneeIds, prefix);
  const id = newId();
  const description = input.description ?? '';
  stmt(
    db,
    `insert into follow_ups (id, note_id, description, due_date, due_time, status, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(id, note.id, description, input.dueDate, input.dueTime, actor.at, actor.at, actor.userId);
  writeAssignees(db, id, assigneeIds);
  rescheduleFollowUpReminders(db, id, actor.at);
  const told = announceAssignment(db, {
    followUpId: id,
    userIds: assigneeIds,
    actorId: actor.userId,
    subject: followUpSubject(description, note.title),
    at: actor.at,
  });
  const created = getFollowUp(db, id);
  audit(db, actor, 'follow_up_add', created, undefined, snapshot(created));
  indexNote(db, note.id);
  return {
    changed: true,
    followUpId: id,
    noteId: note.id,
    cards: cardsOfNote(db, note.id),
    assigneeIds,
    notifiedUserIds: [...new Set([...assigneeIds, ...told])],
  };
}

export function createFollowUp(db: Db, actor: Actor, input: FollowUpInput & { noteId: string }): FollowUpChange {
  return writeTransaction(db, () => insertFollowUp(db, actor, input.noteId, input, ''));
}

const STATUS_WORDS: Record<FollowUpOut['status'], string> = {
  open: 'açık',
  done: 'tamamlandı',
  cancelled: 'iptal edildi',
};

function requireStatus(f: FollowUpOut, allowed: FollowUpOut['status'][], doing: string): void {
  if (allowed.includes(f.status)) return;
  const what = f.description || f.noteTitle;
  throw invalidInput(`"${what}" takibi ${STATUS_WORDS[f.status]}; ${doing}.`);
}

/**
 * One change of a follow-up in one transaction: `apply` checks and writes (or answers false: nothing to change),
 * then the reminders follow the new state, and the change is audited and re-indexed.
 */
function changeFollowUp(
  db: Db,
  actor: Actor,
  id: string,
  action: AuditAction,
  apply: (current: FollowUpOut) => { changed: boolean; told?: string[] },
): FollowUpChange {
  return writeTransaction(db, () => {
    const current = getFollowUp(db, id);
    liveNoteRef(db, current.noteId);
    const { changed, told = [] } = apply(current);
    const before = current.assignees.map((a) => a.id);
    if (!changed) {
      return {
        changed: false,
        followUpId: id,
        noteId: current.noteId,
        cards: [],
        assigneeIds: before,
        notifiedUserIds: [],
      };
    }
    stmt(db, 'update follow_ups set updated_at = ? where id = ?').run(actor.at, id);
    rescheduleFollowUpReminders(db, id, actor.at);
    const after = getFollowUp(db, id);
    audit(db, actor, action, after, snapshot(current), snapshot(after));
    indexNote(db, current.noteId);
    const now = after.assignees.map((a) => a.id);
    const assigneeIds = [...new Set([...before, ...now])];
    return {
      changed: true,
      followUpId: id,
      noteId: current.noteId,
      cards: cardsOfNote(db, current.noteId),
      assigneeIds,
      notifiedUserIds: [...new Set([...assigneeIds, ...told])],
    };
  });
}

function close(db: Db, id: string, status: 'done' | 'cancelled', actor: Actor, doneNote: string | undefined) {
  stmt(db, 'update follow_ups set status = ?, done_at = ?, done_by = ?, done_note = ? where id = ?').run(
    status,
    actor.at,
    actor.userId,
    doneNote ?? null,
    id,
  );
}

export function completeFollowUp(db: Db, actor: Actor, input: { id: string; doneNote?: string | undefined }) {
  return changeFollowUp(db, actor, input.id, 'follow_up_done', (f) => {
    requireStatus(f, ['open'], 'tamamlanmış sayılamaz (önce yeniden açın)');
    close(db, f.id, 'done', actor, input.doneNote);
    return { changed: true };
  });
}

export function cancelFollowUp(db: Db, actor: Actor, input: { id: string; doneNote?: string | undefined }) {
  return changeFollowUp(db, actor, input.id, 'follow_up_cancel', (f) => {
    requireStatus(f, ['open'], 'iptal edilemez (önce yeniden açın)');
    close(db, f.id, 'cancelled', actor, input.doneNote);
    return { changed: true };
  });
}

export function reopenFollowUp(db: Db, actor: Actor, input: { id: string }) {
  return changeFollowUp(db, actor, input.id, 'follow_up_reopen', (f) => {
    requireStatus(f, ['done', 'cancelled'], 'yeniden açılacak bir şey yok');
    stmt(
      db,
      "update follow_ups set status = 'open', done_at = null, done_by = null, done_note = null where id = ?",
    ).run(f.id);
    return { changed: true };
  });
}

/** Snooze: a new date (a past one needs the user's yes) and time; the reminder moves with it. */
export function moveFollowUp(
  db: Db,
  actor: Actor,
  input: { id: string; dueDate: string; dueTime: string | null; confirmPast: boolean },
) {
  return changeFollowUp(db, actor, input.id, 'follow_up_move', (f) => {
    requireStatus(f, ['open'], 'tarihi değiştirilemez (önce yeniden açın)');
    if (f.dueDate === input.dueDate && f.dueTime === input.dueTime) return { changed: false };
    // Only a new day is checked: changing just the hour of an overdue follow-up asks nothing.
    if (f.dueDate !== input.dueDate) checkDueDate(db, input.dueDate, input.confirmPast, new Date(actor.at), '');
    stmt(db, 'update follow_ups set due_date = ?, due_time = ? where id = ?').run(input.dueDate, input.dueTime, f.id);
    return { changed: true };
  });
}

/** Gives the follow-up to other staff; those new to it are told at once, the reminders go to them. */
export function handOverFollowUp(db: Db, actor: Actor, input: { id: string; assigneeIds: string[] }) {
  return changeFollowUp(db, actor, input.id, 'follow_up_hand_over', (f) => {
    requireStatus(f, ['open'], 'devredilemez (önce yeniden açın)');
    const next = checkAssignees(db, input.assigneeIds, '');
    const before = new Set(f.assignees.map((a) => a.id));
    if (next.length === before.size && next.every((id) => before.has(id))) return { changed: false };
    writeAssignees(db, f.id, next);
    const told = announceAssignment(db, {
      followUpId: f.id,
      userIds: next.filter((id) => !before.has(id)),
      actorId: actor.userId,
      subject: followUpSubject(f.description, f.noteTitle),
      at: actor.at,
    });
    return { changed: true, told };
  });
}
