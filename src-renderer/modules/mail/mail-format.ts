import type { MailSummary } from '../../../src-shared/contract/mail';
import { intlLocale } from '../../app/i18n';

type Person = { name: string; address: string };

/** A person as a reader knows them: the name when the mail gave one, else the address. */
export const personLabel = (p: Person): string => p.name.trim() || p.address;

/** "Ayşe Demir <ayse@firma.com>" for the reader's header, just the address when there is no name. */
export const personFull = (p: Person): string => (p.name.trim() ? `${p.name.trim()} <${p.address}>` : p.address);

/** Who a list row names: the sender of incoming mail, the recipients of mail we sent. */
export function correspondents(mail: Pick<MailSummary, 'direction' | 'from' | 'to'>): string {
  if (mail.direction === 'in') return mail.from ? personLabel(mail.from) : '';
  return mail.to.map(personLabel).join(', ');
}

const ZONE = 'Europe/Istanbul';
const dayOf = (d: Date, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const yearOf = (d: Date) => new Intl.DateTimeFormat('en', { timeZone: ZONE, year: 'numeric' }).format(d);

/**
 * A list row's date, as mail programs show it: today's mail by its time, this year's by day and month,
 * older mail with the year.
 */
export function listDate(iso: string, language: string, now: Date = new Date()): string {
  const locale = intlLocale(language);
  const at = new Date(iso);
  if (dayOf(at, locale) === dayOf(now, locale))
    return new Intl.DateTimeFormat(locale, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(at);
  if (yearOf(at) === yearOf(now))
    return new Intl.DateTimeFormat(locale, { timeZone: ZONE, day: 'numeric', month: 'short' }).format(at);
  return new Intl.DateTimeFormat(locale, { timeZone: ZONE, dateStyle: 'short' }).format(at);
}
