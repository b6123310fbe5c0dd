/**
 * What a task tells people, written in the task's own transaction through the planner's notify: a 'task_due'
 * reminder to each assignee at the due time (the start of the working day for a date alone), news of a task
 * given to someone, news of a comment.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { cancelPendingNotifications, notify } from '../planner/notify';
import { remindAt } from '../planner/firm-time';
import type { Actor } from '../documents/document-writes';
import { CLOSED_STATUSES } from './task-reads';
import type { TaskStatus } from '../../../src-shared/contract/tasks';

export const assigneesOf = (db: Db, taskId: string): string[] =>
  stmt(db, 'select user_id from task_assignees where task_id = ?').pluck().all(taskId) as string[];

/**
 * Replaces the task's reminders that have not gone off yet with the ones it now needs: none once it is done,
 * cancelled, in the bin or without a date. A reminder already delivered for the same moment is not written
 * again (the dedupe key is the moment). Answers whose notifications changed.
 */
export function rescheduleReminders(db: Db, taskId: string, at: string): string[] {
  const task = stmt(
    db,
    `select title, status, due_date as dueDate, due_time as dueTime, deleted_at as deletedAt from tasks where id = ?`,
  ).get(taskId) as
    | { title: string; status: TaskStatus; dueDate: string | null; dueTime: string | null; deletedAt: string | null }
    | undefined;
  const pending = stmt(
    db,
    `select user_id from notifications
     where entity_type = 'task' and entity_id = ? and kind = 'task_due' and delivered_at is null`,
  )
    .pluck()
    .all(taskId) as string[];
  cancelPendingNotifications(db, 'task', taskId, ['task_due']);
  const assignees = assigneesOf(db, taskId);
  if (task && !task.deletedAt && task.dueDate && !CLOSED_STATUSES.includes(task.status)) {
    const dueAt = remindAt(db, task.dueDate, task.dueTime);
    notify(db, {
      userIds: assignees,
      kind: 'task_due',
      entityType: 'task',
      entityId: taskId,
      subject: task.title,
      dueAt,
      key: dueAt,
      createdAt: at,
    });
  }
  return [...new Set([...pending, ...assignees])];
}

/** News for people just given the task; the one who gave it knows. Answers who was told. */
export function announceAssignment(
  db: Db,
  actor: Actor,
  task: { id: string; title: string },
  newAssignees: readonly string[],
): string[] {
  const userIds = newAssignees.filter((id) => id !== actor.userId);
  notify(db, {
    userIds,
    kind: 'task_assigned',
    entityType: 'task',
    entityId: task.id,
    subject: task.title,
    dueAt: actor.at,
    key: actor.at,
    createdAt: actor.at,
  });
  return userIds;
}

/** News of a comment for the task's assignees and its writer, except whoever wrote the comment. */
export function announceComment(
  db: Db,
  actor: Actor,
  task: { id: string; title: string; createdBy: string | null },
  commentId: string,
): string[] {
  const userIds = [...new Set([...assigneesOf(db, task.id), ...(task.createdBy ? [task.createdBy] : [])])].filter(
    (id) => id !== actor.userId,
  );
  notify(db, {
    userIds,
    kind: 'task_comment',
    entityType: 'task',
    entityId: task.id,
    subject: task.title,
    dueAt: actor.at,
    key: commentId,
    createdAt: actor.at,
  });
  return userIds;
}
