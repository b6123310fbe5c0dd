import type { EventApi, EventInput } from '@fullcalendar/core';
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';
import { addDays, dayOf, wallOf } from './agenda-time';

/** What a drawn event carries back to the click and drag handlers. */
export interface OccurrenceProps {
  occurrence: OccurrenceOut;
}

const HOLIDAY_TINT = '#ffe3e3';
const HALF_DAY_TINT = '#fff3bf';

/** A stable id per instance, so FullCalendar keeps the same element across refetches. */
const instanceId = (o: OccurrenceOut) => `${o.eventId ?? `holiday:${o.title}`}@${o.occurrenceStart ?? o.start}`;

/**
 * Occurrences from main as FullCalendar events, coloured by their calendar. A holiday is drawn twice: a tinted
 * background over its day (or afternoon, for an eve) and a labelled all-day item, so it shows in the list view
 * too and an eve's afternoon does not look like an eleven-hour meeting.
 * Holidays, and events on calendars the user cannot book in, are not draggable.
 */
export function toCalendarEvents(
  occurrences: OccurrenceOut[],
  bookable: ReadonlySet<string>,
  timeZone: string,
  halfDayTitle: (title: string, from: string) => string,
): EventInput[] {
  const out: EventInput[] = [];
  for (const o of occurrences) {
    const props: OccurrenceProps = { occurrence: o };
    const holiday = o.holidayKind !== null && o.holidayKind !== 'firm';
    if (holiday) {
      out.push({
        id: `bg:${instanceId(o)}`,
        start: o.start,
        end: o.end,
        allDay: o.allDay,
        display: 'background',
        backgroundColor: o.holidayKind === 'arife-half-day' ? HALF_DAY_TINT : HOLIDAY_TINT,
        extendedProps: props,
      });
    }
    const labelledDay = holiday && !o.allDay;
    out.push({
      id: instanceId(o),
      title: labelledDay ? halfDayTitle(o.title, wallOf(o.start, timeZone).time) : o.title,
      start: labelledDay ? dayOf(o.start, timeZone) : o.start,
      end: labelledDay ? addDays(dayOf(o.start, timeZone), 1) : o.end,
      allDay: labelledDay || o.allDay,
      backgroundColor: o.color,
      borderColor: o.color,
      textColor: '#ffffff',
      // Main refuses a move on a calendar the user cannot book in; the screen does not offer it either.
      editable: o.eventId !== null && bookable.has(o.calendarId),
      classNames: holiday ? ['agenda-holiday'] : [],
      extendedProps: props,
    });
  }
  return out;
}

/** The occurrence behind a drawn event; none for FullCalendar's own mirrors of a selection or drag. */
export function occurrenceOf(event: EventApi): OccurrenceOut | undefined {
  return (event.extendedProps as Partial<OccurrenceProps>).occurrence;
}
