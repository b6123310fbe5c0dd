/**
 * "Bugünkü toplantılar": a user's events on a day. Chosen to keep the list personal and short:
 * - everything on their own personal calendars;
 * - on the other calendars they may see, only events they organise or attend as staff (not declined);
 * - events they attend as staff on calendars they could not otherwise see (invited by a colleague);
 * - holidays and the firm's closing days of the holiday calendars they see (worth knowing about on the day).
 * A room's or a team calendar's other bookings stay in the agenda.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { OccurrenceOut } from '../../../src-shared/contract/agenda';
import { addDays, zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { visibleCalendarIds } from '../agenda/calendar-permissions';
import { occurrencesInRange } from '../agenda/event-occurrences';

/** Far more than a day can hold; the answer is a day's agenda, not a report. */
const MAX_OCCURRENCES = 500;

interface MyEvent {
  id: string;
  calendarId: string;
}

/** Events (series and changed instances alike) that `userId` organises or attends as staff. */
function myEvents(db: Db, userId: string): MyEvent[] {
  return stmt(
    db,
    `select e.id, e.calendar_id as calendarId from events e
      where e.deleted_at is null and e.organizer_id = ?
     union
     select e.id, e.calendar_id from events e join event_attendees a on a.event_id = e.id
      where e.deleted_at is null and a.kind = 'staff' and a.user_id = ? and a.response <> 'declined'`,
  ).all(userId, userId) as MyEvent[];
}

/** Changed instances belong to their series: the parent of each event id that has one. */
function parentsOf(db: Db, eventIds: readonly string[]): Map<string, string> {
  const parent = stmt(db, 'select parent_id as parentId from events where id = ?');
  const parents = new Map<string, string>();
  for (const id of new Set(eventIds)) {
    const row = parent.get(id) as { parentId: string | null } | undefined;
    if (row?.parentId) parents.set(id, row.parentId);
  }
  return parents;
}

export function eventsOfDay(db: Db, userId: string, date: string, timeZone: string): OccurrenceOut[] {
  const visible = visibleCalendarIds(db, userId);
  const personal = new Set(
    (
      stmt(db, `select id from calendars where owner_id = ? and kind = 'personal' and archived_at is null`).all(
        userId,
      ) as { id: string }[]
    ).map((r) => r.id),
  );
  const mine = myEvents(db, userId);
  const mineIds = new Set(mine.map((e) => e.id));
  const calendarIds = [...new Set([...visible, ...mine.map((e) => e.calendarId)])];
  if (calendarIds.length === 0) return [];
  const { occurrences } = occurrencesInRange(db, {
    from: zonedToUtc(date, '00:00', timeZone).toISOString(),
    to: zonedToUtc(addDays(date, 1), '00:00', timeZone).toISOString(),
    calendarIds,
    limit: MAX_OCCURRENCES,
  });
  const visibleSet = new Set(visible);
  const parents = parentsOf(
    db,
    occurrences.flatMap((o) => (o.eventId ? [o.eventId] : [])),
  );
  // occurrencesInRange answers in the agenda's order (all-day first, then by start), which the list keeps.
  return occurrences.filter((o) => {
    if (o.holidayKind !== null) return visibleSet.has(o.calendarId);
    if (o.eventId === null) return false;
    if (personal.has(o.calendarId) && visibleSet.has(o.calendarId)) return true;
    const parentId = parents.get(o.eventId);
    return mineIds.has(o.eventId) || (parentId !== undefined && mineIds.has(parentId));
  });
}
