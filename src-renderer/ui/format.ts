import { intlLocale } from '../app/i18n';

/** Dates in the user's locale (Europe/Istanbul by default until settings land). */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'Europe/Istanbul' }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Istanbul',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in the user's locale; no time zone shift. */
export function formatIsoDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
