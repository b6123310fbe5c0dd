/**
 * One attendee's invitation as an iCalendar REQUEST (RFC 5546): the event with its UID and SEQUENCE, the organizer,
 * and that attendee alone with RSVP=TRUE and their personal code, so the reply their calendar sends back
 * (METHOD:REPLY, see invitation-reply.ts) names the event and the attendee.
 */
import ICAL from 'ical.js';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { wallClockIn } from '../../../src-shared/domain/zoned-time';
import { liveOverridesOf, type AttendeeEventRow } from './attendee-event-row';
import type { StoredAttendee } from './attendee-reads';
import { vtimezoneFor } from './vtimezone';

/** Where replies go when neither the organizer nor the calendar's owner has an address. */
export const PLACEHOLDER_ORGANIZER = 'kartotek@localhost';
export const CODE_PARAMETER = 'x-kartotek-code';
const PRODID = '-//Kartotek//Ajanda//TR';

export interface Party {
  name: string;
  email: string | null;
}

/** The event's organizer, else its calendar's owner: who the invitation comes from and the reply goes to. */
export function organizerOf(db: Db, event: AttendeeEventRow): Party {
  const row = stmt(
    db,
    `select coalesce(o.name, w.name) as name, coalesce(o.email, w.email) as email
     from calendars c join users w on w.id = c.owner_id left join users o on o.id = ?
     where c.id = ?`,
  ).get(event.organizerId, event.calendarId) as Party | undefined;
  return row ?? { name: 'Kartotek', email: null };
}

const mailto = (email: string) => `mailto:${email}`;

/** A timed instant (stored UTC) as UTC, or as the zone's wall clock when the event is a series. */
function timeOf(stored: string, event: AttendeeEventRow, zoned: boolean): ICAL.Time {
  if (event.allDay) return ICAL.Time.fromDateString(stored.slice(0, 10));
  const instant = new Date(stored);
  if (!zoned) return ICAL.Time.fromJSDate(instant, true);
  return ICAL.Time.fromData(wallClockIn(instant, event.timeZone));
}

function timeProperty(name: string, times: ICAL.Time[], event: AttendeeEventRow, zoned: boolean): ICAL.Property {
  const p = new ICAL.Property(name);
  if (zoned && !event.allDay) p.setParameter('tzid', event.timeZone);
  if (times.length === 1) p.setValue(times[0]!);
  else p.setValues(times);
  return p;
}

function storedExdates(event: AttendeeEventRow): string[] {
  if (!event.exdates) return [];
  try {
    const list: unknown = JSON.parse(event.exdates);
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function attendeeProperty(attendee: StoredAttendee): ICAL.Property {
  const p = new ICAL.Property('attendee');
  p.setParameter('cutype', 'INDIVIDUAL');
  p.setParameter('role', 'REQ-PARTICIPANT');
  p.setParameter('partstat', 'NEEDS-ACTION');
  p.setParameter('rsvp', 'TRUE');
  p.setParameter('cn', attendee.name);
  p.setParameter(CODE_PARAMETER, attendee.code);
  // Someone invited by SMS only has no address; the code still names them.
  p.setValue(attendee.email ? mailto(attendee.email) : `urn:kartotek:attendee:${attendee.code}`);
  return p;
}

/** The body text: the event's own description, then the attendee's code (read out at the door). */
export function invitationDescription(event: AttendeeEventRow, code: string): string {
  const codeLine = `Giriş kodunuz: ${code}`;
  return event.description.trim() ? `${event.description.trim()}\n\n${codeLine}` : codeLine;
}

function vevent(
  event: AttendeeEventRow,
  master: AttendeeEventRow,
  organizer: Party,
  attendee: StoredAttendee,
  zoned: boolean,
  now: Date,
): ICAL.Component {
  const v = new ICAL.Component('vevent');
  v.updatePropertyWithValue('uid', master.uid);
  v.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  v.updatePropertyWithValue('sequence', master.sequence);
  if (event.recurrenceId) {
    v.addProperty(timeProperty('recurrence-id', [timeOf(event.recurrenceId, master, zoned)], master, zoned));
  }
  v.addProperty(timeProperty('dtstart', [timeOf(event.startsAt, event, zoned)], event, zoned));
  v.addProperty(timeProperty('dtend', [timeOf(event.endsAt, event, zoned)], event, zoned));
  if (event.rrule) {
    v.updatePropertyWithValue('rrule', ICAL.Recur.fromString(event.rrule.replace(/^RRULE:/i, '')));
    const exdates = storedExdates(event);
    if (exdates.length > 0) {
      v.addProperty(
        timeProperty(
          'exdate',
          exdates.map((x) => timeOf(x, event, zoned)),
          event,
          zoned,
        ),
      );
    }
  }
  v.updatePropertyWithValue('summary', event.title);
  if (event.location) v.updatePropertyWithValue('location', event.location);
  v.updatePropertyWithValue('description', invitationDescription(event, attendee.code));
  v.updatePropertyWithValue('status', 'CONFIRMED');
  const org = new ICAL.Property('organizer');
  org.setParameter('cn', organizer.name);
  org.setValue(mailto(organizer.email ?? PLACEHOLDER_ORGANIZER));
  v.addProperty(org);
  v.addProperty(attendeeProperty(attendee));
  return v;
}

/** The REQUEST for one attendee of `event` (a single event, or a series with its changed instances). */
export function invitationIcs(db: Db, event: AttendeeEventRow, attendee: StoredAttendee, now: Date): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', PRODID);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'REQUEST');
  // A single event is sent in UTC (exact everywhere); a series in its zone, so its wall time survives DST.
  const zoned = event.rrule !== null && !event.allDay;
  if (zoned) {
    // The zone's rules for the series' years; the yearly rule found for the last year goes on past it.
    const firstYear = new Date(event.startsAt).getUTCFullYear();
    const lastYear = event.seriesEndsAt ? new Date(event.seriesEndsAt).getUTCFullYear() + 1 : firstYear + 1;
    cal.addSubcomponent(vtimezoneFor(event.timeZone, firstYear, lastYear));
  }
  const organizer = organizerOf(db, event);
  cal.addSubcomponent(vevent(event, event, organizer, attendee, zoned, now));
  if (event.rrule) {
    for (const changed of liveOverridesOf(db, event.id)) {
      cal.addSubcomponent(vevent(changed, event, organizer, attendee, zoned, now));
    }
  }
  return cal.toString() + '\r\n';
}
