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

/**
 * The next `n` dates after `start` of a series starting on it; null when ical.js cannot read the rule (main
 * then says why on save). A bare yearly rule on 29 February keeps to leap years, as main does.
 */
export function previewDates(rule: string, start: string, n = 5): string[] | null {
  try {
    const recur = ICAL.Recur.fromString(rule.replace(/;+\s*$/, '').toUpperCase());
    if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(recur.freq)) return null;
    const first = ICAL.Time.fromDateString(start);
    const parts = recur.parts;
    if (recur.freq === 'YEARLY' && !parts.BYMONTH && !parts.BYMONTHDAY && !parts.BYDAY && !parts.BYYEARDAY) {
      parts.BYMONTH = [first.month];
      parts.BYMONTHDAY = [first.day];
    }
    const iterator = recur.iterator(first);
    const out: string[] = [];
    for (let step = 0; step < MAX_STEPS && out.length < n; step++) {
      const next = iterator.next();
      if (!next) break;
      const date = next.toString();
      if (date > start) out.push(date);
    }
    return out;
  } catch {
    return null;
  }
}
