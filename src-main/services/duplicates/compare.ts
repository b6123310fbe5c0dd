/** Two cards side by side for the merge screen: their fields, what points at each, what they share. */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { Institution, Person } from '../../../src-shared/contract/cards';
import type { Comparison, DuplicateReason } from '../../../src-shared/contract/duplicates';
import { loadCard } from '../cards/card-rows';
import { getInstitution } from '../cards/institutions';
import { getPerson } from '../cards/persons';
import { CARD_REFERENCES } from './card-references';
import { mergeFieldsOf, readFields } from './merge-fields';
import { institutionNameKey, personNameKey } from './name-keys';

/** How many rows of each table point at the card (what a merge would move). */
function rowCounts(db: Db, id: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ref of CARD_REFERENCES) {
    const { n } = stmt(db, `select count(*) as n from "${ref.table}" where "${ref.column}" = ?`).get(id) as {
      n: number;
    };
    if (n) counts[ref.table] = (counts[ref.table] ?? 0) + n;
  }
  return counts;
}

/** What the two cards share, strongest first (the same words as the duplicates list). */
function reasonsBetween(a: Person | Institution, b: Person | Institution): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (a.type === 'person' && b.type === 'person') {
    if (a.tckn && a.tckn === b.tckn) reasons.push({ kind: 'tckn', value: null });
  } else if (a.type === 'institution' && b.type === 'institution') {
    if (a.vkn && a.vkn === b.vkn) reasons.push({ kind: 'vkn', value: a.vkn });
  }
  const email = a.emails.find((e) => b.emails.some((o) => o.address === e.address));
  if (email) reasons.push({ kind: 'email', value: email.address });
  const phone = a.phones.find((p) => p.e164 && b.phones.some((o) => o.e164 === p.e164));
  if (phone) reasons.push({ kind: 'phone', value: phone.display });
  const nameKey = (c: Person | Institution) =>
    c.type === 'person' ? personNameKey(c.firstName, c.lastName) : institutionNameKey(c.title);
  if (nameKey(a) && nameKey(a) === nameKey(b)) reasons.push({ kind: 'name', value: null });
  return reasons;
}

export function compareCards(db: Db, firstId: string, secondId: string): Comparison {
  if (firstId === secondId) {
    throw invalidInput('Bir kart kendisiyle karşılaştırılamaz; iki ayrı kart seçin.', { secondId: 'Aynı kart' });
  }
  const first = loadCard(db, firstId);
  const second = loadCard(db, secondId);
  if (first.type !== second.type) {
    throw invalidInput(`"${first.displayName}" ile "${second.displayName}" farklı türden kartlar; karşılaştırılamaz.`);
  }
  const type = first.type;
  const a = readFields(db, type, firstId);
  const b = readFields(db, type, secondId);
  const fields = mergeFieldsOf(type).map((field) => ({ field, first: a[field] ?? null, second: b[field] ?? null }));
  const counts = { first: rowCounts(db, firstId), second: rowCounts(db, secondId) };
  if (type === 'person') {
    const [p, q] = [getPerson(db, firstId), getPerson(db, secondId)];
    return { type, first: p, second: q, fields, counts, reasons: reasonsBetween(p, q) };
  }
  const [p, q] = [getInstitution(db, firstId), getInstitution(db, secondId)];
  return { type, first: p, second: q, fields, counts, reasons: reasonsBetween(p, q) };
}
