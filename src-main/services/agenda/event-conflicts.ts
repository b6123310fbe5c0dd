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

/** The slots an event occupies: its own, or its series' instances over the horizon. */
function slotsOf(db: Db, event: EventRow): Slot[] {
  if (!event.rrule) return [spanOf(event)];
  const spec = seriesSpecOf(
    event,
    overridesOf(db, event.id).map((o) => o.recurrenceId ?? ''),
  );
  const startMs = spanOf(event).startMs;
  return expandSeries(spec, startMs, startMs + SERIES_HORIZON_MS, { maxInstances: SERIES_HORIZON_INSTANCES }).instances;
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

/** Refuses the event (by id, as now written) when it overlaps another live booking of its resource calendar. */
export function assertNoConflict(db: Db, eventId: string): void {
  const event = eventRow(db, eventId);
  if (event.deletedAt) return;
  const calendar = stmt(db, 'select name, kind from calendars where id = ?').get(event.calendarId) as {
    name: string;
    kind: CalendarKind;
  };
  if (!RESOURCE_KINDS.includes(calendar.kind)) return;
  const slots = slotsOf(db, event).sort((a, b) => a.startMs - b.startMs);
  if (slots.length === 0) return;
  const fromMs = slots[0]!.startMs;
  const toMs = Math.max(...slots.map((s) => Math.max(s.endMs, s.startMs + 1)));
  const { instances } = eventInstances(db, { fromMs, toMs, calendarIds: [event.calendarId], excludeEventId: event.id });
  for (const slot of slots) {
    // A booking that ends when another starts (10–11 and 11–12) does not clash; an instant booking is a moment.
    const slotEnd = Math.max(slot.endMs, slot.startMs + 1);
    for (const other of instances) {
      if (other.startMs >= slotEnd) break;
      if (Math.max(other.endMs, other.startMs + 1) <= slot.startMs) continue;
      const holder = holderName(db, other.event);
      throw conflict(
        `«${calendar.name}» ${whenText(other, firmTimeZone(db))} dolu: «${other.event.title}»` +
          (holder ? ` (${holder})` : ''),
      );
    }
  }
}
