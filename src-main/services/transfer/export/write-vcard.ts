import type { Institution, Person } from '../../../../src-shared/contract/cards';

/** vCard text escaping (RFC 2426 §4): backslash, comma, semicolon, line breaks. */
const esc = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');

/** Folds a line at 75 octets without cutting a UTF-8 character in two (RFC 2426 §2.6). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const PHONE_TYPES = { mobile: 'CELL', work: 'WORK,VOICE', home: 'HOME,VOICE', fax: 'FAX', other: 'VOICE' } as const;
const EMAIL_TYPES = { work: 'INTERNET,WORK', personal: 'INTERNET,HOME', other: 'INTERNET' } as const;
const ADDRESS_TYPES = { work: 'WORK', home: 'HOME', billing: 'X-BILLING', shipping: 'X-SHIPPING', other: '' } as const;

const X = 'X-KARTOTEK-';

function contactLines(card: Person | Institution): string[] {
  const lines: string[] = [];
  for (const p of card.phones) lines.push(`TEL;TYPE=${PHONE_TYPES[p.kind]}:${esc(p.e164 ?? p.number)}`);
  const emails = [...card.emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  for (const e of emails)
    lines.push(`EMAIL;TYPE=${EMAIL_TYPES[e.kind]}${e.isPrimary ? ',PREF' : ''}:${esc(e.address)}`);
  for (const a of card.addresses) {
    const type = ADDRESS_TYPES[a.kind];
    // ADR: post office box; extended; street; locality (ilçe); region (il); postal code; country.
    const value = ['', '', a.line, a.district, a.province, a.postalCode, a.country].map(esc).join(';');
    lines.push(`ADR${type ? `;TYPE=${type}` : ''}:${value}`);
  }
  for (const b of card.ibans) lines.push(`${X}IBAN:${esc(b.iban)};${esc(b.bankName)}`);
  if (card.notes) lines.push(`NOTE:${esc(card.notes)}`);
  if (card.source) lines.push(`${X}SOURCE:${esc(card.source)}`);
  return lines;
}

/**
 * One card as vCard 3.0, what Outlook, Android, iPhone and Gmail all read.
 * What vCard has no property for (T.C. Kimlik No, VKN, IBANs, several
 * institutions with roles) goes into X-KARTOTEK-… properties that other
 * programs ignore and Kartotek reads back.
 */
export function vcardOf(card: Person | Institution, tags: readonly string[] = []): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0'];
  if (card.type === 'person') {
    lines.push(`N:${esc(card.lastName)};${esc(card.firstName)};;${esc(card.honorific)};`);
    lines.push(`FN:${esc(card.displayName)}`);
    if (card.gender) lines.push(`X-GENDER:${card.gender === 'female' ? 'F' : 'M'}`);
    if (card.birthDate) lines.push(`BDAY:${card.birthDate}`);
    if (card.tckn) lines.push(`${X}TCKN:${esc(card.tckn)}`);
    const first = card.affiliations[0];
    if (first) {
      lines.push(`ORG:${esc(first.institutionTitle)}${first.department ? `;${esc(first.department)}` : ''}`);
      if (first.role) lines.push(`TITLE:${esc(first.role)}`);
    }
    for (const a of card.affiliations) {
      lines.push(`${X}AFFILIATION:${esc(a.institutionTitle)};${esc(a.role)};${esc(a.department)}`);
    }
  } else {
    lines.push('N:;;;;', `FN:${esc(card.title)}`, `ORG:${esc(card.title)}`, 'X-ABShowAs:COMPANY');
    if (card.website) lines.push(`URL:${esc(card.website)}`);
    if (card.shortName) lines.push(`${X}SHORT-NAME:${esc(card.shortName)}`);
    if (card.kinds.length) lines.push(`${X}KINDS:${esc(card.kinds.join(','))}`);
    if (card.sector) lines.push(`${X}SECTOR:${esc(card.sector)}`);
    if (card.taxOffice) lines.push(`${X}TAX-OFFICE:${esc(card.taxOffice)}`);
    if (card.vkn) lines.push(`${X}VKN:${esc(card.vkn)}`);
    if (card.tradeRegistryNo) lines.push(`${X}TRADE-REGISTRY:${esc(card.tradeRegistryNo)}`);
    if (card.emailDomains.length) lines.push(`${X}DOMAINS:${esc(card.emailDomains.join(','))}`);
  }
  lines.push(...contactLines(card));
  // The card's tags as the standard CATEGORIES, which phones and mail programs show as groups.
  if (tags.length) lines.push(`CATEGORIES:${tags.map(esc).join(',')}`);
  lines.push(`UID:urn:uuid:${card.id}`, 'END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
