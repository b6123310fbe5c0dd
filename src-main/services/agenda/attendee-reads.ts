import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';

/** An attendee row as stored, with what the output shows of its card and user. */
export interface StoredAttendee {
  id: string;
  eventId: string;
  kind: AttendeeOut['kind'];
  cardId: string | null;
  cardType: 'person' | 'institution' | null;
  cardName: string | null;
  userId: string | null;
  userName: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  institutionName: string | null;
  roleTitle: string | null;
  code: string;
  response: AttendeeOut['response'];
  respondedAt: string | null;
  invitedAt: string | null;
  invitedVia: AttendeeOut['invitedVia'];
  checkedInAt: string | null;
  walkIn: AttendeeOut['walkIn'];
}

const SELECT = `select a.id, a.event_id as eventId, a.kind, a.card_id as cardId, c.type as cardType,
    c.display_name as cardName, a.user_id as userId, u.name as userName, a.name, a.email, a.phone,
    a.institution_name as institutionName, a.role_title as roleTitle, a.code, a.response,
    a.responded_at as respondedAt, a.invited_at as invitedAt, a.invited_via as invitedVia,
    a.checked_in_at as checkedInAt, a.walk_in as walkIn
  from event_attendees a
  left join cards c on c.id = a.card_id
  left join users u on u.id = a.user_id`;

export function toAttendeeOut(row: StoredAttendee): AttendeeOut {
  return {
    id: row.id,
    eventId: row.eventId,
    kind: row.kind,
    card:
      row.cardId && row.cardType && row.cardName !== null
        ? { id: row.cardId, type: row.cardType, displayName: row.cardName }
        : null,
    user: row.userId && row.userName !== null ? { id: row.userId, name: row.userName } : null,
    name: row.name,
    email: row.email,
    phone: row.phone,
    institutionName: row.institutionName,
    roleTitle: row.roleTitle,
    code: row.code,
    response: row.response,
    respondedAt: row.respondedAt,
    invitedAt: row.invitedAt,
    invitedVia: row.invitedVia,
    checkedInAt: row.checkedInAt,
    walkIn: row.walkIn,
  };
}

const KIND_ORDER: Record<AttendeeOut['kind'], number> = { person: 0, staff: 1, external: 2 };

/** Persons first, then staff, then outsiders; each group in Turkish alphabetical order of the name. */
export function inListOrder<T extends Pick<StoredAttendee, 'kind' | 'name' | 'id'>>(rows: T[]): T[] {
  const keyed = rows.map((row) => ({ row, key: turkishSortKey(row.name) }));
  keyed.sort(
    (a, b) =>
      KIND_ORDER[a.row.kind] - KIND_ORDER[b.row.kind] ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.row.id < b.row.id ? -1 : 1),
  );
  return keyed.map((k) => k.row);
}

export function storedAttendeesOfEvent(db: Db, eventId: string): StoredAttendee[] {
  return stmt(db, `${SELECT} where a.event_id = ?`).all(eventId) as StoredAttendee[];
}

/** The attendees of an event in list order (persons, staff, outsiders by name). */
export function attendeesOfEvent(db: Db, eventId: string): AttendeeOut[] {
  return inListOrder(storedAttendeesOfEvent(db, eventId)).map(toAttendeeOut);
}

export function storedAttendee(db: Db, id: string): StoredAttendee {
  const row = stmt(db, `${SELECT} where a.id = ?`).get(id) as StoredAttendee | undefined;
  if (!row) throw notFound(`Katılımcı (${id})`);
  return row;
}

/** One lookup through the unique index on the code (door check-in must be instant). */
export function storedAttendeeByCode(db: Db, code: string): StoredAttendee | undefined {
  return stmt(db, `${SELECT} where a.code = ?`).get(code) as StoredAttendee | undefined;
}

export const getAttendeeOut = (db: Db, id: string): AttendeeOut => toAttendeeOut(storedAttendee(db, id));
