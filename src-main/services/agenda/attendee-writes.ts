/**
 * The attendee list of an event: adding (each with a personal code), correcting, removing, recording invitations.
 * Every write is one transaction with its audit rows; the caller announces agenda.changed afterwards.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { ParsedInput } from '../../../src-shared/contract';
import type { Actor } from '../documents/document-writes';
import { assertCanEditEvent } from './calendar-permissions';
import { liveAttendeeEvent, type AttendeeEventRow } from './attendee-event-row';
import { newAttendeeCode } from './attendee-codes';
import { attendeeDetails, identityKeys, type AttendeeDetails } from './attendee-sources';
import { storedAttendee, storedAttendeesOfEvent } from './attendee-reads';
import { auditAttendee, snapshotOf } from './attendee-audit';

/** What a write touched: the event (and its calendar, for agenda.changed) and the attendees. */
export interface AttendeeChange {
  eventId: string;
  calendarId: string;
  attendeeIds: string[];
}

/** The event of a change, checked: live, and the acting user may change it. */
export function editableEvent(db: Db, actor: Actor, eventId: string): AttendeeEventRow {
  const event = liveAttendeeEvent(db, eventId);
  assertCanEditEvent(db, eventId, actor.userId);
  return event;
}

export interface NewAttendee extends AttendeeDetails {
  walkIn?: 'allowed' | 'refused';
  checkedIn?: boolean;
}

/** Inserts one attendee with a fresh code and audits it (inside the caller's transaction). */
export function insertAttendee(db: Db, actor: Actor, event: AttendeeEventRow, a: NewAttendee): string {
  const id = newId();
  stmt(
    db,
    `insert into event_attendees (id, event_id, kind, card_id, user_id, name, email, phone, institution_name,
       role_title, code, response, walk_in, checked_in_at, checked_in_by, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'needs_action', ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.id,
    a.kind,
    a.cardId,
    a.userId,
    a.name,
    a.email,
    a.phone,
    a.institutionName,
    a.roleTitle,
    newAttendeeCode(db),
    a.walkIn ?? null,
    a.checkedIn ? actor.at : null,
    a.checkedIn ? actor.userId : null,
    actor.at,
    actor.at,
    actor.userId,
  );
  auditAttendee(db, actor, 'create', id, undefined, snapshotOf(db, id, event.title));
  return id;
}

/** Who already holds each identity (card, user, e-mail) on the event, by name. */
export function takenIdentities(db: Db, eventId: string): Map<string, string> {
  const taken = new Map<string, string>();
  for (const row of storedAttendeesOfEvent(db, eventId)) {
    for (const key of identityKeys(row)) taken.set(key, row.name);
  }
  return taken;
}

/** The sentence refusing a second attendee with the same card, user or e-mail address. */
export function duplicateMessage(key: string, holder: string, newcomer: AttendeeDetails, eventTitle: string): string {
  return key.startsWith('email:')
    ? `${newcomer.email} adresi «${eventTitle}» etkinliğinde «${holder}» katılımcısında zaten kayıtlı.`
    : `«${newcomer.name}» «${eventTitle}» etkinliğinin katılımcıları arasında zaten var.`;
}

export function addAttendees(db: Db, actor: Actor, input: ParsedInput<'agenda.addAttendees'>): AttendeeChange {
  return writeTransaction(db, () => {
    const event = editableEvent(db, actor, input.eventId);
    const taken = takenIdentities(db, event.id);
    const details = input.attendees.map((a, i) => attendeeDetails(db, a, i));
    // All refusals before the first insert: a list is added whole or not at all.
    details.forEach((d, i) => {
      for (const key of identityKeys(d)) {
        const holder = taken.get(key);
        if (holder !== undefined) {
          const message = duplicateMessage(key, holder, d, event.title);
          throw invalidInput(message, { [`attendees.${i}`]: message });
        }
        taken.set(key, d.name);
      }
    });
    const attendeeIds = details.map((d) => insertAttendee(db, actor, event, d));
    return { eventId: event.id, calendarId: event.calendarId, attendeeIds };
  });
}

/**
 * Without `name`: only the response (recorded by hand: a phone call). With `name`: a badge correction, which
 * replaces name, institution and role together (an emptied field clears it).
 */
export function updateAttendee(db: Db, actor: Actor, input: ParsedInput<'agenda.updateAttendee'>): AttendeeChange {
  return writeTransaction(db, () => {
    const stored = storedAttendee(db, input.id);
    const event = editableEvent(db, actor, stored.eventId);
    const next = { ...stored };
    if (input.response !== undefined && input.response !== stored.response) {
      next.response = input.response;
      next.respondedAt = actor.at;
    }
    if (input.name !== undefined) {
      next.name = input.name;
      next.institutionName = input.institutionName ?? null;
      next.roleTitle = input.roleTitle ?? null;
    }
    const changed = (['response', 'name', 'institutionName', 'roleTitle'] as const).some((k) => next[k] !== stored[k]);
    if (changed) {
      const before = snapshotOf(db, stored.id, event.title);
      stmt(
        db,
        `update event_attendees set response = ?, responded_at = ?, name = ?, institution_name = ?, role_title = ?,
           updated_at = ? where id = ?`,
      ).run(next.response, next.respondedAt, next.name, next.institutionName, next.roleTitle, actor.at, stored.id);
      auditAttendee(db, actor, 'update', stored.id, before, snapshotOf(db, stored.id, event.title));
    }
    return { eventId: event.id, calendarId: event.calendarId, attendeeIds: [stored.id] };
  });
}

export function removeAttendee(db: Db, actor: Actor, id: string): AttendeeChange {
  return writeTransaction(db, () => {
    const stored = storedAttendee(db, id);
    const event = editableEvent(db, actor, stored.eventId);
    const before = snapshotOf(db, id, event.title);
    stmt(db, 'delete from event_attendees where id = ?').run(id);
    auditAttendee(db, actor, 'delete', id, before, undefined);
    return { eventId: event.id, calendarId: event.calendarId, attendeeIds: [id] };
  });
}

/** Records that the attendees (all of one event) were invited now, by mail, SMS or in person. */
export function markInvited(db: Db, actor: Actor, input: ParsedInput<'agenda.markInvited'>): AttendeeChange {
  return writeTransaction(db, () => {
    const rows = [...new Set(input.attendeeIds)].map((id) => storedAttendee(db, id));
    const eventIds = new Set(rows.map((r) => r.eventId));
    if (eventIds.size > 1) {
      throw invalidInput('Davet kaydı tek bir etkinliğin katılımcıları için yapılabilir; seçimde birkaç etkinlik var.');
    }
    const event = editableEvent(db, actor, rows[0]!.eventId);
    const update = stmt(db, 'update event_attendees set invited_at = ?, invited_via = ?, updated_at = ? where id = ?');
    for (const row of rows) {
      const before = snapshotOf(db, row.id, event.title);
      update.run(actor.at, input.via, actor.at, row.id);
      auditAttendee(db, actor, 'update', row.id, before, snapshotOf(db, row.id, event.title));
    }
    return { eventId: event.id, calendarId: event.calendarId, attendeeIds: rows.map((r) => r.id) };
  });
}
