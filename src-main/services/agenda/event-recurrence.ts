/**
 * Recurring events (RFC 5545 RRULE) expanded with ical.js in the series' own time zone: the rule runs on the
 * wall clock (floating times), and each instance's wall-clock start becomes an instant in that zone, so "every
 * Monday 10:00 Europe/Berlin" stays 10:00 in Berlin across March and October. Expansion is lazy: it stops at the
 * end of the asked range, and rules without COUNT start near the range instead of at a DTSTART years back.
 */
import ICAL from 'ical.js';
import { isIsoDate } from '../../../src-shared/domain/dates';
import {
  DAY_MS,
  addDays,
  dayStartMs,
  daysBetween,
  instantOfWall,
  isoOf,
  parseInstant,
  wallOf,
  type Wall,
} from './event-times';

type Recur = InstanceType<typeof ICAL.Recur>;
type ICalTime = InstanceType<typeof ICAL.Time>;

/** Instances looked at per series and call; past it the answer says truncated. */
export const MAX_ITERATIONS = 10_000;
/**
 * Instances counted to find where a finite series ends. Past it a COUNT rule is expanded lazily like an endless
 * one and an UNTIL rule ends at its UNTIL: storing a series must stay cheap, also for a file full of them.
 */
const COUNTED_INSTANCES = 2_000;
/**
 * Steps ical.js may take to find one next instance. A rule that can never match (31 February, every 7th day
 * on a Tuesday from a Monday) would otherwise spin for ever inside ical.js; 2,000 daily steps cover the rarest
 * real rules (29 February: 1,461 days).
 */
const STEPS_PER_INSTANCE = 2_000;
/**
 * How far ahead of its first date a rule is followed to check it. A rule that matches no date at all (the first
 * Monday of April on the 15th–21st) makes ical.js search year after year; with this bound as its UNTIL it gives up
 * in milliseconds. A century covers every rule an office calendar needs (a yearly 29 February repeats in 4–8).
 */
const CHECK_YEARS = 100;

/** A rule that cannot be used, with a sentence for the user (Turkish). */
export class RecurrenceError extends Error {}

class StepLimit extends Error {}

export interface SeriesSpec {
  allDay: boolean;
  /** Stored forms (event-times.ts). */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  rrule: string;
  /** Instance keys left out: exdates and instances replaced by a changed copy. */
  skip?: ReadonlySet<string>;
}

