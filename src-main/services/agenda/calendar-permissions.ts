/**
 * Who may see a calendar, book in it and change it. Checked in main from the acting user; the renderer only hides
 * what would be refused. Admins may do everything.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { ContractError, notFound } from '../../../src-shared/contract/errors';
import { roleOf } from '../criteria/permissions';

export interface CalendarAccessRow {
  id: string;
  name: string;
  kind: string;
  ownerId: string;
  visibility: 'everyone' | 'members';
  booking: 'everyone' | 'members' | 'owner';
  archivedAt: string | null;
}

interface Membership {
  canBook: boolean;
}

const SELECT_CALENDAR = `select id, name, kind, owner_id as ownerId, visibility, booking, archived_at as archivedAt
  from calendars`;

export function calendarAccessRow(db: Db, calendarId: string): CalendarAccessRow {
  const row = stmt(db, `${SELECT_CALENDAR} where id = ?`).get(calendarId) as CalendarAccessRow | undefined;
  if (!row) throw notFound(`Takvim (${calendarId})`);
  return row;
}

function membership(db: Db, calendarId: string, userId: string): Membership | null {
  const row = stmt(db, 'select can_book as canBook from calendar_members where calendar_id = ? and user_id = ?').get(
    calendarId,
    userId,
  ) as { canBook: number } | undefined;
  return row ? { canBook: row.canBook === 1 } : null;
}

const isAdmin = (db: Db, userId: string) => roleOf(db, userId) === 'admin';

export function canSeeCalendar(db: Db, calendar: CalendarAccessRow, userId: string): boolean {
  if (calendar.visibility === 'everyone' || calendar.ownerId === userId || isAdmin(db, userId)) return true;
  return membership(db, calendar.id, userId) !== null;
}

/** Booking: everyone, members allowed to book, or the owner alone (admins always). Archived calendars take none. */
export function canBookIn(db: Db, calendar: CalendarAccessRow, userId: string): boolean {
  if (calendar.archivedAt) return false;
  if (calendar.ownerId === userId || isAdmin(db, userId)) return true;
  if (calendar.booking === 'everyone') return canSeeCalendar(db, calendar, userId);
  if (calendar.booking === 'members') return membership(db, calendar.id, userId)?.canBook ?? false;
  return false;
}

/** Changing the calendar itself (name, colour, members, archive): its owner or an admin. */
export function canEditCalendar(db: Db, calendar: CalendarAccessRow, userId: string): boolean {
  return calendar.ownerId === userId || isAdmin(db, userId);
}

const forbidden = (message: string) => new ContractError('FORBIDDEN', message);

export function assertCanSee(db: Db, calendar: CalendarAccessRow, userId: string): void {
  if (!canSeeCalendar(db, calendar, userId)) throw forbidden(`«${calendar.name}» takvimini görme yetkiniz yok.`);
}

/** Refuses a booking with the reason: an archived calendar, or who may book there. */
export function assertCanBook(db: Db, calendar: CalendarAccessRow, userId: string): void {
  if (canBookIn(db, calendar, userId)) return;
  if (calendar.archivedAt) {
    throw forbidden(`«${calendar.name}» takvimi arşivlendi; önce arşivden çıkarılmalı.`);
  }
  const who = calendar.booking === 'owner' ? 'yalnız takvimin sahibi' : 'yalnız kayıt yetkisi olan takvim üyeleri';
  throw forbidden(`«${calendar.name}» takviminde kayıt yapma yetkiniz yok: burada ${who} kayıt yapabilir.`);
}

export function assertCanEditCalendar(db: Db, calendar: CalendarAccessRow, userId: string): void {
  if (!canEditCalendar(db, calendar, userId)) {
    throw forbidden(`«${calendar.name}» takvimini yalnız sahibi ya da bir yönetici değiştirebilir.`);
  }
}

/** Ids of the live calendars `userId` may see (everyone-visible ones, their own, those they are a member of). */
export function visibleCalendarIds(db: Db, userId: string): string[] {
  if (isAdmin(db, userId)) {
    return stmt(db, 'select id from calendars where archived_at is null').pluck().all() as string[];
  }
  return stmt(
    db,
    `select id from calendars c where c.archived_at is null and (c.visibility = 'everyone' or c.owner_id = @userId
       or exists (select 1 from calendar_members m where m.calendar_id = c.id and m.user_id = @userId))`,
  )
    .pluck()
    .all({ userId }) as string[];
}

/** Throws FORBIDDEN (naming the event) unless `userId` may change the event (book in its calendar). */
export function assertCanEditEvent(db: Db, eventId: string, userId: string): void {
  const event = stmt(db, 'select title, calendar_id as calendarId from events where id = ?').get(eventId) as
    { title: string; calendarId: string } | undefined;
  if (!event) throw notFound(`Etkinlik (${eventId})`);
  const calendar = calendarAccessRow(db, event.calendarId);
  try {
    assertCanBook(db, calendar, userId);
  } catch (err) {
    if (err instanceof ContractError) throw forbidden(`«${event.title}» etkinliğini değiştiremezsiniz. ${err.message}`);
    throw err;
  }
}
