/**
 * The instances of events on some calendars between two instants: single events, occurrences of series
 * (expanded lazily for this range only) and the holiday calendars' computed holidays. Used by agenda.range,
 * the planner ("today's meetings") and the reminder job (event reminders).
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';
import { firmTimeZone } from '../planner/firm-time';
import { DAY_MS, isoOf, spanOf } from './event-times';
import { expandSeries, MAX_ITERATIONS } from './event-recurrence';
import { EVENT_COLUMNS, seriesSpecOf, toEventRow, type EventRow } from './event-rows';
import { holidayOccurrences } from './holiday-occurrences';

export interface OccurrenceQuery {
  /** UTC instants (ISO). */
  from: string;
  to: string;
  calendarIds: readonly string[];
  /** Stop after this many (the answer says truncated). */
  limit?: number;
}

/** How many instances one answer carries at most unless the caller says otherwise. */
export const DEFAULT_OCCURRENCE_LIMIT = 5_000;

/**
 * Instances of series looked at for one answer, over all its series together (each also stops at
 * MAX_ITERATIONS): a view over many busy series costs a bounded time, and says truncated past it.
 */
export const RANGE_ITERATION_BUDGET = 20_000;

/** The longest range agenda.range answers (the list view asks for a year at most). */
export const MAX_RANGE_DAYS = 400;

/** One instance of a stored event (a single event, a changed instance, or an occurrence of a series). */
export interface EventInstance {
  event: EventRow;
  /** Stored forms: instants for timed events, dates for all-day ones. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** For series: the instance's original start; for changed instances: their recurrence id. */
  occurrenceStart: string | null;
  recurring: boolean;
}

type RawRow = Parameters<typeof toEventRow>[0];

// Date-only starts (all-day events) compare as text with instants; a day of slack either side covers every zone.
const SINGLES = `select ${EVENT_COLUMNS} from events e left join events p on p.id = e.parent_id
  where e.calendar_id in (select value from json_each(@calendarIds)) and e.deleted_at is null and e.rrule is null
    and (e.parent_id is null or p.deleted_at is null) and e.starts_at < @toSlack and e.ends_at > @fromSlack`;
const SERIES = `select ${EVENT_COLUMNS} from events e
  where e.calendar_id in (select value from json_each(@calendarIds)) and e.deleted_at is null and e.rrule is not null
    and e.starts_at < @toSlack and (e.series_ends_at is null or e.series_ends_at > @from)`;

const overlaps = (startMs: number, endMs: number, fromMs: number, toMs: number) =>
  startMs < toMs && (endMs > fromMs || (endMs === startMs && startMs >= fromMs));

/**
 * Every live instance on the calendars that overlaps [fromMs, toMs), ordered by start. `excludeEventId` leaves one
 * event row out (a conflict check compares an event with the others). `iterationBudget` is shared by all series
 * (RANGE_ITERATION_BUDGET unless said otherwise); series left unexpanded past it make the answer truncated.
 */
