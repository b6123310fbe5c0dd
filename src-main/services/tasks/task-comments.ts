import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import type { Actor } from '../documents/document-writes';
import { indexTask } from './task-index';
import { announceComment, assigneesOf } from './task-notify';
import { auditTask, linkedCards, liveTask, type TaskChange } from './task-store';

/**
 * A comment on a task: the assignees and whoever wrote the task hear of it (not the one commenting). Like
 * checklist ticks it leaves the task's fields, and so its updated_at, alone.
 */
export function addComment(db: Db, actor: Actor, input: { taskId: string; body: string }): TaskChange {
  return writeTransaction(db, () => {
    const task = liveTask(db, input.taskId);
    const id = newId();
    stmt(
      db,
      `insert into task_comments (id, task_id, body, created_at, updated_at, created_by) values (?, ?, ?, ?, ?, ?)`,
    ).run(id, task.id, input.body, actor.at, actor.at, actor.userId);
    const told = announceComment(db, actor, task, id);
    auditTask(db, actor, 'task_comment', task.id, [], undefined, { commentId: id, body: input.body });
    indexTask(db, task.id);
    return {
      taskId: task.id,
      cards: linkedCards(db, task.id),
      assigneeIds: assigneesOf(db, task.id),
      notifiedUserIds: told,
    };
  });
}
