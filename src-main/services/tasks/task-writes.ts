import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, invalidInput } from '../../../src-shared/contract/errors';
import type { TaskStatus } from '../../../src-shared/contract/tasks';
import type { Actor } from '../documents/document-writes';
import { checkNotPast, checkTask, readRule, type CheckedTask, type TaskInput } from './task-checks';
import { indexTask } from './task-index';
import { announceAssignment, assigneesOf, rescheduleReminders } from './task-notify';
import { CLOSED_STATUSES } from './task-reads';
import { makeNextOccurrence } from './task-series';
import {
  auditTask,
  binnedLinks,
  linkedCards,
  linkedIds,
  liveTask,
  snapshot,
  storedTask,
  writeLinks,
  type TaskChange,
} from './task-store';
import { binIfUnheld } from '../documents/document-holders';

/** Who acts, when, and the firm's date (past due dates, overdue). */
export interface TaskActor extends Actor {
  today: string;
}

const unique = <T>(items: T[]) => [...new Set(items)];

function links(task: CheckedTask) {
  return {
    assigneeIds: task.assigneeIds,
    cardIds: task.cards.map((c) => c.id),
    noteIds: task.noteIds,
    documentIds: task.documentIds,
  };
}

/** Completion stamps follow the status: set when it becomes done, cleared when it leaves done. */
function setStatusColumns(db: Db, actor: Actor, taskId: string, from: TaskStatus, to: TaskStatus): void {
  if (to === from) return;
  if (to === 'done') {
    stmt(db, 'update tasks set status = ?, completed_at = ?, completed_by = ? where id = ?').run(
      to,
      actor.at,
      actor.userId,
      taskId,
    );
  } else {
    stmt(db, 'update tasks set status = ?, completed_at = null, completed_by = null where id = ?').run(to, taskId);
  }
}

/**
 * Whether a status change finishes this occurrence. Cancelled finishes it as done does: the series goes on
 * (one visit called off is not the end of the monthly visits; removing the rule ends a series).
 */
const finishes = (from: TaskStatus, to: TaskStatus) => to !== from && CLOSED_STATUSES.includes(to);

/** After the row and links are written: the next occurrence if one is due, reminders, search. */
function settle(db: Db, actor: Actor, taskId: string, finished: boolean) {
  const next = finished ? makeNextOccurrence(db, actor, storedTask(db, taskId)) : null;
  const notified = rescheduleReminders(db, taskId, actor.at);
  indexTask(db, taskId);
  return { next, notified: unique([...notified, ...(next?.notified ?? [])]) };
}

