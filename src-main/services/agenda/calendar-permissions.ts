import type { Db } from '../../db/connection';

/** Ids of the live calendars `userId` may see (everyone-visible ones, their own, those they are a member of). */
export function visibleCalendarIds(_db: Db, _userId: string): string[] {
  return []; // placeholder until the agenda module fills it in
}

/** Throws FORBIDDEN (naming the event) unless `userId` may change the event (book in its calendar). */
export function assertCanEditEvent(_db: Db, _eventId: string, _userId: string): void {
  // placeholder until the agenda module fills it in
}
