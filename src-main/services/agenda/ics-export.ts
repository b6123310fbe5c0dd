/**
 * Calendars (or chosen events) as an iCalendar file that Outlook, Google and Apple read: times in their own
 * zones with a VTIMEZONE for each, series with RRULE and EXDATE, changed instances as VEVENTs with
 * RECURRENCE-ID, reminders as alarms.
 */
import ICAL from 'ical.js';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { firmTimeZone } from '../planner/firm-time';
import { assertCanSee, calendarAccessRow } from './calendar-permissions';
import { dayStartMs, isoOf, spanOf, wallOf, addDays } from './event-times';
import { EVENT_COLUMNS, eventRow, overridesOf, toEventRow, type EventRow } from './event-rows';
import { vtimezoneFor } from './vtimezone';
import { APP_VERSION } from '../../core/version';

type Component = InstanceType<typeof ICAL.Component>;

export interface ExportInput {
  calendarIds: readonly string[];
  eventIds: readonly string[];
  /** Dates (YYYY-MM-DD) in the firm's zone, `to` inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** A time as the file writes it: a date, UTC, or the wall clock of its zone (with TZID). */
function setTime(component: Component, name: string, value: string, event: EventRow, zones: Set<string>): void {
  const prop = new ICAL.Property(name);
  if (event.allDay) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    prop.setValue(ICAL.Time.fromData({ year, month, day, isDate: true }));
  } else if (event.timeZone === 'UTC') {
    prop.setValue(ICAL.Time.fromJSDate(new Date(value), true));
  } else {
    const w = wallOf(Date.parse(value), event.timeZone);
    const [year, month, day] = w.date.split('-').map(Number) as [number, number, number];
    prop.setValue(ICAL.Time.fromData({ year, month, day, hour: w.hour, minute: w.minute, second: w.second }));
    prop.setParameter('tzid', event.timeZone);
    zones.add(event.timeZone);
  }
  component.addProperty(prop);
}

const utcStamp = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true);

/**
 * One VEVENT. A changed instance names its RECURRENCE-ID in its series' form (a date for an all-day series, the
 * series' zone for a timed one), whatever it was changed to: that is how other programs find the instance.
 */
function vevent(event: EventRow, zones: Set<string>, droppedInstances: string[], now: string, series?: EventRow) {
  const c = new ICAL.Component('vevent');
  c.addPropertyWithValue('uid', event.uid);
  c.addPropertyWithValue('dtstamp', utcStamp(now));
  c.addPropertyWithValue('created', utcStamp(event.createdAt));
  c.addPropertyWithValue('last-modified', utcStamp(event.updatedAt));
  c.addPropertyWithValue('sequence', event.sequence);
  c.addPropertyWithValue('summary', event.title);
  if (event.location) c.addPropertyWithValue('location', event.location);
  if (event.description) c.addPropertyWithValue('description', event.description);
  setTime(c, 'dtstart', event.startsAt, event, zones);
  setTime(c, 'dtend', event.endsAt, event, zones);
  if (event.recurrenceId) setTime(c, 'recurrence-id', event.recurrenceId, series ?? event, zones);
  if (event.rrule) {
    c.addPropertyWithValue('rrule', ICAL.Recur.fromString(event.rrule));
    for (const key of [...new Set([...event.exdates, ...droppedInstances])].sort()) {
      setTime(c, 'exdate', key, event, zones);
    }
  }
  if (event.remindMinutes !== null) {
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('description', event.title);
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-event.remindMinutes * 60));
    c.addSubcomponent(alarm);
  }
  return c;
}

/** Series and single events (not changed instances) of the calendars that overlap the range. */
function rootsOf(db: Db, calendarIds: readonly string[], fromMs: number | null, toMs: number | null): EventRow[] {
  const rows = stmt(
    db,
    `select ${EVENT_COLUMNS} from events e
     where e.calendar_id in (select value from json_each(?)) and e.deleted_at is null and e.parent_id is null
     order by e.starts_at, e.id`,
  ).all(JSON.stringify(calendarIds)) as Parameters<typeof toEventRow>[0][];
  return rows.map(toEventRow).filter((event) => {
    if (fromMs === null || toMs === null) return true;
    const { startMs, endMs } = spanOf(event);
    const lastEnd = event.rrule ? (event.seriesEndsAt ? Date.parse(event.seriesEndsAt) : Infinity) : endMs;
    return startMs < toMs && lastEnd > fromMs;
  });
}

function slug(text: string): string {
  return (
    foldForSearch(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'takvim'
  );
}

/** The file for the chosen calendars and events, as `userId` may see them. */
export function exportIcs(db: Db, userId: string, input: ExportInput, now: Date): { fileName: string; ics: string } {
  const zone = firmTimeZone(db);
  const calendars = input.calendarIds.map((id) => calendarAccessRow(db, id));
  for (const calendar of calendars) assertCanSee(db, calendar, userId);
  const fromMs = input.from ? dayStartMs(input.from, zone) : null;
  const toMs = input.to ? dayStartMs(addDays(input.to, 1), zone) : null;
  const roots = new Map<string, EventRow>();
  for (const event of rootsOf(db, input.calendarIds, fromMs, toMs)) roots.set(event.id, event);
  for (const id of input.eventIds) {
    // A changed instance goes out with its series (other programs need the series to place it).
    const chosen = eventRow(db, id);
    const root = chosen.parentId ? eventRow(db, chosen.parentId) : chosen;
    assertCanSee(db, calendarAccessRow(db, root.calendarId), userId);
    if (!root.deletedAt) roots.set(root.id, root);
  }
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', `-//Kartotek//Kartotek ${APP_VERSION}//TR`);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  if (calendars.length === 1) calendar.addPropertyWithValue('x-wr-calname', calendars[0]!.name);
  const zones = new Set<string>();
  const events: Component[] = [];
  const stampNow = now.toISOString();
  let firstYear = Infinity;
  let lastYear = -Infinity;
  const seeYear = (ms: number) => {
    const year = Number(isoOf(ms).slice(0, 4));
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
  };
  for (const root of roots.values()) {
    const overrides = overridesOf(db, root.id);
    const dropped = overrides.filter((o) => o.deletedAt).map((o) => o.recurrenceId ?? '');
    events.push(vevent(root, zones, dropped, stampNow));
    seeYear(spanOf(root).startMs);
    seeYear(root.seriesEndsAt ? Date.parse(root.seriesEndsAt) : spanOf(root).endMs);
    for (const o of overrides) {
      if (o.deletedAt) continue;
      events.push(vevent(o, zones, [], stampNow, root));
      seeYear(spanOf(o).endMs);
    }
  }
  // Endless series: the zone's rule found for the coming years carries on after them.
  const thisYear = now.getUTCFullYear();
  const scanTo = Math.max(lastYear, thisYear) + 1;
  // A century of offsets is plenty for any zone's history that matters to a meeting.
  const scanFrom = Math.max(Math.min(firstYear, thisYear) - 1, scanTo - 100);
  for (const tz of [...zones].sort()) calendar.addSubcomponent(vtimezoneFor(tz, scanFrom, scanTo));
  for (const event of events) calendar.addSubcomponent(event);
  const name = calendars.length === 1 ? slug(calendars[0]!.name) : `kartotek-takvim-${now.toISOString().slice(0, 10)}`;
  return { fileName: `${name}.ics`, ics: calendar.toString().replace(/\r?\n/g, '\r\n') + '\r\n' };
}
