import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriteriaValues, CriterionValue } from '../../../src-shared/contract/criteria';
import { invalidInput } from '../../../src-shared/contract/errors';
import { writeAudit } from '../audit/audit-log';
import { loadCard, loadLiveCard, type CardStamp } from '../cards/card-rows';
import { liveFields, type FieldRow } from './definitions';
import { checkValue, readValue, type StoredValue, type ValueRow } from './value-rules';

type ValueMap = Record<string, StoredValue>;

/** The card's values of the live fields of its type; deleted fields keep their rows but are not shown. */
function valuesOf(db: Db, cardId: string, fields: FieldRow[]): ValueMap {
  const rows = stmt(
    db,
    'select field_id as fieldId, value_text as text, value_num as num from criteria_values where card_id = ?',
  ).all(cardId) as (ValueRow & { fieldId: string })[];
  const byField = new Map<string, ValueRow[]>();
  for (const r of rows) byField.set(r.fieldId, [...(byField.get(r.fieldId) ?? []), r]);
  const values: ValueMap = {};
  for (const field of fields) {
    const value = readValue(field, byField.get(field.id) ?? []);
    if (value !== undefined) values[field.id] = value;
  }
  return values;
}

export function getValues(db: Db, cardId: string): CriteriaValues {
  const card = loadCard(db, cardId);
  return { cardId, values: valuesOf(db, cardId, liveFields(db, card.type)) };
}

/** Why a field id is not one of the card's fields, in words that name the field when it can. */
function unknownFieldReason(db: Db, fieldId: string, cardType: CardType): string {
  const row = stmt(
    db,
    `select f.name, f.deleted_at as fieldDeleted, c.deleted_at as categoryDeleted, c.card_type as cardType
     from criteria_fields f join criteria_categories c on c.id = f.category_id where f.id = ?`,
  ).get(fieldId) as
    { name: string; fieldDeleted: string | null; categoryDeleted: string | null; cardType: CardType } | undefined;
  if (!row) return `Bilinmeyen kriter alanı: ${fieldId}`;
  if (row.fieldDeleted || row.categoryDeleted) return `"${row.name}" kriter alanı silinmiş`;
  return `"${row.name}" alanı ${cardType === 'person' ? 'kişi' : 'kurum'} kartları için tanımlı değil`;
}

/** Audit text of a change: only the fields that changed, by "Kategori › Alan". */
function describeChange(fields: FieldRow[], names: Map<string, string>, before: ValueMap, after: ValueMap) {
  const was: Record<string, StoredValue | null> = {};
  const now: Record<string, StoredValue | null> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field.id]) === JSON.stringify(after[field.id])) continue;
    const label = names.get(field.id)!;
    was[label] = before[field.id] ?? null;
    now[label] = after[field.id] ?? null;
  }
  return Object.keys(now).length ? { before: was, after: now } : null;
}

/**
 * Sets the given fields of a card (the others stay as they are): every value is
 * checked against its field first, and only when all pass are the rows replaced,
 * the card touched and the audit written, in one transaction.
 */
export function setValues(
  db: Db,
  cardId: string,
  values: Record<string, CriterionValue>,
  stamp: CardStamp,
): CriteriaValues {
  return writeTransaction(db, () => {
    const card = loadLiveCard(db, cardId);
    const fields = liveFields(db, card.type);
    const byId = new Map(fields.map((f) => [f.id, f]));
    const errors: Record<string, string> = {};
    const messages: string[] = [];
    const planned: [FieldRow, ValueRow[]][] = [];
    for (const [fieldId, value] of Object.entries(values)) {
      const field = byId.get(fieldId);
      if (!field) {
        const reason = unknownFieldReason(db, fieldId, card.type);
        errors[`values.${fieldId}`] = reason;
        messages.push(reason);
        continue;
      }
      const checked = checkValue(field, value);
      if ('error' in checked) {
        errors[`values.${fieldId}`] = checked.error.charAt(0).toLocaleUpperCase('tr') + checked.error.slice(1);
        messages.push(`"${field.name}" ${checked.error}`);
      } else planned.push([field, checked.rows]);
    }
    if (messages.length) throw invalidInput(`${card.displayName}: ${messages.join('; ')}.`, errors);

    const before = valuesOf(db, cardId, fields);
    const remove = stmt(db, 'delete from criteria_values where card_id = ? and field_id = ?');
    const insert = stmt(
      db,
      'insert into criteria_values (id, card_id, field_id, value_text, value_num) values (?, ?, ?, ?, ?)',
    );
    for (const [field, rows] of planned) {
      remove.run(cardId, field.id);
      for (const row of rows) insert.run(newId(), cardId, field.id, row.text, row.num);
    }
    const after = valuesOf(db, cardId, fields);
    const names = new Map(fields.map((f) => [f.id, `${f.categoryName} › ${f.name}`]));
    const change = describeChange(
      planned.map(([f]) => f),
      names,
      before,
      after,
    );
    if (change) {
      stmt(db, 'update cards set updated_at = ? where id = ?').run(stamp.at, cardId);
      writeAudit(db, { ...stamp, action: 'set_criteria', entityType: card.type, entityId: cardId, ...change });
    }
    return { cardId, values: after };
  });
}
