/**
 * The firm's clock: its time zone (Europe/Istanbul unless an admin changed it) and the start of its working day
 * (when date-only follow-ups and tasks are reminded). Kept in `settings`.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { DEFAULT_TIME_ZONE, dayIn, zonedToUtc } from '../../../src-shared/domain/zoned-time';

export const TIME_ZONE_KEY = 'time_zone';
export const WORKDAY_START_KEY = 'workday_start';
export const DEFAULT_WORKDAY_START = '09:00';

function setting(db: Db, key: string): string | undefined {
  return (stmt(db, 'select value from settings where key = ?').get(key) as { value: string } | undefined)?.value;
}

export function firmTimeZone(db: Db): string {
  return setting(db, TIME_ZONE_KEY) ?? DEFAULT_TIME_ZONE;
}

export function workdayStart(db: Db): string {
  return setting(db, WORKDAY_START_KEY) ?? DEFAULT_WORKDAY_START;
}

/** Today in the firm's time zone (YYYY-MM-DD). */
export function firmToday(db: Db, now: Date): string {
  return dayIn(now, firmTimeZone(db));
}

/** When something due on a date (and maybe a time) is reminded: that time, or the start of the working day. */
export function remindAt(db: Db, dueDate: string, dueTime: string | null): string {
  return zonedToUtc(dueDate, dueTime ?? workdayStart(db), firmTimeZone(db)).toISOString();
}
