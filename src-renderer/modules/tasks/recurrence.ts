/**
 * The recurrence picker's presets as RRULEs, and a preview of the next dates computed here while the person
 * picks. Main (services/tasks/task-recurrence.ts) is the judge: it checks the rule on save and makes the
 * occurrences; this preview uses the same library the same way so the two agree on what is shown.
 */
import ICAL from 'ical.js';

export const RECURRENCE_PRESETS = ['none', 'daily', 'weekly', 'monthly', 'firstMonday', 'yearly', 'custom'] as const;
export type RecurrencePreset = (typeof RECURRENCE_PRESETS)[number];

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The rule of a preset for a series starting on `start` (YYYY-MM-DD); null for none and custom. */
export function presetRule(preset: RecurrencePreset, start: string): string | null {
  const date = new Date(`${start}T00:00:00Z`);
  switch (preset) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${WEEKDAYS[date.getUTCDay()]}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${date.getUTCDate()}`;
    case 'firstMonday':
      return 'FREQ=MONTHLY;BYDAY=1MO';
    case 'yearly':
      return 'FREQ=YEARLY';
    default:
      return null;
  }
}

/** Which preset a stored rule is (for the task's due date), or custom. */
export function presetOf(rule: string | null, start: string | null): RecurrencePreset {
  if (!rule) return 'none';
  const upper = rule.toUpperCase();
  const found = RECURRENCE_PRESETS.find((p) => p !== 'custom' && p !== 'none' && presetRule(p, start ?? '') === upper);
  // Without a date only the date-free presets can be recognised.
  return found ?? (upper === 'FREQ=DAILY' ? 'daily' : upper === 'FREQ=MONTHLY;BYDAY=1MO' ? 'firstMonday' : 'custom');
}

const MAX_STEPS = 2000;
/** As main's STEPS_PER_DATE: days ical.js may try for one date before the preview gives up (a few ms each). */
const STEPS_PER_DATE = 4_000;
/** A century in steps of each frequency: ical.js walks a longer INTERVAL day by day, freezing the form. */
const LONGEST_INTERVAL: Record<string, number> = { DAILY: 36_525, WEEKLY: 5_218, MONTHLY: 1_200, YEARLY: 100 };
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

type Recur = InstanceType<typeof ICAL.Recur>;

class StepLimit extends Error {}

/**
 * Rules ical.js would search for ever, or for a minute, caught before it starts (main refuses them on save):
 * a day the months never have (31 April), an INTERVAL beyond a century.
 */
function neverComes(recur: Recur): boolean {
  if ((recur.interval || 1) > (LONGEST_INTERVAL[recur.freq] ?? 1)) return true;
  const days = recur.parts.BYMONTHDAY;
  if (!days?.length) return false;
  const months = recur.parts.BYMONTH?.length ? recur.parts.BYMONTH : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return !months.some((m) => days.some((d) => Math.abs(d) <= (LONGEST_MONTH[m - 1] ?? 0)));
}

type Time = InstanceType<typeof ICAL.Time>;

/** Whether a date ical.js gave has the rule's month and day: it rolls a missing day over (30 February → 2 March). */
function fits(recur: Recur, t: Time): boolean {
  if (recur.parts.BYMONTH?.length && !recur.parts.BYMONTH.includes(t.month)) return false;
  const days = recur.parts.BYMONTHDAY;
  if (!days?.length) return true;
  const last = new Date(Date.UTC(t.year, t.month, 0)).getUTCDate();
  return days.some((d) => (d > 0 ? d : last + d + 1) === t.day);
}

/**
 * The next `n` dates after `start` of a series starting on it; null when ical.js cannot read the rule, or main
 * would refuse it (BYWEEKNO, which ical.js gets wrong): main then says why on save. A bare yearly rule on
 * 29 February keeps to leap years, as main does. Every walk is bounded: this runs on each keystroke.
 */
export function previewDates(rule: string, start: string, n = 5): string[] | null {
  let recur: Recur;
  try {
    recur = ICAL.Recur.fromString(rule.replace(/;+\s*$/, '').toUpperCase());
  } catch {
    return null;
  }
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(recur.freq) || recur.parts.BYWEEKNO) return null;
  if (neverComes(recur)) return [];
  const first = ICAL.Time.fromDateString(start);
  const parts = recur.parts;
  if (recur.freq === 'YEARLY' && !parts.BYMONTH && !parts.BYMONTHDAY && !parts.BYDAY && !parts.BYYEARDAY) {
    parts.BYMONTH = [first.month];
    parts.BYMONTHDAY = [first.day];
  }
  let iterator: ReturnType<Recur['iterator']>;
  try {
    iterator = recur.iterator(first);
  } catch {
    return null;
  }
  // ical.js tries one candidate day per call: a rule whose parts never meet would spin inside next() for ever.
  let steps = 0;
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = () => {
    if (++steps > STEPS_PER_DATE) throw new StepLimit();
    return check();
  };
  const out: string[] = [];
  try {
    for (let step = 0; step < MAX_STEPS && out.length < n; step++) {
      steps = 0;
      const next = iterator.next();
      if (!next) break;
      const date = next.toString();
      if (date > start && fits(recur, next)) out.push(date);
    }
  } catch (error) {
    // Past the bound the series shows what it has; a rule ical.js chokes on is unreadable.
    if (!(error instanceof StepLimit)) return null;
  }
  return out;
}