export function createTask(db: Db, actor: TaskActor, input: TaskInput): TaskChange {
  const reading = readRule(input.rrule, input.dueDate);
  return writeTransaction(db, () => {
    const task = checkTask(db, input, actor.today, undefined, reading);
    const id = newId();
    // A recurring task starts its own series: the rule's dates are counted from its due date.
    stmt(
      db,
      `insert into tasks (id, title, description, status, priority, due_date, due_time, rrule, series_id,
         recurrence_date, created_at, updated_at, created_by)
       values (?, ?, ?, 'todo', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      task.title,
      task.description,
      task.priority,
      task.dueDate,
      task.dueTime,
      task.rrule,
      task.rrule ? id : null,
      task.rrule ? task.dueDate : null,
      actor.at,
      actor.at,
      actor.userId,
    );
    writeLinks(db, id, links(task));
    const line = stmt(
      db,
      `insert into task_checklist_items (id, task_id, position, text, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?)`,
    );
    input.checklist.forEach((text, position) =>
      line.run(newId(), id, position, text, actor.at, actor.at, actor.userId),
    );
    setStatusColumns(db, actor, id, 'todo', task.status);
    const told = announceAssignment(db, actor, { id, title: task.title }, task.assigneeIds);
    auditTask(db, actor, 'task_add', id, task.cards, undefined, snapshot(db, id));
    const { next, notified } = settle(db, actor, id, finishes('todo', task.status));
    return {
      taskId: id,
      cards: task.cards,
      assigneeIds: task.assigneeIds,
      notifiedUserIds: unique([...told, ...notified]),
      nextTaskId: next?.taskId,
    };
  });
}

/** Replaces every field and link (checklist lines and comments stay); cards it leaves are told too. */
export function updateTask(
  db: Db,
  actor: TaskActor,
  input: Omit<TaskInput, 'checklist'> & { id: string; expectedUpdatedAt?: string | undefined },
): TaskChange {
  const reading = readRule(input.rrule, input.dueDate);
  return writeTransaction(db, () => {
    const stored = liveTask(db, input.id);
    // Every field is replaced: a save from a form opened before someone else's change would undo it silently.
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== stored.updatedAt) {
      throw conflict(
        `"${stored.title}" görevi siz düzenlerken değiştirildi; görevi yeniden açıp değişikliklerinizi tekrar yapın.`,
      );
    }
    const oldCards = linkedCards(db, stored.id);
    const oldAssignees = assigneesOf(db, stored.id);
    const oldDocuments = linkedIds(db, 'task_documents', 'document_id', stored.id);
    const unseen = binnedLinks(db, stored.id);
    const sent = {
      noteIds: [...input.noteIds, ...unseen.noteIds],
      documentIds: [...input.documentIds, ...unseen.documentIds],
    };
    const task = checkTask(
      db,
      { ...input, ...sent, checklist: [] },
      actor.today,
      {
        dueDate: stored.dueDate,
        rrule: stored.rrule,
        cardIds: new Set(oldCards.map((c) => c.id)),
        noteIds: linkedIds(db, 'task_notes', 'note_id', stored.id),
        documentIds: oldDocuments,
      },
      reading,
    );
    const before = snapshot(db, stored.id);
    // A new or changed rule starts a new series here; a kept one keeps the series and this occurrence's date.
    const newSeries = task.rrule !== null && task.rrule !== stored.rrule;
    stmt(
      db,
      `update tasks set title = ?, description = ?, priority = ?, due_date = ?, due_time = ?, rrule = ?,
         series_id = ?, recurrence_date = ?, updated_at = ?
       where id = ?`,
    ).run(
      task.title,
      task.description,
      task.priority,
      task.dueDate,
      task.dueTime,
      task.rrule,
      newSeries ? stored.id : stored.seriesId,
      newSeries ? task.dueDate : stored.recurrenceDate,
      actor.at,
      stored.id,
    );
    writeLinks(db, stored.id, links(task));
    for (const documentId of oldDocuments)
      if (!task.documentIds.includes(documentId)) binIfUnheld(db, actor, documentId);
    setStatusColumns(db, actor, stored.id, stored.status, task.status);
    const added = task.assigneeIds.filter((id) => !oldAssignees.includes(id));
    const told = announceAssignment(db, actor, { id: stored.id, title: task.title }, added);
    const cards = [...oldCards, ...task.cards.filter((c) => !oldCards.some((o) => o.id === c.id))];
    auditTask(db, actor, 'task_change', stored.id, cards, before, snapshot(db, stored.id));
    const { next, notified } = settle(db, actor, stored.id, finishes(stored.status, task.status));
    return {
      taskId: stored.id,
      cards,
      assigneeIds: unique([...oldAssignees, ...task.assigneeIds]),
      notifiedUserIds: unique([...told, ...notified]),
      nextTaskId: next?.taskId,
    };
  });
}

/** The board's move. Done on a recurring task makes the next occurrence (once). */
export function setTaskStatus(db: Db, actor: TaskActor, id: string, status: TaskStatus): TaskChange {
  return writeTransaction(db, () => {
    const stored = liveTask(db, id);
    const cards = linkedCards(db, stored.id);
    const assigneeIds = assigneesOf(db, stored.id);
    if (stored.status === status) return { taskId: stored.id, cards, assigneeIds, notifiedUserIds: [] };
    setStatusColumns(db, actor, stored.id, stored.status, status);
    stmt(db, 'update tasks set updated_at = ? where id = ?').run(actor.at, stored.id);
    auditTask(db, actor, 'task_status', stored.id, cards, { status: stored.status }, { status, title: stored.title });
    const { next, notified } = settle(db, actor, stored.id, finishes(stored.status, status));
    return { taskId: stored.id, cards, assigneeIds, notifiedUserIds: notified, nextTaskId: next?.taskId };
  });
}

/** Moves this occurrence's due date and time; the series keeps its own dates. The reminder moves along. */
export function snoozeTask(
  db: Db,
  actor: TaskActor,
  input: { id: string; dueDate: string; dueTime: string | null; confirmPast: boolean },
): TaskChange {
  return writeTransaction(db, () => {
    const stored = liveTask(db, input.id);
    checkNotPast(input.dueDate, actor.today, input.confirmPast);
    const cards = linkedCards(db, stored.id);
    stmt(db, 'update tasks set due_date = ?, due_time = ?, updated_at = ? where id = ?').run(
      input.dueDate,
      input.dueTime,
      actor.at,
      stored.id,
    );
    auditTask(
      db,
      actor,
      'task_snooze',
      stored.id,
      cards,
      { dueDate: stored.dueDate, dueTime: stored.dueTime },
      { dueDate: input.dueDate, dueTime: input.dueTime, title: stored.title },
    );
    const { notified } = settle(db, actor, stored.id, false);
    return { taskId: stored.id, cards, assigneeIds: assigneesOf(db, stored.id), notifiedUserIds: notified };
  });
}

/** Gives the task to other staff: they are told, and the reminders follow the task to them. */
export function reassignTask(db: Db, actor: TaskActor, input: { id: string; assigneeIds: string[] }): TaskChange {
  return writeTransaction(db, () => {
    const stored = liveTask(db, input.id);
    const assigneeIds = unique(input.assigneeIds);
    for (const userId of assigneeIds) {
      if (!stmt(db, 'select 1 from users where id = ?').get(userId)) {
        throw invalidInput(`Görevin verileceği kullanıcı bulunamadı (${userId}).`, {
          assigneeIds: 'Kullanıcı bulunamadı',
        });
      }
    }
    const cards = linkedCards(db, stored.id);
    const oldAssignees = assigneesOf(db, stored.id);
    const before = snapshot(db, stored.id);
    stmt(db, 'delete from task_assignees where task_id = ?').run(stored.id);
    const insert = stmt(db, 'insert into task_assignees (task_id, user_id) values (?, ?)');
    for (const userId of assigneeIds) insert.run(stored.id, userId);
    stmt(db, 'update tasks set updated_at = ? where id = ?').run(actor.at, stored.id);
    const added = assigneeIds.filter((id) => !oldAssignees.includes(id));
    const told = announceAssignment(db, actor, stored, added);
    auditTask(db, actor, 'task_reassign', stored.id, cards, before, snapshot(db, stored.id));
    const { notified } = settle(db, actor, stored.id, false);
    return {
      taskId: stored.id,
      cards,
      assigneeIds: unique([...oldAssignees, ...assigneeIds]),
      notifiedUserIds: unique([...told, ...notified]),
    };
  });
}

/** Soft delete: the task leaves lists, timelines and global search, its reminders are dropped; restorable. */
export function deleteTask(db: Db, actor: TaskActor, id: string): TaskChange {
  return writeTransaction(db, () => {
    const stored = liveTask(db, id);
    const cards = linkedCards(db, stored.id);
    stmt(db, 'update tasks set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?').run(
      actor.at,
      actor.userId,
      actor.at,
      stored.id,
    );
    auditTask(db, actor, 'task_delete', stored.id, cards, snapshot(db, stored.id), undefined);
    const { notified } = settle(db, actor, stored.id, false);
    return { taskId: stored.id, cards, assigneeIds: assigneesOf(db, stored.id), notifiedUserIds: notified };
  });
}

export function restoreTask(db: Db, actor: TaskActor, id: string): TaskChange {
  return writeTransaction(db, () => {
    const stored = storedTask(db, id);
    if (!stored.deletedAt) throw invalidInput(`"${stored.title}" görevi çöp kutusunda değil.`);
    const cards = linkedCards(db, stored.id);
    stmt(db, 'update tasks set deleted_at = null, deleted_by = null, updated_at = ? where id = ?').run(
      actor.at,
      stored.id,
    );
    auditTask(db, actor, 'task_restore', stored.id, cards, undefined, snapshot(db, stored.id));
    const { notified } = settle(db, actor, stored.id, false);
    return { taskId: stored.id, cards, assigneeIds: assigneesOf(db, stored.id), notifiedUserIds: notified };
  });
}
