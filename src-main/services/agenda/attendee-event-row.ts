import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';

/** What the attendee side reads of an event: enough for invitations, badges and the door. */
export interface AttendeeEventRow {
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
  /** JSON array of instance starts, as stored. */
  exdates: string | null;
  /** End of the series' last instance; null: endless (or not a series). */
  seriesEndsAt: string | null;
  parentId: string | null;
  recurrenceId: string | null;
  uid: string;
  sequence: number;
  organizerId: string | null;
  deletedAt: string | null;
}

const SELECT = `select id, calendar_id as calendarId, title, location, description, all_day as allDay,
    starts_at as startsAt, ends_at as endsAt, time_zone as timeZone, rrule, exdates,
    series_ends_at as seriesEndsAt, parent_id as parentId,
    recurrence_id as recurrenceId, uid, sequence, organizer_id as organizerId, deleted_at as deletedAt
  from events`;

type Raw = Omit<AttendeeEventRow, 'allDay'> & { allDay: number };
const fromRaw = (r: Raw): AttendeeEventRow => ({ ...r, allDay: r.allDay === 1 });

export function attendeeEventRow(db: Db, id: string): AttendeeEventRow {
  const row = stmt(db, `${SELECT} where id = ?`).get(id) as Raw | undefined;
  if (!row) throw notFound(`Etkinlik (${id})`);
  return fromRaw(row);
}

/** An event outside the recycle bin: only those take attendees, invitations and check-ins. */
export function liveAttendeeEvent(db: Db, id: string): AttendeeEventRow {
  const row = attendeeEventRow(db, id);
  if (row.deletedAt) throw invalidInput(`«${row.title}» etkinliği çöp kutusunda; önce geri yükleyin.`);
  return row;
}

/** Live events (series masters and single events) carrying an iCalendar UID: what a REPLY points at. */
export function liveEventsByUid(db: Db, uid: string): AttendeeEventRow[] {
  return (stmt(db, `${SELECT} where uid = ? and parent_id is null and deleted_at is null`).all(uid) as Raw[]).map(
    fromRaw,
  );
}

/** The changed instances of a series (their own rows), for the invitation's RECURRENCE-ID entries. */
export function liveOverridesOf(db: Db, seriesId: string): AttendeeEventRow[] {
  return (
    stmt(db, `${SELECT} where parent_id = ? and deleted_at is null order by recurrence_id`).all(seriesId) as Raw[]
  ).map(fromRaw);
}
