import { intlLocale } from '../../app/i18n';
import { addDays } from './agenda-time';
import type { Slot } from './event-form';

/**
 * "Pazartesi 23 Kasım 2026 10:00–11:00" for a timed slot, "23–24 Kasım 2026" for days, in the firm's zone
 * (all-day slots are dates, shown as they are; their end is exclusive).
 */
export function formatSlot(slot: Slot, timeZone: string, language: string): string {
  const locale = intlLocale(language);
  if (slot.allDay) {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
    const start = new Date(`${slot.start.slice(0, 10)}T00:00:00Z`);
    const last = new Date(`${addDays(slot.end.slice(0, 10), -1)}T00:00:00Z`);
    return last <= start ? f.format(start) : f.formatRange(start, last);
  }
  const f = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return f.formatRange(new Date(slot.start), new Date(slot.end));
}

/** A clock time, "10:42". */
export function formatClock(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A short date and time, "23.11.2026 10:42". */
export function formatShort(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'short', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** An exception of a series (a date, or an instant), as a short date (and time). */
export function formatExdate(value: string, timeZone: string, language: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  return formatShort(value, timeZone, language);
}
