/**
 * The door: check-in by the code on the invitation or badge (a scanner types it and presses Enter), and people
 * who came without an invitation, let in or turned away. A check-in is one lookup through the unique index on
 * the code and one update, so the name shows at once.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { conflict } from '../../../src-shared/contract/errors';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import type { ParsedInput } from '../../../src-shared/contract';
import type { Actor } from '../documents/document-writes';
import { codeCandidates } from './attendee-codes';
import { attendeeEventRow } from './attendee-event-row';
import { getAttendeeOut, storedAttendeeByCode, toAttendeeOut, type StoredAttendee } from './attendee-reads';
import { auditAttendee, snapshotOf } from './attendee-audit';
import { personDetails } from './attendee-sources';
import { editableEvent, insertAttendee, takenIdentities, type AttendeeChange } from './attendee-writes';

export interface CheckInResult {
  result: 'checked_in' | 'already_checked_in' | 'unknown_code' | 'other_event';
  attendee: AttendeeOut | null;
  otherEventTitle: string | null;
  /** Set when something was written (the caller announces it). */
  change: AttendeeChange | null;
}

function findByCode(db: Db, text: string): StoredAttendee | undefined {
  for (const code of codeCandidates(text)) {
    const row = storedAttendeeByCode(db, code);
    if (row) return row;
  }
  return undefined;
}

export function checkIn(db: Db, actor: Actor, input: ParsedInput<'agenda.checkIn'>): CheckInResult {
  return writeTransaction(db, () => {
    const event = editableEvent(db, actor, input.eventId);
    const row = findByCode(db, input.code);
    if (!row) return { result: 'unknown_code', attendee: null, otherEventTitle: null, change: null };
    if (row.eventId !== event.id) {
      // The person at the door with another day's invitation: say which event it is for, let in nobody.
      const other = attendeeEventRow(db, row.eventId);
      return { result: 'other_event', attendee: toAttendeeOut(row), otherEventTitle: other.title, change: null };
    }
    if (row.checkedInAt) {
      return { result: 'already_checked_in', attendee: toAttendeeOut(row), otherEventTitle: null, change: null };
    }
    const before = snapshotOf(db, row.id, event.title);
    stmt(db, 'update event_attendees set checked_in_at = ?, checked_in_by = ?, updated_at = ? where id = ?').run(
      actor.at,
      actor.userId,
      actor.at,
      row.id,
    );
    auditAttendee(db, actor, 'update', row.id, before, snapshotOf(db, row.id, event.title));
    return {
      result: 'checked_in',
      attendee: getAttendeeOut(db, row.id),
      otherEventTitle: null,
      change: { eventId: event.id, calendarId: event.calendarId, attendeeIds: [row.id] },
    };
  });
}

/**
 * Someone not on the list: recorded either way (who came, who was turned away), checked in now when allowed.
 * A person card already on the list is not a walk-in: their code (or the list) checks them in.
 */
export function walkIn(
  db: Db,
  actor: Actor,
  input: ParsedInput<'agenda.walkIn'>,
): { attendeeId: string; change: AttendeeChange } {
  return writeTransaction(db, () => {
    const event = editableEvent(db, actor, input.eventId);
    const fromCard = input.cardId ? personDetails(db, input.cardId, 'cardId') : null;
    if (fromCard) {
      const holder = takenIdentities(db, event.id).get(`card:${fromCard.cardId}`);
      if (holder !== undefined) {
        throw conflict(
          `«${holder}» «${event.title}» etkinliğinin katılımcı listesinde var; girişini kodundan ya da listeden yapın.`,
        );
      }
    }
    const details = {
      kind: fromCard ? ('person' as const) : ('external' as const),
      cardId: fromCard?.cardId ?? null,
      userId: null,
      name: input.name,
      email: fromCard?.email ?? null,
      phone: fromCard?.phone ?? null,
      institutionName: input.institutionName ?? fromCard?.institutionName ?? null,
      roleTitle: fromCard?.roleTitle ?? null,
    };
    const attendeeId = insertAttendee(db, actor, event, {
      ...details,
      walkIn: input.allowed ? 'allowed' : 'refused',
      checkedIn: input.allowed,
    });
    return { attendeeId, change: { eventId: event.id, calendarId: event.calendarId, attendeeIds: [attendeeId] } };
  });
}
