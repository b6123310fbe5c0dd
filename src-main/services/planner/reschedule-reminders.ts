/**
 * When the firm's clock changes (time zone or start of the working day), reminders already written for
 * follow-ups and tasks would still fire at the old wall-clock time. Those that were "at the due time" (written
 * for what remindAt gave under the old clock) are moved to what it gives now; reminders at other offsets are left
 * as they are.
 *
 * A reminder's dedupe key ends in its due time (notify's key), and is what keeps the next save of the task or
 * follow-up from writing the same reminder again. So the key moves with the clock, for delivered reminders too
 * (their due_at stays: it is when they were shown). Left behind, the next save would write the reminder at the
 * new time under a key not yet taken, and it would fire a second time.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { remindAt } from './firm-time';

interface DateReminder {
  id: string;
  kind: string;
  entityId: string;
  userId: string;
  dedupeKey: string;
  delivered: number;
  dueDate: string;
  dueTime: string | null;
}

/** As notify() writes it for a reminder keyed by its due time. */
const keyAt = (row: DateReminder, dueAt: string) => `${row.kind}:${row.entityId}:${row.userId}:${dueAt}`;

/** Call inside the transaction that wrote the new clock, with the clock as it was before. Answers rows changed. */
export function rescheduleDateReminders(db: Db, old: { timeZone: string; workdayStart: string }): number {
  const rows = stmt(
    db,
    `select n.id, n.kind, n.entity_id as entityId, n.user_id as userId, n.dedupe_key as dedupeKey,
            n.delivered_at is not null as delivered, f.due_date as dueDate, f.due_time as dueTime
       from notifications n join follow_ups f on f.id = n.entity_id
      where n.kind = 'follow_up_due'
     union all
     select n.id, n.kind, n.entity_id, n.user_id, n.dedupe_key, n.delivered_at is not null, t.due_date, t.due_time
       from notifications n join tasks t on t.id = n.entity_id
      where n.kind = 'task_due' and t.due_date is not null`,
  ).all() as DateReminder[];
  const taken = stmt(db, 'select 1 from notifications where dedupe_key = ?');
  const move = stmt(db, 'update notifications set due_at = ?, dedupe_key = ? where id = ?');
  const rekey = stmt(db, 'update notifications set dedupe_key = ? where id = ?');
  const drop = stmt(db, 'delete from notifications where id = ?');
  let changed = 0;
  for (const row of rows) {
    // Only a reminder of the current date at the old clock's time moves (not one of an earlier date or offset).
    const was = zonedToUtc(row.dueDate, row.dueTime ?? old.workdayStart, old.timeZone).toISOString();
    if (row.dedupeKey !== keyAt(row, was)) continue;
    const now = remindAt(db, row.dueDate, row.dueTime);
    if (now === was) continue;
    const key = keyAt(row, now);
    if (taken.get(key)) {
      // The reminder at the new time exists already (the clock was set back and forth): a pending one would
      // repeat it; a delivered one stays as history.
      if (!row.delivered) changed += drop.run(row.id).changes;
      continue;
    }
    changed += row.delivered ? rekey.run(key, row.id).changes : move.run(now, key, row.id).changes;
  }
  return changed;
}
