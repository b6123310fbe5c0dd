/**
 * What an admin defines: categories of criteria per card type and their fields.
 * Both are soft-deleted so the values cards already hold survive (and a later
 * sync has a tombstone); a deleted field simply stops showing anywhere.
 */
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import type { CardType } from '../../../src-shared/contract/cards';
import {
  CHOICE_KINDS,
  type categoryInput,
  type CriteriaCategory,
  type CriteriaField,
  type CriterionKind,
  type fieldInput,
} from '../../../src-shared/contract/criteria';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { assertAdmin } from './permissions';
import { placeAt, renumber } from './positions';
import { applyOptionChange, valueCardCount } from './option-changes';

export interface CategoryRow {
  id: string;
  cardType: CardType;
  name: string;
  position: number;
}

export interface FieldRow {
  id: string;
  categoryId: string;
  name: string;
  kind: CriterionKind;
  options: string[];
  position: number;
}

const parseOptions = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);

const SELECT_CATEGORY = 'select id, card_type as cardType, name, position from criteria_categories';
const SELECT_FIELD = `select f.id, f.category_id as categoryId, f.name, f.kind, f.options, f.position
  from criteria_fields f`;

function readFields(rows: unknown[]): FieldRow[] {
  return (rows as (Omit<FieldRow, 'options'> & { options: string | null })[]).map((f) => ({
    ...f,
    options: parseOptions(f.options),
  }));
}

/** The live fields of a card type with their category, for checking and showing values. */
export function liveFields(db: Db, cardType: CardType): (FieldRow & { categoryName: string })[] {
  const rows = stmt(
    db,
    `${SELECT_FIELD.replace('from', ', c.name as categoryName from')}
       join criteria_categories c on c.id = f.category_id and c.deleted_at is null
     where c.card_type = ? and f.deleted_at is null
     order by c.position, c.id, f.position, f.id`,
  ).all(cardType);
  return readFields(rows) as (FieldRow & { categoryName: string })[];
}

/**
 * How many cards hold a value of each field, the recycle bin included (a restored
 * card brings its values back, so they count as "in use").
 */