export function eventInstances(
  db: Db,
  query: {
    fromMs: number;
    toMs: number;
    calendarIds: readonly string[];
    excludeEventId?: string;
    limit?: number;
    iterationBudget?: number;
  },
): { instances: EventInstance[]; truncated: boolean } {
  const params = {
    calendarIds: JSON.stringify(query.calendarIds),
    from: isoOf(query.fromMs),
    fromSlack: isoOf(query.fromMs - DAY_MS),
    toSlack: isoOf(query.toMs + DAY_MS),
  };
  const instances: EventInstance[] = [];
  let truncated = false;
  for (const raw of stmt(db, SINGLES).all(params) as RawRow[]) {
    const event = toEventRow(raw);
    if (event.id === query.excludeEventId) continue;
    const { startMs, endMs } = spanOf(event);
    if (!overlaps(startMs, endMs, query.fromMs, query.toMs)) continue;
    const recurring = event.parentId !== null;
    const occurrenceStart = event.recurrenceId;
    instances.push({ event, start: event.startsAt, end: event.endsAt, startMs, endMs, occurrenceStart, recurring });
  }
  const overridden = stmt(db, 'select recurrence_id from events where parent_id = ?').pluck();
  let budget = query.iterationBudget ?? RANGE_ITERATION_BUDGET;
  for (const raw of stmt(db, SERIES).all(params) as RawRow[]) {
    const event = toEventRow(raw);
    if (event.id === query.excludeEventId) continue;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const spec = seriesSpecOf(event, overridden.all(event.id) as string[]);
    const expansion = expandSeries(spec, query.fromMs, query.toMs, { maxIterations: Math.min(MAX_ITERATIONS, budget) });
    budget -= expansion.iterations;
    truncated ||= expansion.truncated;
    for (const i of expansion.instances) {
      instances.push({ event, ...i, occurrenceStart: i.key, recurring: true });
    }
  }
  instances.sort((a, b) => a.startMs - b.startMs || a.event.title.localeCompare(b.event.title, 'tr'));
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  if (instances.length > limit) return { instances: instances.slice(0, limit), truncated: true };
  return { instances, truncated };
}

interface CalendarLook {
  id: string;
  kind: string;
  color: string;
}

function attendeeCounts(db: Db, eventIds: string[]): Map<string, number> {
  const rows = stmt(
    db,
    `select event_id as eventId, count(*) as n from event_attendees
     where event_id in (select value from json_each(?)) and (walk_in is null or walk_in <> 'refused')
     group by event_id`,
  ).all(JSON.stringify(eventIds)) as { eventId: string; n: number }[];
  return new Map(rows.map((r) => [r.eventId, r.n]));
}

export function occurrencesInRange(
  db: Db,
  query: OccurrenceQuery,
): { occurrences: OccurrenceOut[]; truncated: boolean } {
  const fromMs = Date.parse(query.from);
  const toMs = Date.parse(query.to);
  const limit = query.limit ?? DEFAULT_OCCURRENCE_LIMIT;
  if (!(toMs > fromMs) || query.calendarIds.length === 0) return { occurrences: [], truncated: false };
  const calendars = stmt(db, 'select id, kind, color from calendars where id in (select value from json_each(?))').all(
    JSON.stringify(query.calendarIds),
  ) as CalendarLook[];
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const { instances, truncated } = eventInstances(db, { fromMs, toMs, calendarIds: query.calendarIds, limit });
  const counts = attendeeCounts(db, [...new Set(instances.map((i) => i.event.id))]);
  const occurrences: OccurrenceOut[] = instances.map((i) => {
    const calendar = byId.get(i.event.calendarId);
    return {
      eventId: i.event.id,
      calendarId: i.event.calendarId,
      title: i.event.title,
      color: calendar?.color ?? '#868e96',
      start: i.start,
      end: i.end,
      allDay: i.event.allDay,
      location: i.event.location,
      occurrenceStart: i.occurrenceStart,
      recurring: i.recurring,
      // The firm's own closing days live on holiday calendars as events.
      holidayKind: calendar?.kind === 'holiday' ? 'firm' : null,
      attendeeCount: counts.get(i.event.id) ?? 0,
    };
  });
  const zone = firmTimeZone(db);
  for (const calendar of calendars) {
    if (calendar.kind === 'holiday') occurrences.push(...holidayOccurrences(calendar, fromMs, toMs, zone));
  }
  // All-day items sort at the start of their day in the firm's zone, before the timed ones of that day.
  const keyed = occurrences.map((o) => ({
    o,
    at: o.allDay
      ? spanOf({ allDay: true, startsAt: o.start, endsAt: o.end, timeZone: zone }).startMs - 1
      : Date.parse(o.start),
  }));
  const sorted = keyed.sort((a, b) => a.at - b.at).map((k) => k.o);
  if (sorted.length > limit) return { occurrences: sorted.slice(0, limit), truncated: true };
  return { occurrences: sorted, truncated };
}
