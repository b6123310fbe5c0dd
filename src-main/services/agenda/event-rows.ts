import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { SeriesSpec } from './event-recurrence';

/** An events row as the agenda services use it (exdates parsed). */
export interface EventRow {
  id: string;
  calendarId: string;
  title: string;
  location: string | null;
  description: string;
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  rrule: string | null;
  exdates: string[];
  seriesEndsAt: string | null;
  parentId: string | null;
  recurrenceId: string | null;
  uid: string;
  sequence: number;
  organizerId: string | null;
  remindMinutes: number | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  deletedAt: string | null;
}

export const EVENT_COLUMNS = `e.id, e.calendar_id as calendarId, e.title, e.location, e.description, e.all_day as allDay,
  e.starts_at as startsAt, e.ends_at as endsAt, e.time_zone as timeZone, e.rrule, e.exdates,
  e.series_ends_at as seriesEndsAt, e.parent_id as parentId, e.recurrence_id as recurrenceId, e.uid, e.sequence,
  e.organizer_id as organizerId, e.remind_minutes as remindMinutes, e.created_at as createdAt,
  e.updated_at as updatedAt, e.created_by as createdBy, e.deleted_at as deletedAt`;

type RawEventRow = Omit<EventRow, 'allDay' | 'exdates'> & { allDay: number; exdates: string | null };

/** A raw row (all_day as 0/1, exdates as JSON) as an EventRow. */
export function toEventRow(raw: RawEventRow): EventRow {
  return { ...raw, allDay: raw.allDay === 1, exdates: raw.exdates ? (JSON.parse(raw.exdates) as string[]) : [] };
}

/** An event, also from the recycle bin. */
export function eventRow(db: Db, id: string): EventRow {
  const raw = stmt(db, `select ${EVENT_COLUMNS} from events e where e.id = ?`).get(id) as RawEventRow | undefined;
  if (!raw) throw notFound(`Etkinlik (${id})`);
  return toEventRow(raw);
}

/** An event outside the recycle bin: only those can be changed. */
export function liveEvent(db: Db, id: string): EventRow {
  const row = eventRow(db, id);
  if (row.deletedAt) throw invalidInput(`«${row.title}» çöp kutusunda; önce geri yükleyin.`);
  return row;
}

/** The changed instances of a series (in the bin too: a binned one keeps its instance away). */
export function overridesOf(db: Db, seriesId: string): EventRow[] {
  return (stmt(db, `select ${EVENT_COLUMNS} from events e where e.parent_id = ?`).all(seriesId) as RawEventRow[]).map(
    toEventRow,
  );
}

/** What a series expands from: its rule, without its exdates and changed instances. */
export function seriesSpecOf(row: EventRow, overriddenKeys: Iterable<string> = []): SeriesSpec {
  return {
    allDay: row.allDay,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    rrule: row.rrule ?? '',
    skip: new Set([...row.exdates, ...overriddenKeys]),
  };
}
