import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { firmTimeZone } from '../planner/firm-time';
import { visibleCalendarIds } from './calendar-permissions';
import { eventInstances } from './event-occurrences';
import { addDays, dayStartMs, wallOf } from './event-times';

/**
 * The firm's own closing days of a year: the events on holiday calendars the user may see, one entry per day
 * they cover in the firm's time zone (a closing from 13:00 counts for its day).
 */
export function firmClosingDays(db: Db, userId: string, year: number): { date: string; name: string; kind: 'firm' }[] {
  const visible = new Set(visibleCalendarIds(db, userId));
  const calendarIds = (stmt(db, "select id from calendars where kind = 'holiday'").pluck().all() as string[]).filter(
    (id) => visible.has(id),
  );
  if (calendarIds.length === 0) return [];
  const zone = firmTimeZone(db);
  const fromMs = dayStartMs(`${year}-01-01`, zone);
  const toMs = dayStartMs(`${year + 1}-01-01`, zone);
  const out: { date: string; name: string; kind: 'firm' }[] = [];
  for (const instance of eventInstances(db, { fromMs, toMs, calendarIds }).instances) {
    const first = wallOf(Math.max(instance.startMs, fromMs), zone).date;
    // The end is exclusive: an event ending at midnight does not take the next day.
    const last = wallOf(Math.min(instance.endMs, toMs) - 1, zone).date;
    for (let date = first; date <= last; date = addDays(date, 1)) {
      out.push({ date, name: instance.event.title, kind: 'firm' });
    }
  }
  return out;
}
