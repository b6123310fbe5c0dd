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

/** Who stands behind an event: its organizer and whoever wrote it down (a changed instance: its series' too). */
interface EventPeople {
  title: string;
  calendarId: string;
  organizerId: string | null;
  createdBy: string | null;
  parentId: string | null;
}

function eventPeople(db: Db, eventId: string): EventPeople {
  const row = stmt(
    db,
    `select title, calendar_id as calendarId, organizer_id as organizerId, created_by as createdBy,
       parent_id as parentId
     from events where id = ?`,
  ).get(eventId) as EventPeople | undefined;
  if (!row) throw notFound(`Etkinlik (${eventId})`);
  return row;
}

/** The organizers and the writers of the event, and of its series for a changed instance. */
function responsibleUsers(db: Db, event: EventPeople): { organizers: string[]; writers: string[] } {
  const series = event.parentId ? eventPeople(db, event.parentId) : null;
  const ids = (...list: (string | null | undefined)[]) => list.filter((id): id is string => !!id);
  return {
    organizers: ids(event.organizerId, series?.organizerId),
    writers: ids(event.createdBy, series?.createdBy),
  };
}

/**
 * Changing or deleting an existing event (its times, attendees, files): its organizer or whoever wrote it down,
 * the calendar's owner, or an admin, as long as they see the calendar and it is not archived. Booking rights
 * alone let one add events, not move other people's.
 */
export function canEditEvent(db: Db, eventId: string, userId: string): boolean {
  const event = eventPeople(db, eventId);
  const calendar = calendarAccessRow(db, event.calendarId);
  if (calendar.archivedAt || !canSeeCalendar(db, calendar, userId)) return false;
  if (calendar.ownerId === userId || isAdmin(db, userId)) return true;
  const { organizers, writers } = responsibleUsers(db, event);
  return organizers.includes(userId) || writers.includes(userId);
}

const userName = (db: Db, id: string) =>
  (stmt(db, 'select name from users where id = ?').pluck().get(id) as string | undefined) ?? null;

/** Throws FORBIDDEN naming the event and who may change it, unless `userId` may (canEditEvent). */
export function assertCanEditEvent(db: Db, eventId: string, userId: string): void {
  if (canEditEvent(db, eventId, userId)) return;
  const event = eventPeople(db, eventId);
  const calendar = calendarAccessRow(db, event.calendarId);
  if (calendar.archivedAt) {
    throw forbidden(
      `«${event.title}» etkinliğini değiştiremezsiniz: «${calendar.name}» takvimi arşivlendi; önce arşivden çıkarılmalı.`,
    );
  }
  // "düzenleyeni (Selin Aksoy), takvimin sahibi (Yönetici)"; one person's roles together: "düzenleyeni ve …".
  const { organizers, writers } = responsibleUsers(db, event);
  const roles = new Map<string, string[]>();
  const add = (id: string, role: string) => {
    const held = roles.get(id) ?? [];
    if (!held.includes(role)) roles.set(id, [...held, role]);
  };
  for (const id of organizers) add(id, 'düzenleyeni');
  for (const id of writers) if (!organizers.includes(id)) add(id, 'kaydı yapan');
  add(calendar.ownerId, 'takvimin sahibi');
  const who = [...roles].map(([id, held]) => `${held.join(' ve ')} (${userName(db, id) ?? id})`);
  throw forbidden(`«${event.title}» etkinliğini yalnız ${who.join(', ')} ya da bir yönetici değiştirebilir.`);
}

/** Door check-in and walk-ins: anyone who sees the event's calendar. Throws FORBIDDEN naming the event otherwise. */
export function assertCanSeeEvent(db: Db, eventId: string, userId: string): void {
  const event = eventPeople(db, eventId);
  const calendar = calendarAccessRow(db, event.calendarId);
  if (!canSeeCalendar(db, calendar, userId)) {
    throw forbidden(
      `«${event.title}» etkinliğine giriş yapamazsınız: «${calendar.name}» takvimini görme yetkiniz yok.`,
    );
  }
}

/**
 * Calendars `userId` may not see (members-only ones they neither own nor belong to; none for admins), archived
 * ones included: what search and card timelines leave out.
 */
export function hiddenCalendarIds(db: Db, userId: string | null): string[] {
  if (userId && isAdmin(db, userId)) return [];
  return stmt(
    db,
    `select id from calendars c where c.visibility <> 'everyone' and c.owner_id is not @userId
       and not exists (select 1 from calendar_members m where m.calendar_id = c.id and m.user_id = @userId)`,
  )
    .pluck()
    .all({ userId }) as string[];
}
