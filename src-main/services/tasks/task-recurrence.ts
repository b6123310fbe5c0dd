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
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const TIME_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const DAY_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
/** A century in steps of each frequency (MAX_YEARS). */
const LONGEST_INTERVAL: Record<string, number> = { DAILY: 36_525, WEEKLY: 5_218, MONTHLY: 1_200, YEARLY: 100 };

/**
 * Bounds on one walk through a series: a rule ical.js mis-expands (BYMONTH=2;BYMONTHDAY=30 gives dates in March)
 * is filtered date by date, and must not spin for ever looking for a valid one.
 */
const MAX_STEPS = 10_000;
const MAX_YEARS = 100;
/**
 * Days ical.js may try to find one next date. A DAILY rule whose BYMONTH/BYMONTHDAY/BYDAY never meet (every 7th
 * day on a weekday the series does not start on) spins for ever inside iterator.next(); an UNTIL does not stop it,
 * since ical.js looks at UNTIL only once it has found a date. 4,000 days cover the rarest real daily rules
 * (29 February: 1,461 days; a Friday the 13th in one given month: at most 11 years) at some 0.1 s.
 */
const STEPS_PER_DATE = 4_000;

/** Thrown inside ical.js's iterator past STEPS_PER_DATE. */
class StepLimit extends Error {}

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
    // ical.js gets week numbers wrong (BYWEEKNO=10;BYDAY=MO gives every Monday from the start on).
    if (name === 'BYWEEKNO') {
      throw new RecurrenceRuleError('Hafta numarasıyla tekrar (BYWEEKNO) görevlerde kullanılamaz; ay ve gün yazın.');
    }
    if (!DAY_PARTS.has(name)) throw new RecurrenceRuleError(`Tekrar kuralında bilinmeyen bölüm: "${name}".`);
    if (seen.has(name)) throw new RecurrenceRuleError(`Tekrar kuralında "${name}" iki kez yazılmış.`);
    seen.add(name);
    out.push([name, value]);
  }
  return out;
}

/**
 * Reads a task's rule, refusing what ical.js would silently drop, misread or search for ever: unknown parts,
 * time-of-day frequencies, a COUNT or INTERVAL below 1 or an INTERVAL beyond a century, parts that do not go
 * together, days its months never have. Throws RecurrenceRuleError naming the part.
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
    // ical.js steps a long INTERVAL day by day (a minute for 99999999 days); past a century it gives no date anyway.
    const longest = LONGEST_INTERVAL[freq] ?? 1;
    if (name === 'INTERVAL' && Number(value) > longest) {
      throw new RecurrenceRuleError(
        `Tekrar aralığı çok uzun: bu kuralda INTERVAL en çok ${longest} olabilir (100 yıl).`,
      );
    }
  }
  const text = list.map(([n, v]) => `${n}=${v}`).join(';');
  const recur = ICAL.Recur.fromString(text);
  const numbers = (name: string) => {
    const value = list.find(([n]) => n === name)?.[1];
    return value === undefined ? null : value.split(',').map(Number);
  };
  const rule = { text, recur, byMonth: numbers('BYMONTH'), byMonthDay: numbers('BYMONTHDAY') };
  refuseMismatchedParts(freq, new Set(list.map(([name]) => name)));
  refuseImpossibleDays(rule);
  return rule;
}

/**
 * Parts RFC 5545 allows alone but not together, or not with this FREQ: ical.js refuses them only when it starts
 * iterating, and in English.
 */
function refuseMismatchedParts(freq: string, names: ReadonlySet<string>): void {
  if (names.has('BYYEARDAY') && freq !== 'YEARLY') {
    throw new RecurrenceRuleError('"BYYEARDAY" yalnızca yıllık kurallarda (FREQ=YEARLY) kullanılabilir.');
  }
  if (freq === 'WEEKLY' && names.has('BYMONTHDAY')) {
    throw new RecurrenceRuleError('Haftalık kuralda (FREQ=WEEKLY) BYMONTHDAY kullanılamaz; gün için BYDAY yazın.');
  }
  const withYearDay = ['BYMONTH', 'BYMONTHDAY'].find((name) => names.has(name));
  if (names.has('BYYEARDAY') && withYearDay) {
    throw new RecurrenceRuleError(`Tekrar kuralında BYYEARDAY ile ${withYearDay} birlikte kullanılamaz.`);
  }
}

/** The longest each month can be (February in a leap year). */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A rule asking for a day its months never have (31 April, 30 February): ical.js would search for it for ever. */
function refuseImpossibleDays(rule: ParsedRule): void {
  const days = rule.byMonthDay;
  if (!days) return;
  const months = rule.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (!months.some((m) => days.some((d) => Math.abs(d) <= (LONGEST_MONTH[m - 1] ?? 0)))) {
    throw new RecurrenceRuleError('Bu tekrar kuralı hiçbir tarihe denk gelmiyor (ör. 31 Nisan, 30 Şubat).');
  }
}

const DERIVING_PARTS = ['BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYYEARDAY'];

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

/**
 * ical.js's iterator with a bound on the days it may try for each next date (STEPS_PER_DATE): the bound counts
 * calls of its check_contracting_rules, made once per candidate day inside iterator.next().
 */
function guardedIterator(recur: Recur, start: Time): () => Time | null {
  let iterator: ReturnType<Recur['iterator']>;
  try {
    iterator = recur.iterator(start);
  } catch {
    // Combinations refuseMismatchedParts does not know of (ical.js says why in English only).
    throw new RecurrenceRuleError('Tekrar kuralının bölümleri birlikte kullanılamaz; kuralı sadeleştirin.');
  }
  let steps = 0;
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = () => {
    if (++steps > STEPS_PER_DATE) throw new StepLimit();
    return check();
  };
  let ended = false;
  return () => {
    if (ended) return null;
    steps = 0;
    try {
      return iterator.next() ?? null;
    } catch {
      // Past the bound, or ical.js giving up mid-walk ("Same occurrence found twice"): the series ends here.
      ended = true;
      return null;
    }
  };
}

/** The series' dates after `after` (YYYY-MM-DD), at most `n`, walking from `seriesStart` (COUNT counts from it). */
export function nextOccurrences(rrule: string, seriesStart: string, after: string, n: number): string[] {
  const start = ICAL.Time.fromDateString(seriesStart);
  const rule = withDerivedYearDay(parseTaskRule(rrule), start);
  const lastYear = Math.max(start.year, Number(after.slice(0, 4))) + MAX_YEARS;
  const recur = rule.recur.clone();
  // Also as UNTIL, so ical.js stops there by itself (a rule with COUNT or UNTIL ends anyway).
  if (!recur.until && !recur.count) recur.until = ICAL.Time.fromDateString(`${lastYear}-12-31`);
  const next = guardedIterator(recur, start);
  const out: string[] = [];
  for (let step = 0; step < MAX_STEPS && out.length < n; step++) {
    const date = next();
    if (!date || date.year > lastYear) break;
    const text = date.toString();
    if (text > after && fitsRule(rule, date)) out.push(text);
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
