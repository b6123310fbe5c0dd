/**
 * Adding, changing, binning and restoring events, each in one transaction with its cards, search row, audit row
 * and the resource conflict check. A changed instance of a series is its own row (parent_id, recurrence_id);
 * dropping one instance adds it to the series' exdates.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, invalidInput } from '../../../src-shared/contract/errors';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../documents/document-writes';
import type { CardRow } from '../documents/live-rows';
import { cancelPendingNotifications } from '../planner/notify';
import { firmTimeZone } from '../planner/firm-time';
import { assertCanBook, assertCanEditEvent, calendarAccessRow } from './calendar-permissions';
import { checkEventFields, MAX_EXDATES, type CheckedEvent, type EventFieldsIn } from './event-checks';
import { assertNoConflict } from './event-conflicts';
import { indexEventAndInstances } from './event-index';
import { instanceKey, isInstanceOf, rekey } from './event-recurrence';
import { eventRow, liveEvent, overridesOf, seriesSpecOf, type EventRow } from './event-rows';

/** What a write touched: the event, the calendars whose views change, the cards whose timelines show it. */
export interface EventChange {
  eventId: string;
  calendarIds: string[];
  cards: CardRow[];
}

export type SaveEventInput = EventFieldsIn & {
  id?: string | undefined;
  occurrenceStart?: string | undefined;
  expectedUpdatedAt?: string | undefined;
};

/** Every card the event is linked to, from the bin too (their timelines change). */
function linkedCards(db: Db, eventId: string): CardRow[] {
  return stmt(
    db,
    `select c.id, c.type, c.display_name as displayName
     from event_cards ec join cards c on c.id = ec.card_id where ec.event_id = ? order by c.sort_key`,
  ).all(eventId) as CardRow[];
}

function writeCards(db: Db, eventId: string, cards: readonly CardRow[]): void {
  stmt(db, 'delete from event_cards where event_id = ?').run(eventId);
  const insert = stmt(db, 'insert into event_cards (event_id, card_id) values (?, ?)');
  for (const card of cards) insert.run(eventId, card.id);
}

/** The event as its audit rows remember it: readable without the event, which may change or go to the bin. */
export function eventSnapshot(db: Db, id: string) {
  const e = eventRow(db, id);
  const calendar = stmt(db, 'select name from calendars where id = ?').pluck().get(e.calendarId) as string;
  return {
    title: e.title,
    calendar,
    allDay: e.allDay,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    rrule: e.rrule,
    exdates: e.exdates,
    location: e.location,
    cards: linkedCards(db, id).map((c) => c.displayName),
    remindMinutes: e.remindMinutes,
    seriesId: e.parentId,
    recurrenceId: e.recurrenceId,
  };
}

function audit(db: Db, actor: Actor, action: AuditAction, eventId: string, before: unknown, after: unknown): void {
  writeAudit(db, { ...actor, action, entityType: 'event', entityId: eventId, before, after });
}

/** Where a new row comes from besides its fields: an import's UID, a series for a changed instance. */
export interface InsertMeta {
  uid?: string;
  parentId?: string;
  recurrenceId?: string;
  organizerId?: string | null;
  sequence?: number;
  action?: AuditAction;
}

