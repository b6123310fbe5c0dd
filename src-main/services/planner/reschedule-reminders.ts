/**
 * When the firm's clock changes (time zone or start of the working day), reminders already written for
 * follow-ups and tasks would still fire at the old wall-clock time. Those that were "at the due time" (their
 * due_at is what remindAt gave under the old clock) are moved to what it gives now; reminders at other
 * offsets, and delivered ones, are left as they are.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { remindAt } from './firm-time';

interface PendingDateReminder {
  id: string;
  dueAt: string;
  dueDate: string;
  dueTime: string | null;
}

/** Call inside the transaction that wrote the new clock, with the clock as it was before. */
export function rescheduleDateReminders(db: Db, old: { timeZone: string; workdayStart: string }): number {
  const pending = stmt(
    db,
    `select n.id, n.due_at as dueAt, f.due_date as dueDate, f.due_time as dueTime
       from notifications n join follow_ups f on f.id = n.entity_id
      where n.kind = 'follow_up_due' and n.delivered_at is null
     union all
     select n.id, n.due_at, t.due_date, t.due_time
       from notifications n join tasks t on t.id = n.entity_id
      where n.kind = 'task_due' and n.delivered_at is null and t.due_date is not null`,
  ).all() as PendingDateReminder[];
  const move = stmt(db, 'update notifications set due_at = ? where id = ?');
  let moved = 0;
  for (const row of pending) {
    const was = zonedToUtc(row.dueDate, row.dueTime ?? old.workdayStart, old.timeZone).toISOString();
    if (was !== row.dueAt) continue;
    const now = remindAt(db, row.dueDate, row.dueTime);
    if (now !== row.dueAt) moved += move.run(now, row.id).changes;
  }
  return moved;
}
