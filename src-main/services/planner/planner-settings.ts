/**
 * The planner's settings: the firm's clock (time zone, start of the working day; admins only, kept in
 * `settings` and read by firm-time.ts) and each user's own "no contact for N days" (`user_settings`).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { PlannerSettings } from '../../../src-shared/contract/planner';
import { isTimeZone } from '../../../src-shared/domain/zoned-time';
import { writeAudit } from '../audit/audit-log';
import { assertAdmin } from '../criteria/permissions';
import { firmTimeZone, TIME_ZONE_KEY, workdayStart, WORKDAY_START_KEY } from './firm-time';
import { rescheduleDateReminders } from './reschedule-reminders';

export const NO_CONTACT_DAYS_KEY = 'planner.no_contact_days';
export const DEFAULT_NO_CONTACT_DAYS = 30;

export function noContactDays(db: Db, userId: string): number {
  const row = stmt(db, 'select value from user_settings where user_id = ? and key = ?').get(
    userId,
    NO_CONTACT_DAYS_KEY,
  ) as { value: string } | undefined;
  const days = row ? Number(row.value) : NaN;
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_NO_CONTACT_DAYS;
}

export function readPlannerSettings(db: Db, userId: string): PlannerSettings {
  return { timeZone: firmTimeZone(db), workdayStart: workdayStart(db), noContactDays: noContactDays(db, userId) };
}

/**
 * Saves what was sent. A firm-wide value needs an admin only when it changes, so a form that sends back the
 * values it was opened with still saves a staff member's own setting. Pending reminders of date-only
 * follow-ups and tasks move with a new workday start or time zone.
 */
export function savePlannerSettings(
  db: Db,
  userId: string,
  input: Partial<PlannerSettings>,
  at: string,
): { settings: PlannerSettings; firmClockChanged: boolean } {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw invalidInput(`"${input.timeZone}" tanınan bir saat dilimi değil.`, {
      timeZone: 'Listeden bir saat dilimi seçin (ör. Europe/Istanbul)',
    });
  }
  return writeTransaction(db, () => {
    const before = readPlannerSettings(db, userId);
    const firm: [key: string, value: string][] = [];
    if (input.timeZone !== undefined && input.timeZone !== before.timeZone) firm.push([TIME_ZONE_KEY, input.timeZone]);
    if (input.workdayStart !== undefined && input.workdayStart !== before.workdayStart) {
      firm.push([WORKDAY_START_KEY, input.workdayStart]);
    }
    if (firm.length > 0) {
      assertAdmin(db, userId, 'Saat dilimini ve mesai başlangıcını değiştirmek');
      const upsert = stmt(
        db,
        'insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      );
      for (const [key, value] of firm) upsert.run(key, value);
      rescheduleDateReminders(db, before);
    }
    if (input.noContactDays !== undefined && input.noContactDays !== before.noContactDays) {
      stmt(
        db,
        `insert into user_settings (user_id, key, value) values (?, ?, ?)
         on conflict (user_id, key) do update set value = excluded.value`,
      ).run(userId, NO_CONTACT_DAYS_KEY, String(input.noContactDays));
    }
    const after = readPlannerSettings(db, userId);
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      writeAudit(db, { userId, at, action: 'update', entityType: 'planner_settings', entityId: userId, before, after });
    }
    return { settings: after, firmClockChanged: firm.length > 0 };
  });
}
