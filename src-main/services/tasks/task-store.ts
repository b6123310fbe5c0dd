/**
 * The pieces every task write is made of: the stored row, its links, the audit rows on the task and its cards,
 * and what a write touched (for the events the handlers send).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { TaskStatus } from '../../../src-shared/contract/tasks';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import type { CardRow } from '../documents/live-rows';

/** What a write touched: the task, the cards whose timelines show it, and whose notifications changed. */
export interface TaskChange {
  taskId: string;
  cards: CardRow[];
  assigneeIds: string[];
  notifiedUserIds: string[];
  /** The next task of the series, when completing this one made it. */
  nextTaskId?: string | undefined;
}

export interface StoredTask {
  id: string;
  title: string;
  status: TaskStatus;
  dueDate: string | null;
  dueTime: string | null;
  rrule: string | null;
  seriesId: string | null;
  recurrenceDate: string | null;
  createdBy: string | null;
  updatedAt: string;
  deletedAt: string | null;
}

export function storedTask(db: Db, id: string): StoredTask {
  const row = stmt(
    db,
    `select id, title, status, due_date as dueDate, due_time as dueTime, rrule, series_id as seriesId,
       recurrence_date as recurrenceDate, created_by as createdBy, updated_at as updatedAt, deleted_at as deletedAt
     from tasks where id = ?`,
  ).get(id) as StoredTask | undefined;
  if (!row) throw notFound(`Görev (${id})`);
  return row;
}

/** A task outside the recycle bin: only those can be changed. */
export function liveTask(db: Db, id: string): StoredTask {
  const row = storedTask(db, id);
  if (row.deletedAt) throw invalidInput(`"${row.title}" görevi çöp kutusunda; önce geri yükleyin.`);
  return row;
}

/** Every card the task is linked to, from the bin too (their history records the change). */
export function linkedCards(db: Db, taskId: string): CardRow[] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from task_cards tc join cards c on c.id = tc.card_id where tc.task_id = ? and c.merged_into is null
     order by c.sort_key`,
  ).all(taskId) as CardRow[];
}

export const linkedIds = (db: Db, table: 'task_notes' | 'task_documents', column: string, taskId: string) =>
  new Set(stmt(db, `select ${column} from ${table} where task_id = ?`).pluck().all(taskId) as string[]);

/**
 * The task's links to notes and documents in the recycle bin. The task's screen does not show them, so a save
 * from its form never sends them back: they are kept as they are, and come back into view with their note or
 * document when it is restored.
 */
export function binnedLinks(db: Db, taskId: string): { noteIds: string[]; documentIds: string[] } {
  return {
    noteIds: stmt(
      db,
      `select tn.note_id from task_notes tn join notes n on n.id = tn.note_id
       where tn.task_id = ? and n.deleted_at is not null`,
    )
      .pluck()
      .all(taskId) as string[],
    documentIds: stmt(
      db,
      `select td.document_id from task_documents td join documents d on d.id = td.document_id
       where td.task_id = ? and d.deleted_at is not null`,
    )
      .pluck()
      .all(taskId) as string[],
  };
}

/** The links of a task, replaced as a whole (the form sends them all). */
export function writeLinks(
  db: Db,
  taskId: string,
  links: { assigneeIds: string[]; cardIds: string[]; noteIds: string[]; documentIds: string[] },
): void {
  for (const table of ['task_assignees', 'task_cards', 'task_notes', 'task_documents'])
    stmt(db, `delete from ${table} where task_id = ?`).run(taskId);
  const insert = (sql: string, ids: string[]) => {
    const statement = stmt(db, sql);
    for (const id of ids) statement.run(taskId, id);
  };
  insert('insert into task_assignees (task_id, user_id) values (?, ?)', links.assigneeIds);
  insert('insert into task_cards (task_id, card_id) values (?, ?)', links.cardIds);
  insert('insert into task_notes (task_id, note_id) values (?, ?)', links.noteIds);
  insert('insert into task_documents (task_id, document_id) values (?, ?)', links.documentIds);
}

/** The task as its audit rows remember it: readable without the task (which may change or go to the bin). */
export function snapshot(db: Db, taskId: string) {
  const task = stmt(
    db,
    `select title, status, priority, due_date as dueDate, due_time as dueTime, rrule from tasks where id = ?`,
  ).get(taskId) as Record<string, string | null>;
  const names = (sql: string) => stmt(db, sql).pluck().all(taskId) as string[];
  return {
    taskId,
    ...task,
    assignees: names('select u.name from task_assignees ta join users u on u.id = ta.user_id where ta.task_id = ?'),
    cards: names('select c.display_name from task_cards tc join cards c on c.id = tc.card_id where tc.task_id = ?'),
  };
}

/** One row on the task itself and, for changes a card's history should show, one on every card it concerns. */
export function auditTask(
  db: Db,
  actor: Actor,
  action: AuditAction,
  taskId: string,
  cards: readonly CardRow[],
  before: unknown,
  after: unknown,
): void {
  writeAudit(db, { ...actor, action, entityType: 'task', entityId: taskId, before, after });
  for (const card of cards)
    writeAudit(db, { ...actor, action, entityType: card.type, entityId: card.id, before, after });
}
