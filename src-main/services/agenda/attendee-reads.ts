import type { Db } from '../../db/connection';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';

/** The attendees of an event in list order (persons, staff, outsiders by name). */
export function attendeesOfEvent(_db: Db, _eventId: string): AttendeeOut[] {
  return []; // placeholder until the attendee module fills it in
}
