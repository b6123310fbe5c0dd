import type { CardType, Institution, InstitutionKind, Person } from '../../../../src-shared/contract/cards';
import {
  criterionTarget,
  importTargets,
  isRepeatableTarget,
  MAX_SLOTS,
  OWNER_TARGET,
  TAGS_TARGET,
} from '../../../../src-shared/contract/transfer';
import type { StoredValue } from '../../criteria/value-rules';
import type { CriteriaField } from '../card-extras';
import { criterionHeader, headerOf } from '../columns';
import type { CardExtras } from './card-extras';

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

/** A criteria value as a cell: lists joined with ", ", yes/no in words; numbers and dates as the writers expect. */
function criterionCell(value: StoredValue): string {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'Evet' : 'Hayır';
  return String(value);
}

/**
 * A card's cells. Dates (birth date, date criteria) stay YYYY-MM-DD and numbers
 * plain (1234.5) here; each writer formats them for its reader.
 */
export function flattenCard(card: Person | Institution, extras?: CardExtras): FlatCard {
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
  set(OWNER_TARGET, card.ownerName);
  if (extras) {
    set(TAGS_TARGET, extras.tags.join(', '));
    for (const [fieldId, value] of extras.values) set(criterionTarget(fieldId), criterionCell(value));
  }
  return flat;
}

export interface ExportColumn {
  target: string;
  /** 0 for the first column of a target, 1 for "Cep telefonu 2" … */
  index: number;
  header: string;
  /** Cells a sheet writes as a date or a number; all others are text. */
  format?: 'date' | 'number' | undefined;
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
/** Long text at the end, then the owner, the tags and the criteria, after every column an export had before them. */
const LAST = ['source', 'notes', OWNER_TARGET, TAGS_TARGET];

/**
 * The columns of an export: every scalar field, then as many phone and e-mail
 * columns of each kind as the fullest card needs, then the addresses, IBANs and
 * institutions some card has, source and notes, the owner and the tags, and one
 * column per live criteria field ("Kategori › Alan"). Headers are what import
 * recognises without help.
 */
export function exportColumns(
  cardType: CardType,
  cards: readonly FlatCard[],
  criteria: readonly CriteriaField[] = [],
): ExportColumn[] {
  const widths = new Map<string, number>();
  for (const card of cards) {
    for (const [target, values] of card) widths.set(target, Math.max(widths.get(target) ?? 0, values.length));
  }
  const columns: ExportColumn[] = [];
  // Names and identifiers first, contacts and links next, source and notes at the end (long text).
  const order = [...importTargets(cardType).filter((t) => !LAST.includes(t)), ...LAST];
  for (const target of order) {
    if (NEVER.has(target)) continue;
    const scalar = !target.includes('.');
    const width = Math.max(widths.get(target) ?? 0, scalar || ALWAYS.has(target) ? 1 : 0);
    // One tags column, the tags joined in it.
    const repeated = isRepeatableTarget(target) && target !== 'notes' && target !== TAGS_TARGET;
    const count = repeated ? width : Math.min(width, 1);
    const format = target === 'birthDate' ? ('date' as const) : undefined;
    for (let i = 0; i < count; i++) columns.push({ target, index: i, header: headerOf(target, i + 1), format });
  }
  for (const field of criteria) {
    columns.push({
      target: criterionTarget(field.id),
      index: 0,
      header: criterionHeader(field.categoryName, field.name),
      format: field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : undefined,
    });
  }
  return columns;
}
