import type { Duration } from '@fullcalendar/core';
import type { EventFields, EventOut } from '../../../src-shared/contract/agenda';
import { addDays, instantOf, wallOf } from './agenda-time';

/** An event's stored fields as the contract's input, to save it back with a few of them changed. */
export function fieldsOf(event: EventOut): EventFields {
  return {
    calendarId: event.calendarId,
    title: event.title,
    location: event.location ?? '',
    description: event.description,
    allDay: event.allDay,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    rrule: event.rrule,
    exdates: event.exdates,
    cardIds: event.cards.map((c) => c.id),
    remindMinutes: event.remindMinutes,
  };
}

/**
 * A stored start or end moved by a drag's delta on the wall clock of the firm's zone, so a weekly 10:00 series
 * dragged a day later stays at 10:00 also across a clock change. Months and years never come from a drag.
 */
export function shiftBy(value: string, delta: Duration, allDay: boolean, timeZone: string): string {
  if (allDay) return addDays(value.slice(0, 10), delta.days);
  const wall = wallOf(value, timeZone);
  const [h, m] = wall.time.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m + Math.round(delta.milliseconds / 60_000);
  const dayShift = Math.floor(minutes / 1440);
  const inDay = minutes - dayShift * 1440;
  const time = `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`;
  return instantOf(addDays(wall.date, delta.days + dayShift), time, timeZone) ?? value;
}

/** A dropped or resized instance's new start and end as the contract stores them (all-day: dates, end exclusive). */
export function droppedSlot(
  drawn: { startStr: string; endStr: string; allDay: boolean },
  original: { startsAt: string; endsAt: string; allDay: boolean },
): { startsAt: string; endsAt: string } {
  if (drawn.allDay) {
    const startsAt = drawn.startStr.slice(0, 10);
    const endsAt = drawn.endStr ? drawn.endStr.slice(0, 10) : addDays(startsAt, 1);
    return { startsAt, endsAt };
  }
  const start = Date.parse(drawn.startStr);
  // An all-day event dragged into the hours has no end yet: it becomes an hour long.
  const end = drawn.endStr
    ? Date.parse(drawn.endStr)
    : start + (original.allDay ? 3_600_000 : Date.parse(original.endsAt) - Date.parse(original.startsAt));
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
}
