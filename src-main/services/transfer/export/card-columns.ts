import type { CardType, Institution, InstitutionKind, Person } from '../../../../src-shared/contract/cards';
import { importTargets, isRepeatableTarget, MAX_SLOTS } from '../../../../src-shared/contract/transfer';
import { headerOf } from '../columns';

/** A card as cells under column targets (several values for phones and e-mails). */
export type FlatCard = Map<string, string[]>;

/** Institution kinds in the words the institution form uses; import reads them back (row-input.ts readKinds). */
export const KIND_LABELS: Record<InstitutionKind, string> = {
  customer: 'Müşteri',
  prospect: 'Potansiyel',
  supplier: 'Tedarikçi',
  subcontractor: 'Taşeron',
  bank: 'Banka',
  group_company: 'Grup şirketi',
  other: 'Diğer',
};

const GENDER_LABELS = { female: 'Kadın', male: 'Erkek' } as const;

function contacts(flat: FlatCard, card: Person | Institution): void {
  const put = (target: string, value: string | null | undefined) => {
    if (!value) return;
    flat.set(target, [...(flat.get(target) ?? []), value]);
  };
  for (const p of card.phones) put(`phone.${p.kind}`, p.display || p.number);
  // The primary address first: an import makes the first one primary.
  const emails = [...card.emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  for (const e of emails) put(`email.${e.kind}`, e.address);
  const slots = new Map<string, number>();
  for (const a of card.addresses) {
    const slot = (slots.get(a.kind) ?? 0) + 1;
    slots.set(a.kind, slot);
    if (slot > MAX_SLOTS) continue;
    put(`address.${a.kind}.${slot}.line`, a.line);
    put(`address.${a.kind}.${slot}.district`, a.district);
    put(`address.${a.kind}.${slot}.province`, a.province);
    put(`address.${a.kind}.${slot}.postalCode`, a.postalCode);
    put(`address.${a.kind}.${slot}.country`, a.country);
  }
  card.ibans.slice(0, MAX_SLOTS).forEach((b, i) => {
    put(`iban.${i + 1}.iban`, b.display);
    put(`iban.${i + 1}.bankName`, b.bankName);
  });
  put('source', card.source);
  put('notes', card.notes);
}

/** A card's cells. Birth dates stay YYYY-MM-DD here; each writer formats them for its reader. */
export function flattenCard(card: Person | Institution): FlatCard {
  const flat: FlatCard = new Map();
  const set = (target: string, value: string | null | undefined) => {
    if (value) flat.set(target, [value]);
  };
  if (card.type === 'person') {
    set('honorific', card.honorific);
    set('firstName', card.firstName);
    set('lastName', card.lastName);
    set('gender', card.gender ? GENDER_LABELS[card.gender] : null);
    set('birthDate', card.birthDate);
    set('tckn', card.tckn);
    card.affiliations.slice(0, MAX_SLOTS).forEach((a, i) => {
      set(`affiliation.${i + 1}.institution`, a.institutionTitle);
      set(`affiliation.${i + 1}.role`, a.role);
      set(`affiliation.${i + 1}.department`, a.department);
    });
  } else {
    set('title', card.title);
    set('shortName', card.shortName);
    set('kinds', card.kinds.map((k) => KIND_LABELS[k]).join(', '));
    set('sector', card.sector);
    set('taxOffice', card.taxOffice);
    set('vkn', card.vkn);
    set('tradeRegistryNo', card.tradeRegistryNo);
    set('website', card.website);
    set('emailDomains', card.emailDomains.join(', '));
  }
  contacts(flat, card);
  return flat;
}

export interface ExportColumn {
  target: string;
  /** 0 for the first column of a target, 1 for "Cep telefonu 2" … */
  index: number;
  header: string;
}

/** Columns every export has, filled or not, so files of one kind look alike. */
const ALWAYS = new Set([
  'phone.mobile',
  'phone.work',
  'email.work',
  'address.work.1.line',
  'address.work.1.district',
  'address.work.1.province',
]);
const NEVER = new Set(['fullName', 'middleName']);
const LAST = new Set(['source', 'notes']);

/**
 * The columns of an export: every scalar field, then as many phone and e-mail
 * columns of each kind as the fullest card needs, then the addresses, IBANs and
 * institutions some card has. Headers are what import recognises without help.
 */
export function exportColumns(cardType: CardType, cards: readonly FlatCard[]): ExportColumn[] {
  const widths = new Map<string, number>();
  for (const card of cards) {
    for (const [target, values] of card) widths.set(target, Math.max(widths.get(target) ?? 0, values.length));
  }
  const columns: ExportColumn[] = [];
  // Names and identifiers first, contacts and links next, source and notes at the end (long text).
  const order = [...importTargets(cardType).filter((t) => !LAST.has(t)), ...LAST];
  for (const target of order) {
    if (NEVER.has(target)) continue;
    const scalar = !target.includes('.');
    const width = Math.max(widths.get(target) ?? 0, scalar || ALWAYS.has(target) ? 1 : 0);
    const count = isRepeatableTarget(target) && target !== 'notes' ? width : Math.min(width, 1);
    for (let i = 0; i < count; i++) columns.push({ target, index: i, header: headerOf(target, i + 1) });
  }
  return columns;
}
