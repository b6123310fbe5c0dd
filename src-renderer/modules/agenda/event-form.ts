import type { FieldErrors, Resolver } from 'react-hook-form';
import { eventFields, type EventFields, type EventOut } from '../../../src-shared/contract/agenda';
import { addDays, instantOf, wallOf } from './agenda-time';
import { presetOf, rruleOf, type RepeatPreset } from './recurrence';

export interface EventFormValues {
  calendarId: string | null;
  title: string;
  allDay: boolean;
  /** Wall-clock dates and times in the firm's zone; for all-day events the end date is the last day (inclusive). */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  description: string;
  repeat: RepeatPreset;
  customRrule: string;
  cardIds: string[];
  /** Minutes as text for the select ('' = no reminder). */
  remind: string;
}

/** Where an event starts and ends: an ISO instant, or for all-day a date with an exclusive end. */
export interface Slot {
  start: string;
  end: string;
  allDay: boolean;
}

/** A slot as form fields in the firm's zone (all-day ends are shown inclusive). */
function slotValues(slot: Slot, timeZone: string) {
  if (slot.allDay) {
    const startDate = slot.start.slice(0, 10);
    const endDate = addDays(slot.end.slice(0, 10), -1);
    return {
      allDay: true,
      startDate,
      startTime: '09:00',
      endDate: endDate < startDate ? startDate : endDate,
      endTime: '10:00',
    };
  }
  const start = wallOf(slot.start, timeZone);
  const end = wallOf(slot.end, timeZone);
  return { allDay: false, startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time };
}

/** The next full hour, an hour long: what "Yeni etkinlik" starts with. */
export function nextHourSlot(now = new Date()): Slot {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  return { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), allDay: false };
}

export function newEventValues(slot: Slot, calendarId: string | null, timeZone: string): EventFormValues {
  return {
    calendarId,
    title: '',
    ...slotValues(slot, timeZone),
    location: '',
    description: '',
    repeat: 'none',
    customRrule: '',
    cardIds: [],
    remind: '',
  };
}

/**
 * An event's fields; `instance` is the slot of one occurrence when only that one is changed (it has no
 * recurrence of its own).
 */
export function eventValues(event: EventOut, timeZone: string, instance?: Slot): EventFormValues {
  const slot = instance ?? { start: event.startsAt, end: event.endsAt, allDay: event.allDay };
  const values = slotValues(slot, timeZone);
  const repeat = instance ? 'none' : presetOf(event.rrule, values.startDate);
  return {
    calendarId: event.calendarId,
    title: event.title,
    ...values,
    location: event.location ?? '',
    description: event.description,
    repeat,
    customRrule: repeat === 'custom' ? (event.rrule ?? '') : '',
    cardIds: event.cards.map((c) => c.id),
    remind: event.remindMinutes === null ? '' : String(event.remindMinutes),
  };
}

/** The contract's input. A missing or malformed date leaves the field empty, for the schema to name. */
export function toEventInput(v: EventFormValues, timeZone: string, exdates: string[] = []): EventFields {
  const startsAt = v.allDay ? v.startDate : (instantOf(v.startDate, v.startTime, timeZone) ?? '');
  const endsAt = v.allDay
    ? /^\d{4}-\d{2}-\d{2}$/.test(v.endDate)
      ? addDays(v.endDate, 1)
      : ''
    : (instantOf(v.endDate, v.endTime, timeZone) ?? '');
  return {
    calendarId: v.calendarId ?? '',
    title: v.title,
    location: v.location,
    description: v.description,
    allDay: v.allDay,
    startsAt,
    endsAt,
    timeZone,
    rrule: rruleOf(v.repeat, v.startDate, v.customRrule),
    exdates: v.repeat === 'none' ? [] : exdates,
    cardIds: v.cardIds,
    remindMinutes: v.remind === '' ? null : Number(v.remind),
  };
}

/** Where a contract field's message goes on the form. */
export function formField(path: string): keyof EventFormValues {
  const top = path.split('.')[0] ?? path;
  if (top === 'startsAt') return 'startDate';
  if (top === 'endsAt') return 'endDate';
  if (top === 'rrule' || top === 'exdates') return 'customRrule';
  if (top === 'remindMinutes') return 'remind';
  return top as keyof EventFormValues;
}

/**
 * Checks with the contract's own schema, so the screen refuses what main would, plus the rules main adds
 * beyond the shape: a calendar, an end after the start, a rule when "Özel" is chosen.
 */
export function eventResolver(
  timeZone: string,
  words: { needsCalendar: string; endBeforeStart: string; needsRule: string },
): Resolver<EventFormValues> {
  return (values) => {
    const errors: FieldErrors<EventFormValues> = {};
    const put = (field: keyof EventFormValues, message: string) => {
      if (!errors[field]) errors[field] = { type: 'validate', message };
    };
    if (!values.calendarId) put('calendarId', words.needsCalendar);
    if (values.repeat === 'custom' && values.customRrule.trim() === '') put('customRrule', words.needsRule);
    const input = toEventInput(values, timeZone);
    const parsed = eventFields.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) put(formField(issue.path.join('.')), issue.message);
    if (input.startsAt && input.endsAt) {
      const later = values.allDay
        ? input.endsAt > input.startsAt
        : Date.parse(input.endsAt) > Date.parse(input.startsAt);
      if (!later) put('endDate', words.endBeforeStart);
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
  };
}

/** The slot an occurrence was drawn in, for "only this one" edits from the event page. */
export function instanceSlot(event: EventOut, occurrenceStart: string): Slot {
  if (event.allDay) {
    const length =
      Date.parse(`${event.endsAt.slice(0, 10)}T00:00:00Z`) - Date.parse(`${event.startsAt.slice(0, 10)}T00:00:00Z`);
    const start = occurrenceStart.slice(0, 10);
    return { start, end: addDays(start, Math.round(length / 86_400_000)), allDay: true };
  }
  const length = Date.parse(event.endsAt) - Date.parse(event.startsAt);
  const start = new Date(Date.parse(occurrenceStart));
  return { start: start.toISOString(), end: new Date(start.getTime() + length).toISOString(), allDay: false };
}
