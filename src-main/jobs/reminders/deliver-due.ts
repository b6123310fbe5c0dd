/**
 * Delivery: every notification of the desk's user that has fallen due and was never delivered gets its
 * delivered_at in one statement (UPDATE … RETURNING inside an IMMEDIATE transaction), so two ticks — in this
 * process or on another desk sharing the file — can never both take the same row, and a row taken is never taken
 * again after a restart. The database is the queue: a reminder that fell due while the app was closed, or while
 * someone else sat at the desk, waits until its user is there to see it (then marked late).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import type { NotificationOut } from '../../../src-shared/contract/planner';
import {
  NOTIFICATION_COLUMNS,
  toNotificationOut,
  type NotificationRow,
} from '../../services/planner/notification-rows';

export interface Delivery {
  userId: string;
  notifications: NotificationOut[];
}

/**
 * Marks what is due at `now` for `userId` (the one at the desk) delivered; answers it grouped by user, oldest
 * first. Only theirs: a row taken for someone who is not there would count as shown and never reach them.
 */
export function deliverDueNotifications(db: Db, now: string, userId: string): Delivery[] {
  const rows = writeTransaction(
    db,
    () =>
      stmt(
        db,
        `update notifications set delivered_at = ?
          where user_id = ? and delivered_at is null and due_at <= ?
          returning user_id as userId, ${NOTIFICATION_COLUMNS}`,
      ).all(now, userId, now) as (NotificationRow & { userId: string })[],
  );
  const byUser = new Map<string, NotificationOut[]>();
  rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  for (const { userId, ...row } of rows) {
    let list = byUser.get(userId);
    if (!list) byUser.set(userId, (list = []));
    list.push(toNotificationOut(row));
  }
  return [...byUser].map(([userId, notifications]) => ({ userId, notifications }));
}
