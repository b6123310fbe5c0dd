import type { Db } from '../../db/connection';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import { storedAttendee, type StoredAttendee } from './attendee-reads';

/** The attendee as its audit rows remember it: readable after the attendee (or the event) is gone. */
export function attendeeSnapshot(row: StoredAttendee, eventTitle: string) {
  return {
    eventId: row.eventId,
    eventTitle,
    kind: row.kind,
    name: row.name,
    email: row.email,
    institutionName: row.institutionName,
    roleTitle: row.roleTitle,
    code: row.code,
    response: row.response,
    invitedAt: row.invitedAt,
    invitedVia: row.invitedVia,
    checkedInAt: row.checkedInAt,
    walkIn: row.walkIn,
  };
}

export type AttendeeSnapshot = ReturnType<typeof attendeeSnapshot>;

export const snapshotOf = (db: Db, attendeeId: string, eventTitle: string) =>
  attendeeSnapshot(storedAttendee(db, attendeeId), eventTitle);

/** One row per attendee change, on the attendee (its event id and title are in the snapshot). */
export function auditAttendee(
  db: Db,
  actor: Actor,
  action: AuditAction,
  attendeeId: string,
  before: AttendeeSnapshot | undefined,
  after: AttendeeSnapshot | undefined,
): void {
  writeAudit(db, { ...actor, action, entityType: 'event_attendee', entityId: attendeeId, before, after });
}
