import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import type { Actor } from '../documents/document-writes';
import { indexTask } from './task-index';
import { rescheduleReminders } from './task-notify';
import { seriesStart } from './task-reads';
import { nextOccurrence } from './task-recurrence';
import { auditTask, linkedCards, snapshot, type StoredTask } from './task-store';

/**
 * Completing or cancelling an occurrence of a recurring task makes the next one: same title, description, assignees,
 * priority, links and checklist lines (unticked), on the rule's next date after this occurrence's date — the
 * date the rule gave it, so an occurrence done late or moved does not shift the series. Once only: if the series
 * already has a later occurrence (done, reopened, done again; also one since binned) nothing is made.
 * Runs inside the caller's transaction. Answers the new task's id and whose reminders changed.
 */
export function makeNextOccurrence(
  db: Db,
  actor: Actor,
  task: StoredTask,
): { taskId: string; notified: string[] } | null {
  const from = task.recurrenceDate ?? task.dueDate;
  const start = seriesStart(db, task);
  if (!task.rrule || !task.seriesId || !from || !start) return null;
  const later = stmt(db, 'select 1 from tasks where series_id = ? and recurrence_date > ? limit 1').get(
    task.seriesId,
    from,
  );
  if (later) return null;
  let date: string | null;
  try {
    date = nextOccurrence(task.rrule, start, from);
  } catch {
    // A rule that cannot be read any more ends the series rather than the completion.
    return null;
  }
  if (!date) return null;
  const id = newId();
  stmt(
    db,
    `insert into tasks (id, title, description, status, priority, due_date, due_time, rrule, series_id,
       recurrence_date, created_at, updated_at, created_by)
     select ?, title, description, 'todo', priority, ?, due_time, rrule, series_id, ?, ?, ?, ?
     from tasks where id = ?`,
  ).run(id, date, date, actor.at, actor.at, actor.userId, task.id);
  stmt(db, 'insert into task_assignees (task_id, user_id) select ?, user_id from task_assignees where task_id = ?').run(
    id,
    task.id,
  );
  // Only live cards, notes and documents follow: the new task must not point into the recycle bin.
  stmt(
    db,
    `insert into task_cards (task_id, card_id) select ?, tc.card_id from task_cards tc join cards c on c.id = tc.card_id
     where tc.task_id = ? and c.deleted_at is null and c.merged_into is null`,
  ).run(id, task.id);
  stmt(
    db,
    `insert into task_notes (task_id, note_id) select ?, tn.note_id from task_notes tn join notes n on n.id = tn.note_id
     where tn.task_id = ? and n.deleted_at is null`,
  ).run(id, task.id);
  stmt(
    db,
    `insert into task_documents (task_id, document_id) select ?, td.document_id
     from task_documents td join documents d on d.id = td.document_id where td.task_id = ? and d.deleted_at is null`,
  ).run(id, task.id);
  const lines = stmt(db, 'select text from task_checklist_items where task_id = ? order by position, id')
    .pluck()
    .all(task.id) as string[];
  const line = stmt(
    db,
    `insert into task_checklist_items (id, task_id, position, text, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((text, position) => line.run(newId(), id, position, text, actor.at, actor.at, actor.userId));
  indexTask(db, id);
  const notified = rescheduleReminders(db, id, actor.at);
  auditTask(db, actor, 'task_add', id, linkedCards(db, id), undefined, {
    ...snapshot(db, id),
    recurrenceOf: task.id,
  });
  return { taskId: id, notified };
}
