import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { attendeesOfEvent } from './attendee-reads';
import { calendarAccessRow, canEditEvent } from './calendar-permissions';
import { eventRow } from './event-rows';

/** The event's cards, merged-away ones excluded (a merge moves the link to the survivor), in Turkish order. */
export function cardsOfEvent(db: Db, eventId: string): EventOut['cards'] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from event_cards ec join cards c on c.id = ec.card_id
     where ec.event_id = ? and c.merged_into is null order by c.sort_key`,
  ).all(eventId) as EventOut['cards'];
}

/** Live documents attached to the event, by name. */
export function documentsOfEvent(db: Db, eventId: string): EventOut['documents'] {
  return stmt(
    db,
    `select d.id, d.name, d.mime_type as mimeType, d.size
     from event_documents ed join documents d on d.id = ed.document_id
     where ed.event_id = ? and d.deleted_at is null order by d.created_at, d.id`,
  ).all(eventId) as EventOut['documents'];
}

function userRef(db: Db, id: string | null): EventOut['organizer'] {
  if (!id) return null;
  const name = stmt(db, 'select name from users where id = ?').pluck().get(id) as string | undefined;
  return name === undefined ? null : { id, name };
}

/** One event as agenda.getEvent answers it, seen by `userId` (canEdit: may change or delete it). */
export function getEventOut(db: Db, id: string, userId: string): EventOut {
  const event = eventRow(db, id);
  const calendar = calendarAccessRow(db, event.calendarId);
  const color = stmt(db, 'select color from calendars where id = ?').pluck().get(calendar.id) as string;
  return {
    id: event.id,
    calendarId: calendar.id,
    calendarName: calendar.name,
    color,
    title: event.title,
    location: event.location,
    description: event.description,
    allDay: event.allDay,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    rrule: event.rrule,
    exdates: event.exdates,
    parentId: event.parentId,
    recurrenceId: event.recurrenceId,
    uid: event.uid,
    cards: cardsOfEvent(db, event.id),
    documents: documentsOfEvent(db, event.id),
    attendees: attendeesOfEvent(db, event.id),
    remindMinutes: event.remindMinutes,
    organizer: userRef(db, event.organizerId),
    canEdit: canEditEvent(db, event.id, userId),
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
    deleted: event.deletedAt !== null,
  };
}
