/**
 * The scalar fields of a card (name, TCKN/VKN, source, notes …) as a merge sees
 * them: read both cards, pick per field, write the survivor, and put it back on undo.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { CardType } from '../../../src-shared/contract/cards';
import {
  INSTITUTION_MERGE_FIELDS,
  PERSON_MERGE_FIELDS,
  type MergeChoice,
  type MergeField,
} from '../../../src-shared/contract/duplicates';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { personDisplayName } from '../cards/persons';

export type FieldValues = Record<string, string | null>;

const COLUMNS: Record<CardType, { table: string; columns: Partial<Record<MergeField, string>> }> = {
  person: {
    table: 'persons',
    columns: {
      honorific: 'honorific',
      firstName: 'first_name',
      lastName: 'last_name',
      gender: 'gender',
      birthDate: 'birth_date',
      tckn: 'tckn',
      source: 'source',
      notes: 'notes',
    },
  },
  institution: {
    table: 'institutions',
    columns: {
      title: 'title',
      shortName: 'short_name',
      sector: 'sector',
      taxOffice: 'tax_office',
      vkn: 'vkn',
      tradeRegistryNo: 'trade_registry_no',
      website: 'website',
      source: 'source',
      notes: 'notes',
    },
  },
};

export const mergeFieldsOf = (type: CardType): readonly MergeField[] =>
  type === 'person' ? PERSON_MERGE_FIELDS : INSTITUTION_MERGE_FIELDS;

const columnsOf = (type: CardType) =>
  mergeFieldsOf(type).map((field) => [field, COLUMNS[type].columns[field]!] as const);

export function readFields(db: Db, type: CardType, id: string): FieldValues {
  const select = columnsOf(type)
    .map(([field, column]) => `${column} as "${field}"`)
    .join(', ');
  return stmt(db, `select ${select} from ${COLUMNS[type].table} where card_id = ?`).get(id) as FieldValues;
}

/**
 * The survivor's values after the merge. A chosen field takes that card's value as
 * it is (also an empty one). Unchosen fields keep the survivor's value, or take the
 * loser's where the survivor has none; notes that differ keep both texts unless told
 * otherwise, since nothing a person typed should vanish silently.
 */
export function chooseFields(
  type: CardType,
  survivor: FieldValues,
  loser: FieldValues,
  choices: Record<string, MergeChoice>,
): FieldValues {
  const fields = mergeFieldsOf(type);
  const problems: Record<string, string> = {};
  for (const [field, choice] of Object.entries(choices)) {
    if (!(fields as readonly string[]).includes(field)) problems[`choices.${field}`] = `"${field}" bu kartta yok`;
    else if (choice === 'both' && field !== 'notes') problems[`choices.${field}`] = 'İkisi birden yalnız notlarda olur';
  }
  const keys = Object.keys(problems);
  if (keys.length) throw invalidInput(`Birleştirme seçimi geçersiz: ${problems[keys[0]!]}.`, problems);

  const result: FieldValues = {};
  for (const field of fields) {
    const mine = survivor[field] ?? null;
    const theirs = loser[field] ?? null;
    const both = mine && theirs && mine !== theirs ? `${mine}\n\n${theirs}` : (mine ?? theirs);
    const choice = choices[field];
    if (choice === 'survivor') result[field] = mine;
    else if (choice === 'loser') result[field] = theirs;
    else if (choice === 'both' || field === 'notes') result[field] = both;
    else result[field] = mine ?? theirs;
  }
  return result;
}

export const displayNameOf = (type: CardType, values: FieldValues): string =>
  type === 'person'
    ? personDisplayName({ firstName: values.firstName ?? '', lastName: values.lastName ?? '' })
    : (values.title ?? '');

/** Writes the fields and the card's name, with the card's updatedAt (now, or its old one on undo). */
export function writeFields(db: Db, type: CardType, id: string, values: FieldValues, updatedAt: string): void {
  const columns = columnsOf(type);
  stmt(
    db,
    `update ${COLUMNS[type].table} set ${columns.map(([, column]) => `${column} = ?`).join(', ')} where card_id = ?`,
  ).run(...columns.map(([field]) => values[field] ?? null), id);
  const name = displayNameOf(type, values);
  stmt(db, 'update cards set display_name = ?, sort_key = ?, updated_at = ? where id = ?').run(
    name,
    turkishSortKey(name),
    updatedAt,
    id,
  );
}
