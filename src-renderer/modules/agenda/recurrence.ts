/** The repeat choices of the event editor; anything else is typed as an RRULE ("Özel"). */
export const REPEAT_PRESETS = ['none', 'daily', 'weekly', 'monthly', 'yearly', 'custom'] as const;
export type RepeatPreset = (typeof REPEAT_PRESETS)[number];

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** The iCalendar weekday (MO…SU) of a calendar date. */
export function weekdayCode(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAY_CODES[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? 'MO';
}

/** The RRULE of a preset for a series starting on `startDate` (weekly repeats on that weekday). */
export function rruleOf(preset: RepeatPreset, startDate: string, custom: string): string | null {
  switch (preset) {
    case 'none':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${weekdayCode(startDate)}`;
    case 'monthly':
      return 'FREQ=MONTHLY';
    case 'yearly':
      return 'FREQ=YEARLY';
    case 'custom':
      return custom.trim() || null;
  }
}

/** The preset a stored RRULE came from, so the editor shows "Her hafta" rather than the rule's text. */
export function presetOf(rrule: string | null, startDate: string): RepeatPreset {
  if (!rrule) return 'none';
  const rule = rrule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  for (const preset of ['daily', 'weekly', 'monthly', 'yearly'] as const)
    if (rule === rruleOf(preset, startDate, '')) return preset;
  return 'custom';
}
