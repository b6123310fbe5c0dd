/**
 * Public mail providers: an address there says nothing about the firm the sender
 * works for. Mail from them links to cards by exact address only, never by
 * domain, and no institution may claim one of these as its own domain.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'hotmail.com',
  'hotmail.com.tr',
  'outlook.com',
  'outlook.com.tr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.com.tr',
  'ymail.com',
  'yandex.com',
  'yandex.com.tr',
  'yandex.ru',
  'icloud.com',
  'me.com',
  'mac.com',
  'mynet.com',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'mail.com',
  'mail.ru',
  'proton.me',
  'protonmail.com',
  'superonline.com',
  'ttmail.com',
  'windowslive.com',
]);

/**
 * Public suffixes: domains under which anyone registers (firma.com.tr), never one firm's own. Kept by hand, short:
 * the Turkish second levels and the common top levels people type are what matters for linking mail, and the full
 * Public Suffix List (a package with thousands of entries and yearly updates) would be a dependency for a check
 * this small. An institution may not claim one, and domain linking never climbs to one.
 */
export const PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  'com.tr',
  'org.tr',
  'net.tr',
  'gov.tr',
  'edu.tr',
  'bel.tr',
  'k12.tr',
  'av.tr',
  'dr.tr',
  'gen.tr',
  'biz.tr',
  'info.tr',
  'web.tr',
  'tsk.tr',
  'pol.tr',
  'tv.tr',
  'name.tr',
  'tel.tr',
  'kep.tr',
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.de',
  'co.jp',
  'com.au',
  'com.br',
  'com.cn',
  'co.in',
  'tr',
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'info',
  'biz',
  'io',
  'co',
  'de',
  'uk',
  'eu',
]);

export const isPublicSuffix = (domain: string): boolean => PUBLIC_SUFFIXES.has(normaliseMailDomain(domain));

/** "@Firma.com.tr", "www.firma.com.tr" and "firma.com.tr" are the same domain. */
export function normaliseMailDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^@/, '')
    .replace(/^www\./, '');
}

const DOMAIN_RE = /^(?=.{1,253}$)(?!-)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/;

export const isMailDomain = (value: string): boolean => DOMAIN_RE.test(value);
export const isPublicMailDomain = (domain: string): boolean => PUBLIC_MAIL_DOMAINS.has(normaliseMailDomain(domain));
