import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import { CALENDAR_KINDS, type CalendarOut } from '../../../src-shared/contract/agenda';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { canBookIn, canEditCalendar, canSeeCalendar, type CalendarAccessRow } from './calendar-permissions';

interface CalendarRow extends CalendarAccessRow {
  color: string;
  description: string | null;
  ownerName: string;
}

const SELECT_CALENDAR = `select c.id, c.name, c.kind, c.color, c.owner_id as ownerId, u.name as ownerName, c.visibility,
    c.booking, c.description, c.archived_at as archivedAt
  from calendars c join users u on u.id = c.owner_id`;

function membersOf(db: Db, calendarId: string): CalendarOut['members'] {
  const rows = stmt(
    db,
    `select u.id, u.name, m.can_book as canBook from calendar_members m join users u on u.id = m.user_id
     where m.calendar_id = ?`,
  ).all(calendarId) as { id: string; name: string; canBook: number }[];
  return rows
    .sort((a, b) => (turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1))
    .map((r) => ({ user: { id: r.id, name: r.name }, canBook: r.canBook === 1 }));
}

function toOut(db: Db, row: CalendarRow, userId: string): CalendarOut {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CalendarOut['kind'],
    color: row.color,
    owner: { id: row.ownerId, name: row.ownerName },
    visibility: row.visibility,
    booking: row.booking,
    description: row.description,
    members: membersOf(db, row.id),
    canBook: canBookIn(db, row, userId),
    canEdit: canEditCalendar(db, row, userId),
    archived: row.archivedAt !== null,
  };
}

/** One calendar as `userId` sees it (what they may do there); permission to see it is the caller's check. */
export function calendarOut(db: Db, id: string, userId: string): CalendarOut {
  const row = stmt(db, `${SELECT_CALENDAR} where c.id = ?`).get(id) as CalendarRow | undefined;
  if (!row) throw notFound(`Takvim (${id})`);
  return toOut(db, row, userId);
}

const kindOrder = (kind: string) => CALENDAR_KINDS.indexOf(kind as CalendarOut['kind']);

/** The calendars `userId` may see, grouped by kind (general, personal, rooms, …) and by name in Turkish order. */
export function listCalendars(db: Db, userId: string, includeArchived: boolean): CalendarOut[] {
  const rows = stmt(
    db,
    `${SELECT_CALENDAR}${includeArchived ? '' : ' where c.archived_at is null'}`,
  ).all() as CalendarRow[];
  return rows
    .filter((row) => canSeeCalendar(db, row, userId))
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1))
    .map((row) => toOut(db, row, userId));
}