/** One instance. `key` is its original start in stored form: what exdates and recurrence ids name. */
export interface Instance {
  key: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOfTime = (t: ICalTime) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

function floatingTime(date: string, wall?: Omit<Wall, 'date'>): ICalTime {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return wall
    ? ICAL.Time.fromData({ year, month, day, hour: wall.hour, minute: wall.minute, second: wall.second })
    : ICAL.Time.fromData({ year, month, day, isDate: true });
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Rules ical.js would search for ever, caught before it starts (the step limit is the backstop). */
function refuseImpossible(recur: Recur, firstDate: string): void {
  const monthDays = recur.parts.BYMONTHDAY;
  if (monthDays?.length) {
    const months = recur.parts.BYMONTH?.length ? recur.parts.BYMONTH : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const fits = months.some((m) => monthDays.some((d) => Math.abs(d) <= (DAYS_IN_MONTH[m - 1] ?? 0)));
    if (!fits) throw new RecurrenceError('Tekrar kuralı hiçbir tarihe denk gelmiyor (ör. 31 Şubat).');
  }
  const weekdays = recur.parts.BYDAY;
  if (recur.freq === 'DAILY' && (recur.interval || 1) % 7 === 0 && weekdays?.length) {
    const first = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${firstDate}T00:00:00Z`).getUTCDay()]!;
    if (!weekdays.some((d) => d.endsWith(first))) {
      throw new RecurrenceError('Tekrar kuralı hiçbir tarihe denk gelmiyor: 7 günün katı aralıkla hep aynı gün gelir.');
    }
  }
}

/** Reads a rule; a rule ical.js cannot read, or one for seconds or minutes, is refused with the reason. */
export function parseRule(text: string): Recur {
  let recur: Recur;
  try {
    recur = ICAL.Recur.fromString(text.replace(/^RRULE:/i, '').trim());
  } catch (err) {
    throw new RecurrenceError(`Tekrar kuralı okunamadı: ${(err as Error).message}`);
  }
  if (!recur.freq) throw new RecurrenceError('Tekrar kuralında FREQ eksik.');
  if (recur.freq === 'SECONDLY' || recur.freq === 'MINUTELY') {
    throw new RecurrenceError('Saniyelik ya da dakikalık tekrar desteklenmiyor; en sık saatlik tekrar seçilebilir.');
  }
  if (recur.count !== null && recur.count !== undefined && recur.count < 1) {
    throw new RecurrenceError('Tekrar kuralında COUNT en az 1 olmalı.');
  }
  return recur;
}

/** Milliseconds in one unit of durationOf: days for all-day series. */
const unitMs = (spec: SeriesSpec) => (spec.allDay ? DAY_MS : 1);

const durationOf = (spec: SeriesSpec): number =>
  spec.allDay ? daysBetween(spec.startsAt, spec.endsAt) : Date.parse(spec.endsAt) - Date.parse(spec.startsAt);

/** DTSTART on the wall clock of the series' zone. */
function firstStart(spec: SeriesSpec): { date: string; wall?: Omit<Wall, 'date'> } {
  if (spec.allDay) return { date: spec.startsAt };
  const { date, ...wall } = wallOf(Date.parse(spec.startsAt), spec.timeZone);
  return { date, wall };
}

/**
 * UNTIL on the same wall clock as DTSTART: a UTC UNTIL (what RFC 5545 asks for zoned starts) becomes the zone's
 * wall time, a date UNTIL on a timed series the end of that day, so ical.js compares like with like.
 */
function untilOnWallClock(recur: Recur, spec: SeriesSpec): ICalTime | null {
  const until = recur.until;
  if (!until) return null;
  const isUtc = until.zone === ICAL.Timezone.utcTimezone || until.toString().endsWith('Z');
  if (spec.allDay) {
    const date = isUtc && !until.isDate ? wallOf(until.toUnixTime() * 1000, spec.timeZone).date : dateOfTime(until);
    return floatingTime(date);
  }
  if (until.isDate) return floatingTime(dateOfTime(until), { hour: 23, minute: 59, second: 59 });
  if (isUtc) {
    const { date, ...wall } = wallOf(until.toUnixTime() * 1000, spec.timeZone);
    return floatingTime(date, wall);
  }
  return floatingTime(dateOfTime(until), { hour: until.hour, minute: until.minute, second: until.second });
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Whether a date ical.js gives meets the rule's months and days of the month. Started on a day that is not itself
 * an instance (skipAhead), ical.js rolls a missing day over: a yearly 29 February comes out as 1 March in common
 * years. Every real instance meets BYMONTH and BYMONTHDAY (RFC 5545), so such a date is dropped.
 */
function fitsMonthAndDay(recur: Recur, t: ICalTime): boolean {
  const months = recur.parts.BYMONTH;
  if (months?.length && !months.includes(t.month)) return false;
  const days = recur.parts.BYMONTHDAY;
  if (!days?.length) return true;
  const length = daysInMonth(t.year, t.month);
  return days.some((d) => (d > 0 ? d : length + d + 1) === t.day);
}

/**
 * ical.js's iterator with a bound on the steps it may take to find each next instance, leaving out the rolled-over
 * dates fitsMonthAndDay catches. `first`, the series' own DTSTART, is kept whenever ical.js gives it.
 */
function guardedIterator(recur: Recur, start: ICalTime, first: ICalTime): () => ICalTime | null {
  let iterator;
  try {
    iterator = recur.iterator(start);
  } catch (err) {
    throw new RecurrenceError(`Tekrar kuralı kullanılamaz: ${(err as Error).message}`);
  }
  let steps = 0;
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = () => {
    if (++steps > STEPS_PER_INSTANCE) throw new StepLimit();
    return check();
  };
  const nextOne = () => {
    steps = 0;
    return iterator.next() ?? null;
  };
  return () => {
    for (let t = nextOne(); t; t = nextOne()) {
      if (fitsMonthAndDay(recur, t) || t.compare(first) === 0) return t;
    }
    return null;
  };
}

/** The earlier of two times (either may be missing). */
const earlier = (a: ICalTime | null, b: ICalTime): ICalTime => (a && a.compare(b) <= 0 ? a : b);

/**
 * Writes into the rule what DTSTART implies for monthly and yearly rules (its day of the month, its month), so
 * the instances do not depend on DTSTART's day any more: DTSTART can then move ahead (skipAhead), and a yearly
 * 29 February falls only in leap years as RFC 5545 says (ical.js alone moves it to 1 March).
 */
function writeImpliedDays(recur: Recur, firstDate: string): void {
  const parts = recur.parts;
  if (recur.freq !== 'MONTHLY' && recur.freq !== 'YEARLY') return;
  if (parts.BYDAY?.length || parts.BYMONTHDAY?.length || parts.BYYEARDAY?.length || parts.BYWEEKNO?.length) return;
  parts.BYMONTHDAY = [Number(firstDate.slice(8, 10))];
  if (recur.freq === 'YEARLY' && !parts.BYMONTH?.length) parts.BYMONTH = [Number(firstDate.slice(5, 7))];
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const firstOfMonth = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}-01`;

/**
 * Where to start iterating so the first instances lie just before `fromMs` instead of at a DTSTART years back.
 * Moving DTSTART by whole periods of the rule (INTERVAL days, weeks, months or years) keeps the same instances,
 * once what DTSTART implied is written into the rule (the day of the month, the month of the year). A rule with
 * COUNT must be counted from its start and cannot skip. The moved DTSTART itself may not be an instance; it lies
 * more than the event's length before the range, so it is never shown.
 */
function skipAhead(recur: Recur, spec: SeriesSpec, first: { date: string }, fromMs: number): string {
  if (recur.count) return first.date;
  const interval = recur.interval || 1;
  // Two days of slack cover any zone's offset.
  const earliest = wallOf(fromMs - Math.max(durationOf(spec) * unitMs(spec), 0) - 2 * DAY_MS, spec.timeZone).date;
  if (recur.freq === 'MONTHLY' || recur.freq === 'YEARLY') {
    const months = recur.freq === 'MONTHLY' ? interval : interval * 12;
    const gap = monthIndex(earliest) - monthIndex(first.date) - 1;
    if (gap <= months) return first.date;
    return firstOfMonth(monthIndex(first.date) + Math.floor(gap / months) * months);
  }
  const periodDays =
    recur.freq === 'WEEKLY' ? interval * 7 : recur.freq === 'DAILY' ? interval : interval / gcd(interval, 24);
  const gap = daysBetween(first.date, earliest);
  return gap > periodDays ? addDays(first.date, Math.floor(gap / periodDays) * periodDays) : first.date;
}

function toInstance(t: ICalTime, spec: SeriesSpec, duration: number): Instance {
  const date = dateOfTime(t);
  if (spec.allDay) {
    const end = addDays(date, duration);
    return {
      key: date,
      start: date,
      end,
      startMs: dayStartMs(date, spec.timeZone),
      endMs: dayStartMs(end, spec.timeZone),
    };
  }
  const startMs = instantOfWall({ date, hour: t.hour, minute: t.minute, second: t.second }, spec.timeZone);
  const start = isoOf(startMs);
  return { key: start, start, end: isoOf(startMs + duration), startMs, endMs: startMs + duration };
}

export interface Expansion {
  instances: Instance[];
  /** Stopped early: too many instances looked at, or a rule ical.js could not follow. */
  truncated: boolean;
  /** Instances looked at (what a caller sharing one budget over many series counts). */
  iterations: number;
}

/**
 * The instances of a series that overlap [fromMs, toMs), in order, without skipped ones. A stored rule that
 * cannot be followed any more gives what it gave so far and says truncated (a range view must not fail).
 */
export function expandSeries(
  spec: SeriesSpec,
  fromMs: number,
  toMs: number,
  limits: { maxIterations?: number; maxInstances?: number } = {},
): Expansion {
  const maxIterations = limits.maxIterations ?? MAX_ITERATIONS;
  const maxInstances = limits.maxInstances ?? Number.POSITIVE_INFINITY;
  const recur = parseRule(spec.rrule);
  const first = firstStart(spec);
  const duration = durationOf(spec);
  // Wall-clock days clearly outside the range need no instant: two days of slack cover any zone and DST.
  const firstDay = wallOf(fromMs - Math.max(duration * unitMs(spec), 0) - 2 * DAY_MS, spec.timeZone).date;
  const lastDay = wallOf(toMs + 2 * DAY_MS, spec.timeZone).date;
  // The range's end as UNTIL too: a rare or impossible rule must not make ical.js search past it.
  recur.until = earlier(untilOnWallClock(recur, spec), floatingTime(addDays(lastDay, 1), first.wall));
  writeImpliedDays(recur, first.date);
  const dtstart = floatingTime(first.date, first.wall);
  const next = guardedIterator(recur, floatingTime(skipAhead(recur, spec, first, fromMs), first.wall), dtstart);
  const instances: Instance[] = [];
  // A wall-clock time skipped when clocks go forward is the same instant as the hour after it: shown once.
  let lastKey: string | null = null;
  let iterations = 0;
  try {
    for (let t = next(); t; t = next()) {
      if (++iterations > maxIterations) return { instances, truncated: true, iterations: maxIterations };
      const day = dateOfTime(t);
      if (day < firstDay) continue;
      if (day > lastDay) break;
      const instance = toInstance(t, spec, duration);
      if (instance.startMs >= toMs) break;
      const overlaps = instance.endMs > fromMs || (instance.endMs === instance.startMs && instance.startMs >= fromMs);
      if (!overlaps || instance.key === lastKey || spec.skip?.has(instance.key)) continue;
      lastKey = instance.key;
      instances.push(instance);
      if (instances.length >= maxInstances) return { instances, truncated: false, iterations };
    }
  } catch (err) {
    if (err instanceof StepLimit || !(err instanceof RecurrenceError))
      return { instances, truncated: true, iterations };
    throw err;
  }
  return { instances, truncated: false, iterations };
}

/**
 * A rule as stored: UNTIL in the form RFC 5545 asks for (UTC for timed series, a date for all-day ones), so the
 * export and other programs read it the same way.
 */
function storedRule(recur: Recur, spec: SeriesSpec): string {
  const until = untilOnWallClock(recur, spec);
  const parts = recur
    .toString()
    .split(';')
    .filter((p) => !/^UNTIL=/i.test(p));
  if (!until) return parts.join(';');
  const text = spec.allDay
    ? dateOfTime(until).replaceAll('-', '')
    : isoOf(
        instantOfWall(
          { date: dateOfTime(until), hour: until.hour, minute: until.minute, second: until.second },
          spec.timeZone,
        ),
      ).replace(/[-:]|\.\d{3}/g, '');
  return [...parts, `UNTIL=${text}`].join(';');
}

/**
 * Checks a series before it is stored: the rule reads, is not impossible, gives a first instance and goes on.
 * Answers the stored rule and the end of its last instance (null: endless, or too far to count: then expanded
 * lazily like an endless one).
 */
export function checkSeries(spec: SeriesSpec): { rrule: string; seriesEndsAt: string | null } {
  const recur = parseRule(spec.rrule);
  const first = firstStart(spec);
  refuseImpossible(recur, first.date);
  const until = untilOnWallClock(recur, spec);
  const rrule = storedRule(recur, spec);
  const horizon = floatingTime(`${Number(first.date.slice(0, 4)) + CHECK_YEARS}-12-31`, first.wall);
  // Which bound ends the search: the rule's own UNTIL, or the check's horizon (then the rule may go on after it).
  const untilBinds = until !== null && until.compare(horizon) <= 0;
  recur.until = untilBinds ? until : horizon;
  writeImpliedDays(recur, first.date);
  const dtstart = floatingTime(first.date, first.wall);
  const next = guardedIterator(recur, dtstart, dtstart);
  const duration = durationOf(spec);
  const endless = !until && (!recur.count || recur.count > COUNTED_INSTANCES);
  let last: ICalTime | null = null;
  let found = 0;
  try {
    for (let t = next(); t; t = next()) {
      // Only the last instance needs its instant: the others are counted on the wall clock.
      last = t.clone();
      found += 1;
      // An endless rule only has to show that it goes on after its first date; so does a COUNT too large to
      // count here, which is then expanded lazily like an endless one.
      if (endless && found === 2) return { rrule, seriesEndsAt: null };
      if (found >= COUNTED_INSTANCES) break;
    }
  } catch (err) {
    if (!(err instanceof StepLimit)) throw err;
    if (found < 2) throw new RecurrenceError('Tekrar kuralı ilk tarihten sonra hiçbir tarihe denk gelmiyor.');
    return { rrule, seriesEndsAt: boundOf(until, spec, duration) };
  }
  if (!last) {
    throw new RecurrenceError(
      untilBinds
        ? 'Tekrar kuralı hiç tarih üretmiyor (UNTIL başlangıçtan önce mi?).'
        : 'Tekrar kuralı hiçbir tarihe denk gelmiyor.',
    );
  }
  const countDone = recur.count !== null && recur.count !== undefined && found >= recur.count;
  if (!countDone && !untilBinds) {
    // Stopped at the horizon: a rule with more to give than one date there goes on like an endless one.
    if (found < 2) throw new RecurrenceError('Tekrar kuralı ilk tarihten sonra hiçbir tarihe denk gelmiyor.');
    return { rrule, seriesEndsAt: boundOf(until, spec, duration) };
  }
  // Too many to count here: an UNTIL still bounds it from above; a large COUNT is treated as endless.
  if (found >= COUNTED_INSTANCES) return { rrule, seriesEndsAt: boundOf(until, spec, duration) };
  return { rrule, seriesEndsAt: isoOf(toInstance(last, spec, duration).endMs) };
}

/** An upper bound of a series' end from its UNTIL (null without one). */
function boundOf(until: ICalTime | null, spec: SeriesSpec, duration: number): string | null {
  if (!until) return null;
  const date = dateOfTime(until);
  if (spec.allDay) return isoOf(dayStartMs(addDays(date, 1 + Math.max(duration, 0)), spec.timeZone));
  const ms = instantOfWall({ date, hour: until.hour, minute: until.minute, second: until.second }, spec.timeZone);
  return isoOf(ms + Math.max(duration, 0));
}

/**
 * An instance's key from what a user or a file names it by: for all-day series a date; for timed ones an instant
 * (ISO with offset, or wall-clock time in the series' zone), or a bare date meaning that day's instance at the
 * series' time of day (some programs write EXDATE;VALUE=DATE on timed series). Null when it is neither.
 */
export function instanceKey(spec: Pick<SeriesSpec, 'allDay' | 'startsAt' | 'timeZone'>, raw: string): string | null {
  const text = raw.trim();
  if (spec.allDay) {
    if (isIsoDate(text)) return text;
    const ms = parseInstant(text, spec.timeZone);
    return ms === null ? null : wallOf(ms, spec.timeZone).date;
  }
  if (isIsoDate(text)) {
    const { date: _date, ...time } = wallOf(Date.parse(spec.startsAt), spec.timeZone);
    return isoOf(instantOfWall({ date: text, ...time }, spec.timeZone));
  }
  const ms = parseInstant(text, spec.timeZone);
  return ms === null ? null : isoOf(ms);
}

/** True when `key` is one of the series' own instances (exdates and replaced ones included). */
export function isInstanceOf(spec: SeriesSpec, key: string): boolean {
  const startMs = spec.allDay ? dayStartMs(key, spec.timeZone) : Date.parse(key);
  if (Number.isNaN(startMs)) return false;
  const { instances } = expandSeries({ ...spec, skip: new Set() }, startMs, startMs + 1, { maxInstances: 50 });
  return instances.some((i) => i.key === key);
}

/**
 * An instance key of a series after the series moved to another time of day or between timed and all-day: the
 * same local date at the new time, so exdates and changed instances stay on their days.
 */
export function rekey(
  key: string,
  from: Pick<SeriesSpec, 'allDay' | 'timeZone'>,
  to: Pick<SeriesSpec, 'allDay' | 'startsAt' | 'timeZone'>,
): string {
  const date = from.allDay ? key : wallOf(Date.parse(key), from.timeZone).date;
  return instanceKey(to, date) ?? key;
}
