/**
 * Resource calendars (rooms, vehicles, equipment) cannot be double-booked. Checked after the write, inside its
 * transaction, against what the database then holds (so a changed instance already hides the instance it
 * replaces); a clash throws CONFLICT naming who holds the slot and the transaction rolls back.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { conflict } from '../../../src-shared/contract/errors';
import { RESOURCE_KINDS, type CalendarKind } from '../../../src-shared/contract/agenda';
import { firmTimeZone } from '../planner/firm-time';
import { DAY_MS, addDays, spanOf, wallOf } from './event-times';
import { expandSeries } from './event-recurrence';
import { eventRow, overridesOf, seriesSpecOf, type EventRow } from './event-rows';
import { eventInstances, type EventInstance } from './event-occurrences';

/** How far ahead a series is checked: two years or a thousand instances, whichever comes first. */
const SERIES_HORIZON_MS = 2 * 366 * DAY_MS;
const SERIES_HORIZON_INSTANCES = 1_000;

interface Slot {
  startMs: number;
  endMs: number;
}

/**
 * The slots an event occupies: its own, or its series' instances over the horizon. A series begun years ago still
 * books the room from now on, so it is checked from now (less its length: an instance under way counts), or from
 * its first date when that is later.
 */
function slotsOf(db: Db, event: EventRow, nowMs: number): Slot[] {
  if (!event.rrule) return [spanOf(event)];
  const spec = seriesSpecOf(
    event,
    overridesOf(db, event.id).map((o) => o.recurrenceId ?? ''),
  );
  const { startMs, endMs } = spanOf(event);
  const fromMs = Math.max(startMs, nowMs - Math.max(endMs - startMs, 0));
  return expandSeries(spec, fromMs, fromMs + SERIES_HORIZON_MS, { maxInstances: SERIES_HORIZON_INSTANCES }).instances;
}

const pad = (n: number) => String(n).padStart(2, '0');
const trDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** "24.11.2026 10:00–11:00 arasında", "24.11.2026 günü", "24.11.2026–26.11.2026 arasında" (the firm's clock). */
function whenText(instance: EventInstance, timeZone: string): string {
  if (instance.event.allDay) {
    const last = addDays(instance.end, -1);
    return last === instance.start
      ? `${trDate(instance.start)} günü`
      : `${trDate(instance.start)}–${trDate(last)} arasında`;
  }
  const start = wallOf(instance.startMs, timeZone);
  const end = wallOf(instance.endMs, timeZone);
  const startText = `${trDate(start.date)} ${pad(start.hour)}:${pad(start.minute)}`;
  const endClock = `${pad(end.hour)}:${pad(end.minute)}`;
  return `${startText}–${end.date === start.date ? endClock : `${trDate(end.date)} ${endClock}`} arasında`;
}

/** Who holds a slot: the organizer, else whoever wrote the event down. */
function holderName(db: Db, event: EventRow): string | null {
  const id = event.organizerId ?? event.createdBy;
  if (!id) return null;
  return (stmt(db, 'select name from users where id = ?').pluck().get(id) as string | undefined) ?? null;
}

/** A booking that ends when another starts (10–11 and 11–12) does not clash; an instant booking is a moment. */
const slotEnd = (slot: Slot) => Math.max(slot.endMs, slot.startMs + 1);

function clashText(calendarName: string, other: EventInstance, db: Db): string {
  const holder = holderName(db, other.event);
  return (
    `«${calendarName}» ${whenText(other, firmTimeZone(db))} dolu: «${other.event.title}»` +
    (holder ? ` (${holder})` : '')
  );
}

function resourceCalendar(db: Db, calendarId: string): { name: string; kind: CalendarKind } {
  return stmt(db, 'select name, kind from calendars where id = ?').get(calendarId) as {
    name: string;
    kind: CalendarKind;
  };
}

/**
 * Refuses the event (by id, as now written) when it overlaps another live booking of its resource calendar.
 * `now` (the acting clock) is where an old series starts to be checked.
 */
export function assertNoConflict(db: Db, eventId: string, now: string): void {
  const event = eventRow(db, eventId);
  if (event.deletedAt) return;
  const calendar = resourceCalendar(db, event.calendarId);
  if (!RESOURCE_KINDS.includes(calendar.kind)) return;
  const slots = slotsOf(db, event, Date.parse(now)).sort((a, b) => a.startMs - b.startMs);
  if (slots.length === 0) return;
  const fromMs = slots[0]!.startMs;
  const toMs = Math.max(...slots.map(slotEnd));
  const { instances } = eventInstances(db, {
    fromMs,
    toMs,
    calendarIds: [event.calendarId],
    excludeEventId: event.id,
    // A check that gave up early would let a double booking through: each series is still capped on its own.
    iterationBudget: Number.POSITIVE_INFINITY,
  });
  for (const slot of slots) {
    for (const other of instances) {
      if (other.startMs >= slotEnd(slot)) break;
      if (slotEnd(other) <= slot.startMs) continue;
      throw conflict(clashText(calendar.name, other, db));
    }
  }
}

/**
 * A calendar about to become a room, vehicle or equipment: refuses when two of its live events overlap from now
 * on (series over the horizon, single events however far ahead), naming the slot, the holder and the other one.
 */
export function assertNoDoubleBookings(db: Db, calendarId: string, now: string): void {
  const calendar = resourceCalendar(db, calendarId);
  const nowMs = Date.parse(now);
  const lastSingleEnd = stmt(
    db,
    'select max(ends_at) from events where calendar_id = ? and deleted_at is null and rrule is null',
  )
    .pluck()
    .get(calendarId) as string | null;
  // An all-day end is a date: a day of slack covers its zone.
  const toMs = Math.max(nowMs + SERIES_HORIZON_MS, lastSingleEnd ? Date.parse(lastSingleEnd) + DAY_MS : 0);
  const { instances } = eventInstances(db, {
    fromMs: nowMs,
    toMs,
    calendarIds: [calendarId],
    iterationBudget: Number.POSITIVE_INFINITY,
  });
  // Instances are ordered by start: each is compared with the earlier ones still running when it starts.
  let running: EventInstance[] = [];
  for (const instance of instances) {
    running = running.filter((r) => slotEnd(r) > instance.startMs);
    const other = running.find((r) => r.event.id !== instance.event.id);
    if (other) {
      throw conflict(
        `${clashText(calendar.name, other, db)}; aynı saatteki «${instance.event.title}» ile çakışıyor. ` +
          'Çakışma giderilmeden takvim oda, araç ya da ekipman takvimi yapılamaz.',
      );
    }
    running.push(instance);
  }
}
