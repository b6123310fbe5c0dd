import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { taskFields } from '../../../src-shared/contract/tasks';
import type { CardRow } from '../documents/live-rows';
import { checkTaskRule, parseTaskRule, RecurrenceRuleError } from './task-recurrence';

export type TaskInput = z.output<typeof taskFields>;

/** What a task row and its links are written from, every rule already checked. */
export interface CheckedTask {
  title: string;
  description: string;
  status: TaskInput['status'];
  priority: TaskInput['priority'];
  dueDate: string | null;
  dueTime: string | null;
  /** As stored (upper case); null for a task that does not recur. */
  rrule: string | null;
  assigneeIds: string[];
  cards: CardRow[];
  noteIds: string[];
  documentIds: string[];
}

/** What an existing task already has: links it keeps may point into the recycle bin, an unchanged date is not asked about again. */
export interface TaskBefore {
  dueDate: string | null;
  rrule: string | null;
  cardIds: ReadonlySet<string>;
  noteIds: ReadonlySet<string>;
  documentIds: ReadonlySet<string>;
}

const NONE: TaskBefore = {
  dueDate: null,
  rrule: null,
  cardIds: new Set(),
  noteIds: new Set(),
  documentIds: new Set(),
};

/** DD.MM.YYYY, how the form shows a date. */
export const shownDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * Refuses a due date before today unless the person said yes: a date typed in the past is more often a slip
 * than a wish. Also used by snooze.
 */
export function checkNotPast(dueDate: string, today: string, confirmPast: boolean): void {
  if (dueDate < today && !confirmPast) {
    throw invalidInput(`Bitiş tarihi (${shownDate(dueDate)}) geçmişte; yine de kaydetmek için onaylayın.`, {
      dueDate: 'Tarih geçmişte; yine de kaydedilsin mi?',
    });
  }
}

/**
 * Checks a task against the database and the rules the form cannot see: assignees that exist, live cards, notes
 * and documents (a link the task already has may stay even from the bin), a readable recurrence with a due date,
 * a due date not in the past unless confirmed. Throws INVALID_INPUT naming the field and the item.
 */
export function checkTask(
  db: Db,
  input: TaskInput,
  today: string,
  before: TaskBefore = NONE,
  reading: RuleReading | null = readRule(input.rrule, input.dueDate),
): CheckedTask {
  if (input.dueTime && !input.dueDate) {
    throw invalidInput('Saat için bir tarih de seçin.', { dueTime: 'Saat için bir tarih de seçin' });
  }
  if (input.dueDate && input.dueDate !== before.dueDate) checkNotPast(input.dueDate, today, input.confirmPast);
  const rrule = input.rrule ? checkRule(input.dueDate, before, reading) : null;
  const assigneeIds = [...new Set(input.assigneeIds)];
  for (const id of assigneeIds) {
    if (!stmt(db, 'select 1 from users where id = ?').get(id)) {
      throw invalidInput(`Görevin atandığı kullanıcı bulunamadı (${id}).`, { assigneeIds: 'Kullanıcı bulunamadı' });
    }
  }
  const cards = [...new Set(input.cardIds)].map((id) => checkCard(db, id, before.cardIds.has(id)));
  const noteIds = [...new Set(input.noteIds)];
  for (const id of noteIds) checkNote(db, id, before.noteIds.has(id));
  const documentIds = [...new Set(input.documentIds)];
  for (const id of documentIds) checkDocument(db, id, before.documentIds.has(id));
  return {
    title: input.title,
    description: input.description.trim(),
    status: input.status,
    priority: input.priority,
    dueDate: input.dueDate,
    dueTime: input.dueDate ? input.dueTime : null,
    rrule,
    assigneeIds,
    cards,
    noteIds,
    documentIds,
  };
}

/** A task's rule as read and followed from its due date; `refusal` says why it cannot be saved as a new rule. */
export type RuleReading = { text: string; refusal: null } | { text: string | null; refusal: string };

/**
 * Reads a rule and follows it from the due date once. Following takes up to a fraction of a second for a rare
 * rule, so the writes call this before opening their transaction (the write lock must not wait on ical.js) and
 * hand the reading to checkTask. Null without a rule or a date (checkTask says what is missing).
 */
export function readRule(rrule: string | null | undefined, dueDate: string | null): RuleReading | null {
  if (!rrule || !dueDate) return null;
  let text: string | null = null;
  try {
    text = parseTaskRule(rrule).text;
    checkTaskRule(text, dueDate);
    return { text, refusal: null };
  } catch (error) {
    if (!(error instanceof RecurrenceRuleError)) throw error;
    return { text, refusal: error.message };
  }
}

/** A rule counts as new only when it changed: a kept rule late in its series may have no date left. */
function checkRule(dueDate: string | null, before: TaskBefore, reading: RuleReading | null): string {
  if (!dueDate || !reading) {
    const message = 'Tekrarlanan bir görevin ilk tarihi olmalı: bir bitiş tarihi seçin.';
    throw invalidInput(message, { dueDate: 'Tekrar için bir tarih seçin', rrule: message });
  }
  if (reading.text !== null && reading.text === before.rrule) return reading.text;
  if (reading.refusal !== null) throw invalidInput(reading.refusal, { rrule: reading.refusal });
  return reading.text;
}

function checkCard(db: Db, id: string, alreadyLinked: boolean): CardRow {
  const row = stmt(
    db,
    `select id, type, display_name as displayName, deleted_at as deletedAt, merged_into as mergedInto
     from cards where id = ?`,
  ).get(id) as (CardRow & { deletedAt: string | null; mergedInto: string | null }) | undefined;
  if (!row) throw invalidInput(`Kart bulunamadı (${id}).`, { cardIds: `Kart bulunamadı (${id})` });
  if (row.mergedInto) {
    const message = `"${row.displayName}" başka bir kartla birleştirildi; görevi birleşen karta bağlayın.`;
    throw invalidInput(message, { cardIds: message });
  }
  if (row.deletedAt && !alreadyLinked) {
    const message = `"${row.displayName}" çöp kutusunda; önce kartı geri yükleyin.`;
    throw invalidInput(message, { cardIds: message });
  }
  return { id: row.id, type: row.type, displayName: row.displayName };
}

function checkNote(db: Db, id: string, alreadyLinked: boolean): void {
  const note = stmt(db, 'select title, deleted_at as deletedAt from notes where id = ?').get(id) as
    { title: string; deletedAt: string | null } | undefined;
  if (!note) throw invalidInput(`Görüşme notu bulunamadı (${id}).`, { noteIds: 'Not bulunamadı' });
  if (note.deletedAt && !alreadyLinked) {
    const message = `"${note.title}" notu çöp kutusunda; önce notu geri yükleyin.`;
    throw invalidInput(message, { noteIds: message });
  }
}

function checkDocument(db: Db, id: string, alreadyLinked: boolean): void {
  const doc = stmt(db, 'select name, deleted_at as deletedAt from documents where id = ?').get(id) as
    { name: string; deletedAt: string | null } | undefined;
  if (!doc) throw invalidInput(`Belge bulunamadı (${id}).`, { documentIds: 'Belge bulunamadı' });
  if (doc.deletedAt && !alreadyLinked) {
    const message = `"${doc.name}" belgesi çöp kutusunda; önce belgeyi geri yükleyin.`;
    throw invalidInput(message, { documentIds: message });
  }
}
