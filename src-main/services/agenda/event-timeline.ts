import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { hiddenCalendarIds } from './calendar-permissions';

const PREFIX = 'event:';

// All-day events start on a date: read as that day's midnight UTC, so they sort among instants.
const NEWEST = `select * from (
    select e.id, e.title, e.location,
      case when e.all_day then e.starts_at || 'T00:00:00.000Z' else e.starts_at end as at, u.name as userName
    from event_cards ec join events e on e.id = ec.event_id left join users u on u.id = e.organizer_id
    where ec.card_id = @cardId and e.deleted_at is null and e.parent_id is null
      and e.calendar_id not in (select value from json_each(@hidden))
  ) as x`;
const BEFORE = `${NEWEST} where x.at <= @at and (x.at < @at or ('${PREFIX}' || x.id) < @id)`;
const ORDER = 'order by x.at desc, x.id desc limit @limit';

/**
 * The card's meetings and bookings on its timeline, at the time they start (a series once, at its first date):
 * the title as the headline, the place below it. Events in the recycle bin leave it, and so do those of
 * calendars the reader may not see (a members-only calendar's meeting stays private on a shared card).
 */
export function eventEntries(
  db: Db,
  cardId: string,
  before: TimelineCursor | undefined,
  limit: number,
  userId: string | null,
): TimelineEntry[] {
  const params = { cardId, hidden: JSON.stringify(hiddenCalendarIds(db, userId)), limit };
  const rows = (
    before
      ? stmt(db, `${BEFORE} ${ORDER}`).all({ ...params, at: before.at, id: before.id })
      : stmt(db, `${NEWEST} ${ORDER}`).all(params)
  ) as { id: string; title: string; location: string | null; at: string; userName: string | null }[];
  return rows.map((row) => {
    const entry: TimelineEntry = { id: PREFIX + row.id, at: row.at, kind: 'event', title: row.title };
    if (row.location) entry.detail = row.location;
    if (row.userName) entry.userName = row.userName;
    return entry;
  });
}
