import { agendaCalls } from '../../../src-shared/contract/agenda';
import type { Handlers } from '../handler-types';
import { notBuiltYet } from '../not-built-yet';
import { ATTENDEE_CALLS, type AttendeeCall } from './attendee-handlers';

type CalendarCall = Exclude<keyof typeof agendaCalls, AttendeeCall>;

/** Calendars, events, recurrence, holidays, .ics import/export (attendees: attendee-handlers.ts). */
export const agendaCalendarHandlers: Handlers<CalendarCall> = notBuiltYet(
  (Object.keys(agendaCalls) as (keyof typeof agendaCalls)[]).filter(
    (m): m is CalendarCall => !(ATTENDEE_CALLS as readonly string[]).includes(m),
  ),
);
