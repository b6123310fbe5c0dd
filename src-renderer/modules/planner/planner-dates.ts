/**
 * Dates as the planner shows them: always in the firm's time zone (planner.today answers which), so the screen
 * and the reminders agree on what "today" and "10:00" are, wherever this browser's clock is set.
 */
import { addDays, dayIn, wallClockIn } from '../../../src-shared/domain/zoned-time';
import { intlLocale } from '../../app/i18n';

export const firmToday = (timeZone: string, now = new Date()): string => dayIn(now, timeZone);

/** "23 Kasım 2026 Pazartesi" (Turkish order), "Monday 23 November 2026". */
export function longDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "3 Mar" for a nearby date, with the year only when it is another year's. */
export function shortDate(date: string, language: string, today: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    ...(date.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** HH:MM of an instant in the firm's zone. */
export function clockIn(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** Whole calendar days from `from` to `to` (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Monday of the week after `today`: "Gelecek hafta" in an office means the start of it. */
export function nextMonday(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, (8 - weekday) % 7 || 7);
}

export type GreetingPart = 'morning' | 'day' | 'evening' | 'night';

export function greetingPart(timeZone: string, now = new Date()): GreetingPart {
  const { hour } = wallClockIn(now, timeZone);
  if (hour >= 5 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 18) return 'day';
  if (hour >= 18 && hour < 23) return 'evening';
  return 'night';
}
