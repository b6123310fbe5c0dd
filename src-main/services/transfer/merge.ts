import type { Institution, Person } from '../../../src-shared/contract/cards';
import { normalisePhone } from '../../../src-shared/domain/phone';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import type { CardInput, LinkInput } from './validate-row';

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

const contactsOf = (card: Person | Institution) => ({
  phones: card.phones.map((p) => ({ kind: p.kind, number: p.number })),
  emails: card.emails.map((e) => ({ kind: e.kind, address: e.address, isPrimary: e.isPrimary })),
  addresses: card.addresses.map((a) => ({
    kind: a.kind,
    line: orUndefined(a.line),
    district: orUndefined(a.district),
    province: orUndefined(a.province),
    postalCode: orUndefined(a.postalCode),
    country: orUndefined(a.country),
  })),
  ibans: card.ibans.map((b) => ({ iban: b.iban, bankName: orUndefined(b.bankName) })),
});

/** A stored card in the shape its form sends, to merge a row into and check again. */
export function cardAsInput(card: Person | Institution): Record<string, unknown> {
  if (card.type === 'person') {
    return {
      honorific: orUndefined(card.honorific),
      firstName: card.firstName,
      lastName: card.lastName,
      gender: orUndefined(card.gender),
      birthDate: orUndefined(card.birthDate),
      tckn: orUndefined(card.tckn),
      source: orUndefined(card.source),
      notes: orUndefined(card.notes),
      ...contactsOf(card),
    };
  }
  return {
    title: card.title,
    shortName: orUndefined(card.shortName),
    kinds: card.kinds,
    sector: orUndefined(card.sector),
    taxOffice: orUndefined(card.taxOffice),
    vkn: orUndefined(card.vkn),
    tradeRegistryNo: orUndefined(card.tradeRegistryNo),
    website: orUndefined(card.website),
    emailDomains: card.emailDomains,
    source: orUndefined(card.source),
    notes: orUndefined(card.notes),
    ...contactsOf(card),
  };
}

function union<T>(base: readonly T[], extra: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set(base.map(key));
  const out = [...base];
  for (const item of extra) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

const phoneKey = (p: { number: string }) => normalisePhone(p.number).e164 ?? p.number.replace(/\s/g, '');
const addressKey = (a: Record<string, unknown>) =>
  foldForSearch(['line', 'district', 'province', 'postalCode', 'country'].map((k) => a[k] ?? '').join('|'));

/**
 * "Update" of a duplicate: what the row says wins over what the card had, and
 * what the card had and the row does not mention stays. Phones, e-mails,
 * addresses and IBANs are added (never removed: a file of mobiles must not
 * wipe the office numbers typed in by hand); so are institution kinds and mail
 * domains. `row` is the row's checked input; the result is checked again.
 */
export function mergeInputs(base: Record<string, unknown>, row: CardInput): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || Array.isArray(value)) continue;
    merged[key] = value;
  }
  const list = <T>(key: string) => (base[key] as T[] | undefined) ?? [];
  merged.phones = union(list<{ number: string }>('phones'), row.phones, phoneKey);
  merged.emails = union(list<{ address: string }>('emails'), row.emails, (e) => e.address.toLowerCase());
  merged.addresses = union(list<Record<string, unknown>>('addresses'), row.addresses, addressKey);
  merged.ibans = union(list<{ iban: string }>('ibans'), row.ibans, (b) => b.iban.replace(/\s/g, '').toUpperCase());
  if ('kinds' in row) merged.kinds = union(list<string>('kinds'), row.kinds, (k) => k);
  if ('emailDomains' in row) merged.emailDomains = union(list<string>('emailDomains'), row.emailDomains, (d) => d);
  return merged;
}

export const mergeLinks = (base: readonly LinkInput[], extra: readonly LinkInput[]) =>
  union(base, extra, (l) => l.folded);
