/**
 * Turkey's official and religious holidays drawn on holiday calendars (computed, never stored): whole days, and
 * the eve of a feast from 13:00 as the law has it. Days are those of the firm's time zone.
 */
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';
import { HOLIDAY_YEARS, turkishHolidays } from '../../../src-shared/domain/holidays';
import { addDays, dayStartMs, instantOfWall, isoOf, wallOf } from './event-times';

export function holidayOccurrences(
  calendar: { id: string; color: string },
  fromMs: number,
  toMs: number,
  timeZone: string,
): OccurrenceOut[] {
  const firstYear = Math.max(Number(wallOf(fromMs, timeZone).date.slice(0, 4)), HOLIDAY_YEARS.first);
  const lastYear = Math.min(Number(wallOf(toMs, timeZone).date.slice(0, 4)), HOLIDAY_YEARS.last);
  const out: OccurrenceOut[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    for (const holiday of turkishHolidays(year)) {
      const next = addDays(holiday.date, 1);
      const endMs = dayStartMs(next, timeZone);
      const halfDay = holiday.kind === 'arife-half-day';
      const startMs = halfDay
        ? instantOfWall({ date: holiday.date, hour: 13, minute: 0, second: 0 }, timeZone)
        : dayStartMs(holiday.date, timeZone);
      if (!(startMs < toMs && endMs > fromMs)) continue;
      out.push({
        eventId: null,
        calendarId: calendar.id,
        title: holiday.name,
        color: calendar.color,
        start: halfDay ? isoOf(startMs) : holiday.date,
        end: halfDay ? isoOf(endMs) : next,
        allDay: !halfDay,
        location: null,
        occurrenceStart: null,
        recurring: false,
        holidayKind: holiday.kind,
        attendeeCount: 0,
      });
    }
  }
  return out;
}
