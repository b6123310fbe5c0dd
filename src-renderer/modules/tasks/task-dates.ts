/**
 * Dates as tasks use them: calendar days (YYYY-MM-DD) in the firm's time zone, which main also uses for
 * "overdue" and reminders; today is useFirmToday's (planner/useFirmToday.ts).
 */
import { addDays } from '../../../src-shared/domain/zoned-time';
import { intlLocale } from '../../app/i18n';

export const tomorrowOf = (today: string): string => addDays(today, 1);

/** Monday of the week after `today`: "gelecek hafta" in an office means the start of it. */
export function nextMondayOf(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, (8 - weekday) % 7 || 7);
}

/** "5 Mar 2026" — with the weekday when asked ("Pzt, 5 Mar 2026"). */
export function shownDay(date: string, language: string, withWeekday = false): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The weekday's name ("Pazartesi") and the day and month ("5 Mart") of a date, for recurrence labels. */
export function weekdayName(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export function dayAndMonth(date: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
