/**
 * VTIMEZONE blocks for exported files, written from the runtime's own zone data (Intl): no tz database package
 * ships VTIMEZONE text, and the runtime's rules are the ones the events were expanded with. The offset changes of
 * the years the events need are found by scanning; changes that follow one yearly rule ("last Sunday of March at
 * 02:00") become one observance with an RRULE, so a series running past the scanned years keeps its DST.
 */
import ICAL from 'ical.js';
import { DAY_MS, wallOf } from './event-times';

type Component = InstanceType<typeof ICAL.Component>;

interface Transition {
  ms: number;
  /** Offsets in minutes east of UTC. */
  from: number;
  to: number;
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallOf(ms, timeZone);
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Offset changes between two instants: daily looks, then a binary search to the minute. */
function transitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  let previous = offsetAt(fromMs, timeZone);
  for (let day = fromMs + DAY_MS; day <= toMs; day += DAY_MS) {
    const offset = offsetAt(day, timeZone);
    if (offset === previous) continue;
    let lo = day - DAY_MS;
    let hi = day;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ ms: hi, from: previous, to: offset });
    previous = offset;
  }
  return out;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The wall clock a change happens at, on the clock before it (what an observance's DTSTART says). */
function localOf(t: Transition) {
  const local = new Date(t.ms + t.from * 60_000);
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day,
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: WEEKDAYS[local.getUTCDay()]!,
    // Which of the month's weekdays it is: the 2nd Sunday, and maybe also the last one.
    nths: [String(Math.ceil(day / 7)), ...(day + 7 > daysInMonth ? ['-1'] : [])],
  };
}

function observance(kind: 'standard' | 'daylight', first: Transition, rule: string | null): Component {
  const c = new ICAL.Component(kind);
  const l = localOf(first);
  c.addPropertyWithValue(
    'dtstart',
    ICAL.Time.fromData({ year: l.year, month: l.month, day: l.day, hour: l.hour, minute: l.minute, second: 0 }),
  );
  c.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(first.from * 60));
  c.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(first.to * 60));
  if (rule) c.addPropertyWithValue('rrule', ICAL.Recur.fromString(rule));
  return c;
}

/**
 * A VTIMEZONE for `timeZone` valid for the years firstYear–lastYear (the rule found for the last years goes on
 * beyond them).
 */
export function vtimezoneFor(timeZone: string, firstYear: number, lastYear: number): Component {
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', timeZone);
  // Scanning from the year before puts an observance before the first event: ical.js reads a time that comes before
  // every observance as UTC (a Berlin event on 16 March would be an hour off).
  const fromMs = Date.UTC(firstYear - 1, 0, 1);
  const changes = transitions(timeZone, fromMs, Date.UTC(lastYear, 11, 31));
  if (changes.length === 0) {
    const offset = offsetAt(fromMs, timeZone);
    zone.addSubcomponent(
      observance('standard', { ms: Date.UTC(1970, 0, 1) - offset * 60_000, from: offset, to: offset }, null),
    );
    return zone;
  }
  // Runs of changes that follow one yearly rule: same direction, offsets, month, weekday, time and place in month.
  const runs: { changes: Transition[]; nths: string[] }[] = [];
  for (const change of changes) {
    const l = localOf(change);
    const run = runs.find((r) => {
      const last = r.changes[r.changes.length - 1]!;
      const p = localOf(last);
      const nths = r.nths.filter((n) => l.nths.includes(n));
      return (
        last.from === change.from &&
        last.to === change.to &&
        p.year === l.year - 1 &&
        p.month === l.month &&
        p.weekday === l.weekday &&
        p.hour === l.hour &&
        p.minute === l.minute &&
        nths.length > 0
      );
    });
    if (run) {
      run.changes.push(change);
      run.nths = run.nths.filter((n) => l.nths.includes(n));
    } else {
      runs.push({ changes: [change], nths: l.nths });
    }
  }
  for (const run of runs) {
    const first = run.changes[0]!;
    const last = run.changes[run.changes.length - 1]!;
    const l = localOf(first);
    const goesOn = localOf(last).year === lastYear;
    // Prefer "last Sunday" to "5th Sunday": the rule the zone really has.
    const nth = run.nths.includes('-1') ? '-1' : run.nths[0]!;
    let rule: string | null = null;
    if (run.changes.length > 1 || goesOn) {
      rule = `FREQ=YEARLY;BYMONTH=${l.month};BYDAY=${nth}${l.weekday}`;
      if (!goesOn) rule += `;UNTIL=${new Date(last.ms).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;
    }
    zone.addSubcomponent(observance(first.to > first.from ? 'daylight' : 'standard', first, rule));
  }
  return zone;
}