/** Writes a new events row with its cards, search row and audit row, then checks the resource calendar. */
export function insertEvent(db: Db, actor: Actor, event: CheckedEvent, meta: InsertMeta = {}): string {
  const id = newId();
  stmt(
    db,
    `insert into events (id, calendar_id, title, location, description, all_day, starts_at, ends_at, time_zone,
       rrule, exdates, series_ends_at, parent_id, recurrence_id, uid, sequence, organizer_id, remind_minutes,
       created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.calendarId,
    event.title,
    event.location,
    event.description,
    event.allDay ? 1 : 0,
    event.startsAt,
    event.endsAt,
    event.timeZone,
    event.rrule,
    event.rrule ? JSON.stringify(event.exdates) : null,
    event.seriesEndsAt,
    meta.parentId ?? null,
    meta.recurrenceId ?? null,
    meta.uid ?? `${id}@kartotek`,
    meta.sequence ?? 0,
    meta.organizerId === undefined ? actor.userId : meta.organizerId,
    event.remindMinutes,
    actor.at,
    actor.at,
    actor.userId,
  );
  writeCards(db, id, event.cards);
  indexEventAndInstances(db, id);
  audit(db, actor, meta.action ?? 'event_add', id, undefined, eventSnapshot(db, id));
  assertNoConflict(db, id, actor.at);
  return id;
}

function createEvent(db: Db, actor: Actor, input: SaveEventInput): EventChange {
  assertCanBook(db, calendarAccessRow(db, input.calendarId), actor.userId);
  const event = checkEventFields(db, input, { defaultTimeZone: firmTimeZone(db) });
  const id = insertEvent(db, actor, event);
  return { eventId: id, calendarIds: [event.calendarId], cards: event.cards };
}

function assertNotChangedSince(stored: EventRow, expectedUpdatedAt: string | undefined): void {
  // Every field is replaced: a save from a form opened before someone else's change would undo it silently.
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== stored.updatedAt) {
    throw conflict(
      `«${stored.title}» siz düzenlerken değiştirildi; etkinliği yeniden açıp değişikliklerinizi tekrar yapın.`,
    );
  }
}

const sameTimes = (a: EventRow, b: CheckedEvent) =>
  a.startsAt === b.startsAt &&
  a.endsAt === b.endsAt &&
  a.allDay === b.allDay &&
  a.timeZone === b.timeZone &&
  a.rrule === b.rrule &&
  JSON.stringify(a.rrule ? a.exdates : []) === JSON.stringify(b.rrule ? b.exdates : []);

function writeFields(db: Db, actor: Actor, stored: EventRow, event: CheckedEvent): void {
  stmt(
    db,
    `update events set calendar_id = ?, title = ?, location = ?, description = ?, all_day = ?, starts_at = ?,
       ends_at = ?, time_zone = ?, rrule = ?, exdates = ?, series_ends_at = ?, remind_minutes = ?,
       sequence = sequence + ?, updated_at = ?
     where id = ?`,
  ).run(
    event.calendarId,
    event.title,
    event.location,
    event.description,
    event.allDay ? 1 : 0,
    event.startsAt,
    event.endsAt,
    event.timeZone,
    event.rrule,
    event.rrule ? JSON.stringify(event.exdates) : null,
    event.seriesEndsAt,
    event.remindMinutes,
    // Invitations carry SEQUENCE: a new time must supersede the one attendees have.
    sameTimes(stored, event) ? 0 : 1,
    actor.at,
    stored.id,
  );
  // A reminder due at the old time must not fire; the reminder job schedules the new one.
  cancelPendingNotifications(db, 'event', stored.id, ['event_starts']);
}

/**
 * A series' changed instances follow the series: to its calendar, and to its new time of day (keeping their
 * dates). When the series stops repeating they have nothing left to replace and go to the bin.
 */
function carryInstances(db: Db, actor: Actor, stored: EventRow, event: CheckedEvent): string[] {
  const overrides = overridesOf(db, stored.id);
  const moved: string[] = [];
  for (const o of overrides) {
    if (!event.rrule) {
      if (!o.deletedAt) {
        stmt(db, 'update events set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?').run(
          actor.at,
          actor.userId,
          actor.at,
          o.id,
        );
      }
      continue;
    }
    const key = rekey(o.recurrenceId ?? '', stored, event);
    stmt(db, 'update events set recurrence_id = ?, calendar_id = ? where id = ?').run(key, event.calendarId, o.id);
    if (o.calendarId !== event.calendarId && !o.deletedAt) moved.push(o.id);
  }
  return moved;
}

function updateEvent(db: Db, actor: Actor, stored: EventRow, input: SaveEventInput): EventChange {
  assertCanEditEvent(db, stored.id, actor.userId);
  if (stored.parentId) return updateInstance(db, actor, stored, input);
  // Moving it to another calendar is a booking there, under that calendar's rule.
  if (input.calendarId !== stored.calendarId) assertCanBook(db, calendarAccessRow(db, input.calendarId), actor.userId);
  const oldCards = linkedCards(db, stored.id);
  const event = checkEventFields(db, input, {
    defaultTimeZone: stored.timeZone,
    previous: stored.rrule ? stored : undefined,
    keptCardIds: new Set(oldCards.map((c) => c.id)),
  });
  const before = eventSnapshot(db, stored.id);
  writeFields(db, actor, stored, event);
  const moved = stored.rrule ? carryInstances(db, actor, stored, event) : [];
  writeCards(db, stored.id, event.cards);
  indexEventAndInstances(db, stored.id);
  audit(db, actor, 'event_change', stored.id, before, eventSnapshot(db, stored.id));
  assertNoConflict(db, stored.id, actor.at);
  for (const id of moved) assertNoConflict(db, id, actor.at);
  return {
    eventId: stored.id,
    calendarIds: [...new Set([stored.calendarId, event.calendarId])],
    cards: [...oldCards, ...event.cards.filter((c) => !oldCards.some((o) => o.id === c.id))],
  };
}

function sameCalendar(series: EventRow, calendarId: string): void {
  if (calendarId !== series.calendarId) {
    const message = 'Serinin tek bir tekrarı başka bir takvime taşınamaz; tüm seriyi taşıyın.';
    throw invalidInput(message, { calendarId: message });
  }
}

/** Changes an already changed instance of a series (its own row). */
function updateInstance(db: Db, actor: Actor, stored: EventRow, input: SaveEventInput): EventChange {
  sameCalendar(stored, input.calendarId);
  const oldCards = linkedCards(db, stored.id);
  const event = checkEventFields(db, input, {
    defaultTimeZone: stored.timeZone,
    instance: true,
    keptCardIds: new Set(oldCards.map((c) => c.id)),
  });
  const before = eventSnapshot(db, stored.id);
  writeFields(db, actor, stored, event);
  writeCards(db, stored.id, event.cards);
  indexEventAndInstances(db, stored.id);
  audit(db, actor, 'event_change', stored.id, before, eventSnapshot(db, stored.id));
  assertNoConflict(db, stored.id, actor.at);
  return {
    eventId: stored.id,
    calendarIds: [stored.calendarId],
    cards: [...oldCards, ...event.cards.filter((c) => !oldCards.some((o) => o.id === c.id))],
  };
}

/** The key of one instance of a series, refused unless the series really has it (and has not dropped it). */
function seriesInstanceKey(series: EventRow, occurrenceStart: string): string {
  const key = instanceKey(series, occurrenceStart);
  if (key === null || series.exdates.includes(key) || !isInstanceOf(seriesSpecOf(series), key)) {
    const message = `«${series.title}» serisinin ${occurrenceStart} tarihli bir tekrarı yok (ya da silinmiş).`;
    throw invalidInput(message, { occurrenceStart: message });
  }
  return key;
}

function overrideAt(db: Db, seriesId: string, key: string): EventRow | undefined {
  return overridesOf(db, seriesId).find((o) => o.recurrenceId === key);
}

/** "Only this one": the instance becomes (or already is) its own row, the series leaves that date alone. */
function saveInstance(db: Db, actor: Actor, stored: EventRow, input: SaveEventInput & { occurrenceStart: string }) {
  if (stored.parentId) return updateEvent(db, actor, stored, input);
  if (!stored.rrule) {
    const message = `«${stored.title}» tekrarlanan bir etkinlik değil; tek bir tekrarı değiştirilemez.`;
    throw invalidInput(message, { occurrenceStart: message });
  }
  assertCanEditEvent(db, stored.id, actor.userId);
  const key = instanceKey(stored, input.occurrenceStart);
  const existing = key === null ? undefined : overrideAt(db, stored.id, key);
  if (existing) {
    if (existing.deletedAt) throw invalidInput(`«${existing.title}» (bu tekrar) çöp kutusunda; önce geri yükleyin.`);
    return updateInstance(db, actor, existing, input);
  }
  const recurrenceId = seriesInstanceKey(stored, input.occurrenceStart);
  sameCalendar(stored, input.calendarId);
  const event = checkEventFields(db, input, { defaultTimeZone: stored.timeZone, instance: true });
  const id = insertEvent(db, actor, event, {
    uid: stored.uid,
    parentId: stored.id,
    recurrenceId,
    organizerId: stored.organizerId,
    sequence: stored.sequence,
  });
  // The instance's reminder, due at its old time, was the series'; the changed copy gets its own.
  cancelPendingNotifications(db, 'event', stored.id, ['event_starts']);
  return { eventId: id, calendarIds: [stored.calendarId], cards: event.cards };
}

/** Adds or changes an event; with `occurrenceStart` only that instance of a series. */
export function saveEvent(db: Db, actor: Actor, input: SaveEventInput): EventChange {
  return writeTransaction(db, () => {
    if (!input.id) {
      if (input.occurrenceStart !== undefined) {
        throw invalidInput('Tek bir tekrarı değiştirmek için serinin kimliği (id) gerekli.');
      }
      return createEvent(db, actor, input);
    }
    const stored = liveEvent(db, input.id);
    assertNotChangedSince(stored, input.expectedUpdatedAt);
    if (input.occurrenceStart !== undefined) {
      return saveInstance(db, actor, stored, { ...input, occurrenceStart: input.occurrenceStart });
    }
    return updateEvent(db, actor, stored, input);
  });
}

function binRow(db: Db, actor: Actor, event: EventRow): void {
  stmt(db, 'update events set deleted_at = ?, deleted_by = ?, updated_at = ? where id = ?').run(
    actor.at,
    actor.userId,
    actor.at,
    event.id,
  );
  cancelPendingNotifications(db, 'event', event.id, ['event_starts']);
  indexEventAndInstances(db, event.id);
}

/**
 * Moves an event (a whole series with its changed instances) to the recycle bin, or drops one instance of a
 * series: a changed one goes to the bin, an unchanged one becomes an exdate.
 */
export function deleteEvent(db: Db, actor: Actor, input: { id: string; occurrenceStart?: string | undefined }) {
  return writeTransaction(db, (): EventChange => {
    const stored = liveEvent(db, input.id);
    assertCanEditEvent(db, stored.id, actor.userId);
    const cards = linkedCards(db, stored.id);
    const change = { eventId: stored.id, calendarIds: [stored.calendarId], cards };
    if (input.occurrenceStart === undefined || !stored.rrule) {
      const before = eventSnapshot(db, stored.id);
      binRow(db, actor, stored);
      audit(db, actor, 'event_delete', stored.id, before, undefined);
      return change;
    }
    const key = instanceKey(stored, input.occurrenceStart);
    const existing = key === null ? undefined : overrideAt(db, stored.id, key);
    if (existing && !existing.deletedAt) {
      const before = eventSnapshot(db, existing.id);
      binRow(db, actor, existing);
      audit(db, actor, 'event_delete', existing.id, before, undefined);
      return { ...change, eventId: existing.id, cards: linkedCards(db, existing.id) };
    }
    const dropped = seriesInstanceKey(stored, input.occurrenceStart);
    if (stored.exdates.length >= MAX_EXDATES) {
      throw invalidInput(
        `«${stored.title}» serisinden en çok ${MAX_EXDATES} tekrar tek tek silinebilir; seriyi bir tarihte bitirip yenisini başlatın.`,
      );
    }
    const before = eventSnapshot(db, stored.id);
    stmt(db, 'update events set exdates = ?, sequence = sequence + 1, updated_at = ? where id = ?').run(
      JSON.stringify([...stored.exdates, dropped].sort()),
      actor.at,
      stored.id,
    );
    // The dropped instance's reminder must not fire; the reminder job schedules the others again.
    cancelPendingNotifications(db, 'event', stored.id, ['event_starts']);
    audit(db, actor, 'event_change', stored.id, before, eventSnapshot(db, stored.id));
    return change;
  });
}

/** Brings an event back from the recycle bin, unless its slot on a resource calendar was booked since. */
export function restoreEvent(db: Db, actor: Actor, id: string): EventChange {
  return writeTransaction(db, () => {
    const stored = eventRow(db, id);
    if (!stored.deletedAt) throw invalidInput(`«${stored.title}» çöp kutusunda değil.`);
    if (stored.parentId && eventRow(db, stored.parentId).deletedAt) {
      throw invalidInput(`«${stored.title}» bir serinin tekrarı; önce seriyi geri yükleyin.`);
    }
    assertCanEditEvent(db, stored.id, actor.userId);
    stmt(db, 'update events set deleted_at = null, deleted_by = null, updated_at = ? where id = ?').run(
      actor.at,
      stored.id,
    );
    indexEventAndInstances(db, stored.id);
    audit(db, actor, 'event_restore', stored.id, undefined, eventSnapshot(db, stored.id));
    assertNoConflict(db, stored.id, actor.at);
    for (const o of overridesOf(db, stored.id)) if (!o.deletedAt) assertNoConflict(db, o.id, actor.at);
    return { eventId: stored.id, calendarIds: [stored.calendarId], cards: linkedCards(db, stored.id) };
  });
}
