import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { indexEntity, unindexEntity } from '../search/search-index';
import { remindAt } from '../planner/firm-time';

/**
 * Rewrites a task's row in the global search index from what the database now holds: its title as the title;
 * its description, checklist lines, comments and the names of its cards and assignees as the body (so
 * "Yılmaz numune" finds the task about sending Yılmaz samples). Dated by its due day (or when it was written),
 * owned by who wrote it. Call inside the transaction of every write to the task.
 */
export function indexTask(db: Db, taskId: string): void {
  const task = stmt(
    db,
    `select id, title, description, due_date as dueDate, due_time as dueTime, created_at as createdAt,
       created_by as createdBy, deleted_at as deletedAt
     from tasks where id = ?`,
  ).get(taskId) as
    | {
        id: string;
        title: string;
        description: string;
        dueDate: string | null;
        dueTime: string | null;
        createdAt: string;
        createdBy: string | null;
        deletedAt: string | null;
      }
    | undefined;
  if (!task) {
    unindexEntity(db, taskId);
    return;
  }
  const texts = stmt(
    db,
    `select text from task_checklist_items where task_id = ?
     union all select body from task_comments where task_id = ? and deleted_at is null
     union all select c.display_name from task_cards tc join cards c on c.id = tc.card_id where tc.task_id = ?
     union all select u.name from task_assignees ta join users u on u.id = ta.user_id where ta.task_id = ?`,
  )
    .pluck()
    .all(taskId, taskId, taskId, taskId) as string[];
  indexEntity(db, {
    type: 'task',
    id: task.id,
    title: task.title,
    body: [task.description, ...texts].join('\n'),
    deleted: task.deletedAt !== null,
    ownerId: task.createdBy,
    datedAt: task.dueDate ? remindAt(db, task.dueDate, task.dueTime) : task.createdAt,
  });
}

/**
 * A task's search text carries the names of its cards: after a card is renamed, merged or restored, its tasks
 * are indexed again in the same transaction (for the cards module to call, as it does for notes).
 */
export function refreshTasksOf(db: Db, cardId: string): void {
  for (const taskId of stmt(db, 'select task_id from task_cards where card_id = ?').pluck().all(cardId) as string[])
    indexTask(db, taskId);
}