function fieldCardCounts(db: Db, cardType: CardType): Map<string, number> {
  const rows = stmt(
    db,
    `select v.field_id as id, count(distinct v.card_id) as n from criteria_values v
     where v.field_id in (select f.id from criteria_fields f
       join criteria_categories c on c.id = f.category_id where c.card_type = ?)
     group by v.field_id`,
  ).all(cardType) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Categories of a card type with their fields, in order. The per-field card
 * counts cost a pass over the values, so only the admin page asks for them.
 */
export function listDefinitions(db: Db, cardType: CardType, withCounts = false): CriteriaCategory[] {
  const categories = stmt(
    db,
    `${SELECT_CATEGORY} where card_type = ? and deleted_at is null order by position, id`,
  ).all(cardType) as CategoryRow[];
  const counts = withCounts ? fieldCardCounts(db, cardType) : null;
  const fields = liveFields(db, cardType);
  return categories.map((c) => ({
    ...c,
    fields: fields
      .filter((f) => f.categoryId === c.id)
      .map(({ categoryName: _, ...f }) => ({ ...f, cardCount: counts ? (counts.get(f.id) ?? 0) : null })),
  }));
}

function loadCategory(db: Db, id: string): CategoryRow {
  const row = stmt(db, `${SELECT_CATEGORY} where id = ? and deleted_at is null`).get(id) as CategoryRow | undefined;
  if (!row) throw notFound(`Kriter kategorisi (${id})`);
  return row;
}

function loadField(db: Db, id: string): FieldRow {
  const rows = stmt(db, `${SELECT_FIELD} where f.id = ? and f.deleted_at is null`).all(id);
  const row = readFields(rows)[0];
  if (!row) throw notFound(`Kriter alanı (${id})`);
  return row;
}

function categoryView(db: Db, id: string): CriteriaCategory {
  const row = loadCategory(db, id);
  return listDefinitions(db, row.cardType, true).find((c) => c.id === id)!;
}

function fieldView(db: Db, id: string): CriteriaField {
  const field = loadField(db, id);
  return { ...field, cardCount: valueCardCount(db, id) };
}

/** Two siblings with one (folded) name would be indistinguishable on the card and in filters. */
function assertNameFree(db: Db, sql: string, scope: string, name: string, exceptId: string | undefined, what: string) {
  const folded = foldForSearch(name);
  const clash = (stmt(db, sql).all(scope) as { id: string; name: string }[]).find(
    (r) => r.id !== exceptId && foldForSearch(r.name) === folded,
  );
  if (clash) throw invalidInput(`"${clash.name}" adında bir ${what} zaten var.`, { name: `Bu ad zaten kullanılıyor` });
}

export function saveCategory(db: Db, input: z.output<typeof categoryInput>, stamp: CardStamp): CriteriaCategory {
  assertAdmin(db, stamp.userId, 'Kriter tanımlamak');
  return writeTransaction(db, () => {
    const before = input.id ? loadCategory(db, input.id) : undefined;
    if (before && before.cardType !== input.cardType) {
      throw invalidInput(`"${before.name}" kategorisi başka bir kart türüne taşınamaz.`, {
        cardType: 'Kart türü değiştirilemez',
      });
    }
    assertNameFree(
      db,
      'select id, name from criteria_categories where card_type = ? and deleted_at is null',
      input.cardType,
      input.name,
      input.id,
      'kategori',
    );
    const id = input.id ?? newId();
    if (before) {
      stmt(db, 'update criteria_categories set name = ?, updated_at = ? where id = ?').run(input.name, stamp.at, id);
    } else {
      stmt(
        db,
        `insert into criteria_categories (id, card_type, name, position, created_at, updated_at, created_by)
         values (?, ?, ?, 1000000000, ?, ?, ?)`,
      ).run(id, input.cardType, input.name, stamp.at, stamp.at, stamp.userId);
    }
    placeAt(db, 'category', input.cardType, id, input.position);
    const after = loadCategory(db, id);
    writeAudit(db, {
      ...stamp,
      action: 'criteria_define',
      entityType: 'criteria_category',
      entityId: id,
      ...(before ? { before } : {}),
      after,
    });
    return categoryView(db, id);
  });
}

export function deleteCategory(db: Db, id: string, stamp: CardStamp): { id: string } {
  assertAdmin(db, stamp.userId, 'Kriter silmek');
  return writeTransaction(db, () => {
    const before = loadCategory(db, id);
    stmt(db, 'update criteria_fields set deleted_at = ? where category_id = ? and deleted_at is null').run(
      stamp.at,
      id,
    );
    stmt(db, 'update criteria_categories set deleted_at = ?, updated_at = ? where id = ?').run(stamp.at, stamp.at, id);
    renumber(db, 'category', before.cardType);
    writeAudit(db, { ...stamp, action: 'criteria_define', entityType: 'criteria_category', entityId: id, before });
    return { id };
  });
}

/** Options of a choice field: required, each once (Turkish-folded); other kinds have none. */
function checkOptions(kind: CriterionKind, options: string[]): string[] {
  if (!CHOICE_KINDS.includes(kind)) return [];
  if (options.length === 0) {
    throw invalidInput('Seçmeli bir alanın en az bir seçeneği olmalı.', { options: 'En az bir seçenek girin' });
  }
  const seen = new Set<string>();
  for (const option of options) {
    const folded = foldForSearch(option);
    if (seen.has(folded)) {
      throw invalidInput(`"${option}" seçeneği iki kez yazılmış.`, { options: `"${option}" iki kez yazılmış` });
    }
    seen.add(folded);
  }
  return options;
}

export function saveField(db: Db, input: z.output<typeof fieldInput>, stamp: CardStamp): CriteriaField {
  assertAdmin(db, stamp.userId, 'Kriter tanımlamak');
  const options = checkOptions(input.kind, input.options);
  return writeTransaction(db, () => {
    const category = loadCategory(db, input.categoryId);
    const before = input.id ? loadField(db, input.id) : undefined;
    if (
      before &&
      before.categoryId !== category.id &&
      loadCategory(db, before.categoryId).cardType !== category.cardType
    ) {
      throw invalidInput(`"${before.name}" alanı başka bir kart türünün kategorisine taşınamaz.`, {
        categoryId: 'Aynı kart türünden bir kategori seçin',
      });
    }
    assertNameFree(
      db,
      'select id, name from criteria_fields where category_id = ? and deleted_at is null',
      category.id,
      input.name,
      input.id,
      'alan',
    );
    if (before) applyOptionChange(db, before, input.kind, options);
    const id = input.id ?? newId();
    const optionsJson = CHOICE_KINDS.includes(input.kind) ? JSON.stringify(options) : null;
    if (before) {
      stmt(
        db,
        'update criteria_fields set category_id = ?, name = ?, kind = ?, options = ?, updated_at = ? where id = ?',
      ).run(category.id, input.name, input.kind, optionsJson, stamp.at, id);
    } else {
      stmt(
        db,
        `insert into criteria_fields (id, category_id, name, kind, options, position, created_at, updated_at, created_by)
         values (?, ?, ?, ?, ?, 1000000000, ?, ?, ?)`,
      ).run(id, category.id, input.name, input.kind, optionsJson, stamp.at, stamp.at, stamp.userId);
    }
    placeAt(db, 'field', category.id, id, input.position);
    if (before && before.categoryId !== category.id) renumber(db, 'field', before.categoryId);
    const after = loadField(db, id);
    writeAudit(db, {
      ...stamp,
      action: 'criteria_define',
      entityType: 'criteria_field',
      entityId: id,
      ...(before ? { before } : {}),
      after,
    });
    return fieldView(db, id);
  });
}

export function deleteField(db: Db, id: string, stamp: CardStamp): { id: string } {
  assertAdmin(db, stamp.userId, 'Kriter silmek');
  return writeTransaction(db, () => {
    const before = loadField(db, id);
    stmt(db, 'update criteria_fields set deleted_at = ?, updated_at = ? where id = ?').run(stamp.at, stamp.at, id);
    renumber(db, 'field', before.categoryId);
    writeAudit(db, { ...stamp, action: 'criteria_define', entityType: 'criteria_field', entityId: id, before });
    return { id };
  });
}
