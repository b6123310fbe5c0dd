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
import { dayIn } from '../../../src-shared/domain/zoned-time';
import type { Actor } from '../documents/document-writes';
import { firmTimeZone } from '../planner/firm-time';
import { codeCandidates } from './attendee-codes';
import { assertCanSeeEvent, calendarAccessRow, canSeeCalendar } from './calendar-permissions';
import { attendeeEventRow, liveAttendeeEvent, type AttendeeEventRow } from './attendee-event-row';
import { getAttendeeOut, storedAttendeeByCode, toAttendeeOut, type StoredAttendee } from './attendee-reads';
import { auditAttendee, snapshotOf } from './attendee-audit';
import { personDetails } from './attendee-sources';
import { insertAttendee, takenIdentities, type AttendeeChange } from './attendee-writes';

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

/** The event at the door: live, on a calendar the acting user sees (checking people in changes nothing else). */
function doorEvent(db: Db, actor: Actor, eventId: string): AttendeeEventRow {
  const event = liveAttendeeEvent(db, eventId);
  assertCanSeeEvent(db, eventId, actor.userId);
  return event;
}

/** Checked in earlier on the same day of the firm's calendar: a series' attendee comes again on the next one. */
function checkedInToday(db: Db, checkedInAt: string | null, now: string): boolean {
  if (!checkedInAt) return false;
  const zone = firmTimeZone(db);
  return dayIn(new Date(checkedInAt), zone) === dayIn(new Date(now), zone);
}

export function checkIn(db: Db, actor: Actor, input: ParsedInput<'agenda.checkIn'>): CheckInResult {
  return writeTransaction(db, () => {
    const event = doorEvent(db, actor, input.eventId);
    const row = findByCode(db, input.code);
    if (!row) return { result: 'unknown_code', attendee: null, otherEventTitle: null, change: null };
    if (row.eventId !== event.id) {
      // The person at the door with another day's invitation: say which event it is for (when the user may see
      // it), let in nobody, and show nothing of the other event's attendee.
      const other = attendeeEventRow(db, row.eventId);
      const visible = canSeeCalendar(db, calendarAccessRow(db, other.calendarId), actor.userId);
      return { result: 'other_event', attendee: null, otherEventTitle: visible ? other.title : null, change: null };
    }
    if (checkedInToday(db, row.checkedInAt, actor.at)) {
      return { result: 'already_checked_in', attendee: toAttendeeOut(row), otherEventTitle: null, change: null };
    }
    // A new day of a series (or the first time): checked in again; the audit keeps the earlier check-ins.
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
    const event = doorEvent(db, actor, input.eventId);
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
