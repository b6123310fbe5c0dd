/**
 * When a recurring task comes round again: an RFC 5545 RRULE (FREQ=MONTHLY;BYDAY=1MO) read by ical.js and
 * iterated over calendar days (DATE values, no time zone), from the series' first date. Tasks recur by the day,
 * so hourly rules and time parts are refused rather than half-honoured.
 */
import ICAL from 'ical.js';

type Recur = InstanceType<typeof ICAL.Recur>;
type Time = InstanceType<typeof ICAL.Time>;

/** The RRULE parts a task's rule may have (RFC 5545 3.3.10 without the time-of-day ones). */
const DAY_PARTS = new Set([
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const TIME_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const DAY_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/**
 * Bounds on one walk through a series: a rule ical.js mis-expands (BYMONTH=2;BYMONTHDAY=30 gives dates in March)
 * is filtered date by date, and must not spin for ever looking for a valid one.
 */
const MAX_STEPS = 10_000;
const MAX_YEARS = 100;

/** A rule that cannot be used, with the reason in Turkish (the form shows it under the field). */
export class RecurrenceRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecurrenceRuleError';
  }
}

interface ParsedRule {
  /** The rule as stored: upper case, no stray semicolons. */
  text: string;
  recur: Recur;
  byMonth: number[] | null;
  byMonthDay: number[] | null;
}

function parts(rrule: string): [string, string][] {
  const out: [string, string][] = [];
  const seen = new Set<string>();
  // A trailing ";" is common in hand-written rules and harmless.
  for (const segment of rrule.split(';').filter((s) => s.trim() !== '')) {
    const eq = segment.indexOf('=');
    if (eq <= 0) throw new RecurrenceRuleError(`Tekrar kuralında "${segment}" anlaşılmadı (BÖLÜM=DEĞER olmalı).`);
    const name = segment.slice(0, eq).trim().toUpperCase();
    const value = segment
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (TIME_PARTS.has(name)) {
      throw new RecurrenceRuleError(`"${name}" görevlerde kullanılamaz: görevler gün gün tekrarlanır.`);
    }
    if (!DAY_PARTS.has(name)) throw new RecurrenceRuleError(`Tekrar kuralında bilinmeyen bölüm: "${name}".`);
    if (seen.has(name)) throw new RecurrenceRuleError(`Tekrar kuralında "${name}" iki kez yazılmış.`);
    seen.add(name);
    out.push([name, value]);
  }
  return out;
}

/**
 * Reads a task's rule, refusing what ical.js would silently drop or misread: unknown parts, time-of-day
 * frequencies, a COUNT or INTERVAL below 1. Throws RecurrenceRuleError naming the part.
 */
export function parseTaskRule(rrule: string): ParsedRule {
  const list = parts(rrule);
  const freq = list.find(([name]) => name === 'FREQ')?.[1];
  if (!freq) throw new RecurrenceRuleError('Tekrar kuralında FREQ bölümü yok (ör. FREQ=WEEKLY).');
  if (!DAY_FREQUENCIES.has(freq)) {
    throw new RecurrenceRuleError('Görevler en sık her gün tekrarlanabilir (FREQ=DAILY, WEEKLY, MONTHLY veya YEARLY).');
  }
  for (const [name, value] of list) {
    if (name === 'FREQ') continue;
    // One part at a time, so the message can say which one ical.js could not read.
    try {
      ICAL.Recur.fromString(`FREQ=${freq};${name}=${value}`);
    } catch {
      throw new RecurrenceRuleError(`Tekrar kuralındaki "${name}=${value}" geçersiz.`);
    }
    if ((name === 'COUNT' || name === 'INTERVAL') && !(Number(value) >= 1)) {
      throw new RecurrenceRuleError(`Tekrar kuralında ${name} en az 1 olmalı.`);
    }
  }
  const text = list.map(([n, v]) => `${n}=${v}`).join(';');
  const recur = ICAL.Recur.fromString(text);
  const numbers = (name: string) => {
    const value = list.find(([n]) => n === name)?.[1];
    return value === undefined ? null : value.split(',').map(Number);
  };
  return { text, recur, byMonth: numbers('BYMONTH'), byMonthDay: numbers('BYMONTHDAY') };
}

const DERIVING_PARTS = ['BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYYEARDAY', 'BYWEEKNO'];

/**
 * ical.js derives a bare yearly rule's day from its start wrongly for 29 February (it gives 1 March in other
 * years); RFC 5545 says such a date is skipped. Saying month and day outright gets the leap years only.
 */
function withDerivedYearDay(rule: ParsedRule, start: Time): ParsedRule {
  const bare = !DERIVING_PARTS.some((p) => rule.recur.parts[p as keyof Recur['parts']]);
  if (rule.recur.freq !== 'YEARLY' || !bare) return rule;
  const recur = rule.recur.clone();
  recur.parts.BYMONTH = [start.month];
  recur.parts.BYMONTHDAY = [start.day];
  return { ...rule, recur, byMonth: [start.month], byMonthDay: [start.day] };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a date the iterator gave really has the month and day the rule asks for (see MAX_STEPS). */
function fitsRule(rule: ParsedRule, t: Time): boolean {
  if (rule.byMonth && !rule.byMonth.includes(t.month)) return false;
  if (rule.byMonthDay) {
    const last = daysInMonth(t.year, t.month);
    if (!rule.byMonthDay.some((d) => (d > 0 ? d === t.day : last + d + 1 === t.day))) return false;
  }
  return true;
}

/** The series' dates after `after` (YYYY-MM-DD), at most `n`, walking from `seriesStart` (COUNT counts from it). */
export function nextOccurrences(rrule: string, seriesStart: string, after: string, n: number): string[] {
  const start = ICAL.Time.fromDateString(seriesStart);
  const rule = withDerivedYearDay(parseTaskRule(rrule), start);
  const iterator = rule.recur.iterator(start);
  const lastYear = Math.max(start.year, Number(after.slice(0, 4))) + MAX_YEARS;
  const out: string[] = [];
  for (let step = 0; step < MAX_STEPS && out.length < n; step++) {
    const next = iterator.next();
    if (!next || next.year > lastYear) break;
    const date = next.toString();
    if (date > after && fitsRule(rule, next)) out.push(date);
  }
  return out;
}

/** The series' first date after `after`, or null when the rule has ended (COUNT, UNTIL) or gives none. */
export function nextOccurrence(rrule: string, seriesStart: string, after: string): string | null {
  return nextOccurrences(rrule, seriesStart, after, 1)[0] ?? null;
}

/**
 * Checks a rule for a series starting on `start`: readable, and it gives a date after the start (a series of one
 * is no series). Answers the rule as it is stored; throws RecurrenceRuleError.
 */
export function checkTaskRule(rrule: string, start: string): string {
  if (!nextOccurrence(rrule, start, start)) {
    throw new RecurrenceRuleError('Bu tekrar kuralı görevin tarihinden sonra hiçbir tarih vermiyor.');
  }
  return parseTaskRule(rrule).text;
}
