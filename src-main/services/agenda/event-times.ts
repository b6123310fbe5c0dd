/**
 * How the agenda writes times. Timed events: UTC instants as `toISOString()` gives them (sortable as text, one
 * spelling per instant, so an exdate or a recurrence id matches by string). All-day events: dates (YYYY-MM-DD),
 * end exclusive; they cover whole days of their own time zone.
 */
import { isIsoDate } from '../../../src-shared/domain/dates';
import { addDays, wallClockIn, zonedToUtc } from '../../../src-shared/domain/zoned-time';

export const DAY_MS = 86_400_000;

/** A wall-clock date and time in some zone. */
export interface Wall {
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function wallOf(ms: number, timeZone: string): Wall {
  const w = wallClockIn(new Date(ms), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, hour: w.hour, minute: w.minute, second: w.second };
}

/**
 * The instant of a wall-clock time in a zone. A time skipped when clocks go forward means the same clock time
 * after the jump (RFC 5545 reads it with the offset before the gap: the same instant); an hour that happens
 * twice means the first.
 */
export function instantOfWall(wall: Wall, timeZone: string): number {
  const [y, m, d] = wall.date.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, wall.hour, wall.minute, wall.second);
  const offset = steadyOffset(timeZone, wall.date, Date.UTC(y, m - 1, d));
  if (offset !== null) return naive - offset;
  return zonedToUtc(wall.date, `${pad(wall.hour)}:${pad(wall.minute)}`, timeZone).getTime() + wall.second * 1000;
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockIn(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone's offset on a wall-clock day when it holds all day (null on a day the clocks change). Asking Intl is
 * what expanding a series costs most, and many series share their days: each zone and day is asked once.
 */
const steadyOffsets = new Map<string, number | null>();
function steadyOffset(timeZone: string, date: string, midnightNaive: number): number | null {
  const key = `${timeZone}|${date}`;
  let offset = steadyOffsets.get(key);
  if (offset === undefined) {
    // Offsets lie within ±14 h: these two instants bracket the whole wall-clock day with room to spare.
    const before = offsetAt(midnightNaive - 15 * 3_600_000, timeZone);
    const after = offsetAt(midnightNaive + 39 * 3_600_000, timeZone);
    offset = before === after ? before : null;
    if (steadyOffsets.size >= 100_000) steadyOffsets.clear();
    steadyOffsets.set(key, offset);
  }
  return offset;
}

/** Where a day of a zone begins (all-day events occupy [start of first day, start of end day)). */
export const dayStartMs = (date: string, timeZone: string): number => zonedToUtc(date, '00:00', timeZone).getTime();

export const isoOf = (ms: number): string => new Date(ms).toISOString();

const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant from what a form or a script sends: ISO with an offset (2026-11-24T10:00:00+03:00), or a wall-clock
 * time without one (2026-11-24T10:00), read in `timeZone`. Null when it is neither.
 */
export function parseInstant(text: string, timeZone: string): number | null {
  const t = text.trim();
  if (WITH_OFFSET_RE.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) || !isIsoDate(t.slice(0, 10)) ? null : ms;
  }
  const m = LOCAL_RE.exec(t);
  if (!m || !isIsoDate(m[1]!)) return null;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  return instantOfWall({ date: m[1]!, hour, minute, second }, timeZone);
}

/** A date for an all-day field: a date as is, or the day (in `timeZone`) of an instant. */
export function parseDay(text: string, timeZone: string): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const ms = parseInstant(t, timeZone);
  return ms === null ? null : wallOf(ms, timeZone).date;
}

/** Whole days from one date to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export { addDays };

/** The [start, end) instants of a stored start and end (all-day: the days of its zone). */
export function spanOf(row: { allDay: boolean; startsAt: string; endsAt: string; timeZone: string }): {
  startMs: number;
  endMs: number;
} {
  if (row.allDay)
    return { startMs: dayStartMs(row.startsAt, row.timeZone), endMs: dayStartMs(row.endsAt, row.timeZone) };
  return { startMs: Date.parse(row.startsAt), endMs: Date.parse(row.endsAt) };
}
