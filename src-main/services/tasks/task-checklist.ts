import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { notFound } from '../../../src-shared/contract/errors';
import type { Actor } from '../documents/document-writes';
import { indexTask } from './task-index';
import { assigneesOf } from './task-notify';
import { auditTask, linkedCards, liveTask, type TaskChange } from './task-store';

/**
 * Checklist lines of a task. A tick is not a change of the task's fields: the task's updated_at stays, so a
 * colleague ticking a line does not make someone's open task form conflict. Audited on the task only (a card's
 * history would drown in ticks).
 */
function lineOf(db: Db, id: string) {
  const line = stmt(
    db,
    'select id, task_id as taskId, text, done_at as doneAt from task_checklist_items where id = ?',
  ).get(id) as { id: string; taskId: string; text: string; doneAt: string | null } | undefined;
  if (!line) throw notFound(`Görevin maddesi (${id})`);
  return line;
}

function changed(db: Db, taskId: string): TaskChange {
  indexTask(db, taskId);
  return { taskId, cards: linkedCards(db, taskId), assigneeIds: assigneesOf(db, taskId), notifiedUserIds: [] };
}

export function addChecklistItem(db: Db, actor: Actor, input: { taskId: string; text: string }): TaskChange {
  return writeTransaction(db, () => {
    const task = liveTask(db, input.taskId);
    const position = stmt(db, 'select coalesce(max(position) + 1, 0) from task_checklist_items where task_id = ?')
      .pluck()
      .get(task.id) as number;
    const id = newId();
    stmt(
      db,
      `insert into task_checklist_items (id, task_id, position, text, created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, task.id, position, input.text, actor.at, actor.at, actor.userId);
    auditTask(db, actor, 'task_checklist', task.id, [], undefined, { itemId: id, text: input.text, done: false });
    return changed(db, task.id);
  });
}

export function updateChecklistItem(
  db: Db,
  actor: Actor,
  input: { id: string; text?: string | undefined; done?: boolean | undefined },
): TaskChange {
  return writeTransaction(db, () => {
    const line = lineOf(db, input.id);
    const task = liveTask(db, line.taskId);
    const text = input.text ?? line.text;
    const wasDone = line.doneAt !== null;
    const done = input.done ?? wasDone;
    // Ticking again keeps who ticked it first and when.
    if (done === wasDone) {
      stmt(db, 'update task_checklist_items set text = ?, updated_at = ? where id = ?').run(text, actor.at, line.id);
    } else {
      stmt(db, 'update task_checklist_items set text = ?, done_at = ?, done_by = ?, updated_at = ? where id = ?').run(
        text,
        done ? actor.at : null,
        done ? actor.userId : null,
        actor.at,
        line.id,
      );
    }
    auditTask(
      db,
      actor,
      'task_checklist',
      task.id,
      [],
      { itemId: line.id, text: line.text, done: wasDone },
      { itemId: line.id, text, done },
    );
    return changed(db, task.id);
  });
}

export function removeChecklistItem(db: Db, actor: Actor, id: string): TaskChange {
  return writeTransaction(db, () => {
    const line = lineOf(db, id);
    const task = liveTask(db, line.taskId);
    stmt(db, 'delete from task_checklist_items where id = ?').run(line.id);
    auditTask(db, actor, 'task_checklist', task.id, [], { itemId: line.id, text: line.text }, undefined);
    return changed(db, task.id);
  });
}
