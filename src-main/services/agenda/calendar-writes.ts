import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { invalidInput } from '../../../src-shared/contract/errors';
import { RESOURCE_KINDS, type CalendarKind, type calendarFields } from '../../../src-shared/contract/agenda';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import { assertCanEditCalendar, calendarAccessRow } from './calendar-permissions';
import { assertNoDoubleBookings } from './event-conflicts';

export type CalendarFields = z.output<typeof calendarFields>;

/** A calendar as its audit rows remember it. */
function snapshot(db: Db, id: string) {
  const row = stmt(
    db,
    `select name, kind, color, owner_id as ownerId, visibility, booking, description, archived_at as archivedAt
     from calendars where id = ?`,
  ).get(id) as Record<string, unknown>;
  const members = stmt(db, 'select user_id as userId, can_book as canBook from calendar_members where calendar_id = ?')
    .all(id)
    .map((m) => {
      const member = m as { userId: string; canBook: number };
      return { userId: member.userId, canBook: member.canBook === 1 };
    });
  return { ...row, members };
}

/** One calendar per spelling: "Toplantı Odası 1" and "TOPLANTI ODASI 1" are the same room. */
function checkName(db: Db, name: string, selfId: string | undefined): string {
  const folded = foldForSearch(name);
  const clash = stmt(db, 'select name from calendars where folded_name = ? and id <> ?').get(folded, selfId ?? '') as
    { name: string } | undefined;
  if (clash) {
    const message = `«${clash.name}» adında bir takvim zaten var; başka bir ad seçin.`;
    throw invalidInput(message, { name: message });
  }
  return folded;
}

function writeMembers(db: Db, calendarId: string, members: CalendarFields['members']): void {
  const byUser = new Map(members.map((m) => [m.userId, m.canBook]));
  const exists = stmt(db, 'select 1 from users where id = ?');
  for (const [index, userId] of [...byUser.keys()].entries()) {
    if (!exists.get(userId)) {
      throw invalidInput(`Takvim üyesi olarak seçilen kullanıcı bulunamadı (${userId}).`, {
        [`members.${index}.userId`]: 'Kullanıcı bulunamadı',
      });
    }
  }
  stmt(db, 'delete from calendar_members where calendar_id = ?').run(calendarId);
  const insert = stmt(db, 'insert into calendar_members (calendar_id, user_id, can_book) values (?, ?, ?)');
  for (const [userId, canBook] of byUser) insert.run(calendarId, userId, canBook ? 1 : 0);
}

/** Adds a calendar (anyone; they own it) or changes one (its owner or an admin). Answers its id. */
export function saveCalendar(db: Db, actor: Actor, input: CalendarFields & { id?: string | undefined }): string {
  return writeTransaction(db, () => {
    const folded = checkName(db, input.name, input.id);
    const values = [
      input.name,
      folded,
      input.kind,
      input.color.toLowerCase(),
      input.visibility,
      input.booking,
      input.description ?? null,
    ];
    if (input.id) {
      const calendar = calendarAccessRow(db, input.id);
      assertCanEditCalendar(db, calendar, actor.userId);
      const before = snapshot(db, calendar.id);
      stmt(
        db,
        `update calendars set name = ?, folded_name = ?, kind = ?, color = ?, visibility = ?, booking = ?,
           description = ?, updated_at = ? where id = ?`,
      ).run(...values, actor.at, calendar.id);
      writeMembers(db, calendar.id, input.members);
      // A calendar that becomes a room, vehicle or equipment must not hold double bookings from then on.
      if (RESOURCE_KINDS.includes(input.kind) && !RESOURCE_KINDS.includes(calendar.kind as CalendarKind)) {
        assertNoDoubleBookings(db, calendar.id, actor.at);
      }
      const after = snapshot(db, calendar.id);
      writeAudit(db, {
        ...actor,
        action: 'calendar_save',
        entityType: 'calendar',
        entityId: calendar.id,
        before,
        after,
      });
      return calendar.id;
    }
    const id = newId();
    stmt(
      db,
      `insert into calendars (name, folded_name, kind, color, visibility, booking, description, owner_id, id,
         created_at, updated_at, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...values, actor.userId, id, actor.at, actor.at, actor.userId);
    writeMembers(db, id, input.members);
    writeAudit(db, {
      ...actor,
      action: 'calendar_save',
      entityType: 'calendar',
      entityId: id,
      after: snapshot(db, id),
    });
    return id;
  });
}

/** Archives a calendar (it leaves the pickers and takes no bookings; its events stay) or brings it back. */
export function archiveCalendar(db: Db, actor: Actor, input: { id: string; archived: boolean }): string {
  return writeTransaction(db, () => {
    const calendar = calendarAccessRow(db, input.id);
    assertCanEditCalendar(db, calendar, actor.userId);
    if ((calendar.archivedAt !== null) === input.archived) return calendar.id;
    stmt(db, 'update calendars set archived_at = ?, updated_at = ? where id = ?').run(
      input.archived ? actor.at : null,
      actor.at,
      calendar.id,
    );
    writeAudit(db, {
      ...actor,
      action: 'calendar_archive',
      entityType: 'calendar',
      entityId: calendar.id,
      before: { archived: !input.archived },
      after: { archived: input.archived },
    });
    return calendar.id;
  });
}
