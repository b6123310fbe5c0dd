/**
 * The acting user's notifications: what the reminder job delivered (the bell's list, newest first) and marking
 * them read. A row not yet delivered is not shown: it appears, with its toast, when the job delivers it.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import type { NotificationOut } from '../../../src-shared/contract/planner';
import { NOTIFICATION_COLUMNS, toNotificationOut, type NotificationRow } from './notification-rows';

export function unreadCount(db: Db, userId: string): number {
  const row = stmt(
    db,
    `select count(*) as n from notifications
     where user_id = ? and delivered_at is not null and read_at is null`,
  ).get(userId) as { n: number };
  return row.n;
}

export function listNotifications(
  db: Db,
  userId: string,
  input: { unreadOnly: boolean; offset: number; limit: number },
): { notifications: NotificationOut[]; unread: number } {
  const rows = stmt(
    db,
    `select ${NOTIFICATION_COLUMNS} from notifications
     where user_id = ? and delivered_at is not null and (? = 0 or read_at is null)
     order by due_at desc, id desc limit ? offset ?`,
  ).all(userId, input.unreadOnly ? 1 : 0, input.limit, input.offset) as NotificationRow[];
  return { notifications: rows.map(toNotificationOut), unread: unreadCount(db, userId) };
}

/**
 * Marks the given notifications (or all) of `userId` read. Ids of other users' rows are ignored rather than
 * refused: a shared desk may have switched user while the bell's list was open.
 */
export function markNotificationsRead(
  db: Db,
  userId: string,
  input: { ids: readonly string[]; all: boolean },
  at: string,
): { unread: number; changed: number } {
  return writeTransaction(db, () => {
    let changed = 0;
    if (input.all) {
      changed = stmt(
        db,
        `update notifications set read_at = ?
         where user_id = ? and delivered_at is not null and read_at is null`,
      ).run(at, userId).changes;
    } else {
      const mark = stmt(
        db,
        `update notifications set read_at = ?
         where id = ? and user_id = ? and delivered_at is not null and read_at is null`,
      );
      for (const id of new Set(input.ids)) changed += mark.run(at, id, userId).changes;
    }
    return { unread: unreadCount(db, userId), changed };
  });
}
