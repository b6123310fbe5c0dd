import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { cancelPendingNotifications, notify } from '../planner/notify';
import { remindAt } from '../planner/firm-time';

/** What a follow-up's notifications say: what is to be done, or the note's subject when nothing was written. */
export function followUpSubject(description: string, noteTitle: string): string {
  return description.trim() === '' ? noteTitle : `${description} (${noteTitle})`;
}

interface ReminderSource {
  id: string;
  status: string;
  description: string;
  dueDate: string;
  dueTime: string | null;
  noteTitle: string;
  /** SQLite's boolean: 1 while the note is in the recycle bin. */
  noteDeleted: number;
}

/**
 * Makes the follow-up's pending reminders match what it is now: the undelivered ones go, and an open follow-up
 * of a live note gets one per assignee at its due time. A reminder already delivered for that same instant is
 * not written again (notify's key), so no one is reminded twice of the same thing. Call inside the write.
 */
export function rescheduleFollowUpReminders(db: Db, followUpId: string, at: string): void {
  cancelPendingNotifications(db, 'follow_up', followUpId, ['follow_up_due']);
  const f = stmt(
    db,
    `select f.id, f.status, f.description, f.due_date as dueDate, f.due_time as dueTime, n.title as noteTitle,
       n.deleted_at is not null as noteDeleted
     from follow_ups f join notes n on n.id = f.note_id where f.id = ?`,
  ).get(followUpId) as ReminderSource | undefined;
  if (!f || f.status !== 'open' || f.noteDeleted) return;
  const assignees = stmt(db, 'select user_id from follow_up_assignees where follow_up_id = ?')
    .pluck()
    .all(f.id) as string[];
  const dueAt = remindAt(db, f.dueDate, f.dueTime);
  notify(db, {
    userIds: assignees,
    kind: 'follow_up_due',
    entityType: 'follow_up',
    entityId: f.id,
    subject: followUpSubject(f.description, f.noteTitle),
    dueAt,
    key: dueAt,
    createdAt: at,
  });
}

/** News for staff who were just given a follow-up by someone else (shown at once, not on the due date). */
export function announceAssignment(
  db: Db,
  input: { followUpId: string; userIds: readonly string[]; actorId: string; subject: string; at: string },
): string[] {
  const told = input.userIds.filter((id) => id !== input.actorId);
  notify(db, {
    userIds: told,
    kind: 'follow_up_assigned',
    entityType: 'follow_up',
    entityId: input.followUpId,
    subject: input.subject,
    dueAt: input.at,
    // Each hand-over is news of its own: the same person may be given it again later.
    key: input.at,
    createdAt: input.at,
  });
  return told;
}
