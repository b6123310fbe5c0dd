import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { CHOICE_KINDS, type CriterionKind } from '../../../src-shared/contract/criteria';
import { invalidInput } from '../../../src-shared/contract/errors';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import type { FieldRow } from './definitions';

/** Cards (the recycle bin included: a restore brings values back) holding a value of the field. */
export function valueCardCount(db: Db, fieldId: string): number {
  return (
    stmt(db, 'select count(distinct card_id) as n from criteria_values where field_id = ?').get(fieldId) as {
      n: number;
    }
  ).n;
}

function optionCardCount(db: Db, fieldId: string, option: string): number {
  return (
    stmt(db, 'select count(distinct card_id) as n from criteria_values where field_id = ? and value_text = ?').get(
      fieldId,
      option,
    ) as { n: number }
  ).n;
}

/**
 * A field's definition may change only in ways that keep every stored value
 * valid: the kind stays once values exist, and an option in use stays. Changing
 * only an option's spelling ("xl" → "XL", same Turkish-folded text) is a rename:
 * the cards holding it follow. Call inside the write transaction of the change.
 */
export function applyOptionChange(db: Db, before: FieldRow, kind: CriterionKind, options: string[]): void {
  if (before.kind !== kind) {
    const n = valueCardCount(db, before.id);
    if (n > 0) {
      throw invalidInput(
        `"${before.name}" alanının türü değiştirilemez: ${n} kartta değeri var. Yeni türde ayrı bir alan açın.`,
        { kind: `${n} kartta değeri olan alanın türü değiştirilemez` },
      );
    }
    return;
  }
  if (!CHOICE_KINDS.includes(kind)) return;
  const renames: [from: string, to: string][] = [];
  const inUse: string[] = [];
  for (const old of before.options.filter((o) => !options.includes(o))) {
    const respelled = options.find((o) => !before.options.includes(o) && foldForSearch(o) === foldForSearch(old));
    if (respelled) {
      renames.push([old, respelled]);
      continue;
    }
    const n = optionCardCount(db, before.id, old);
    if (n > 0) inUse.push(`"${old}" ${n} kartta`);
  }
  if (inUse.length > 0) {
    throw invalidInput(
      `"${before.name}" alanından kullanılan seçenek kaldırılamaz: ${inUse.join(', ')} seçili. Önce bu kartlardaki değeri değiştirin.`,
      { options: `Kullanımda: ${inUse.join(', ')}` },
    );
  }
  const rename = stmt(db, 'update criteria_values set value_text = ? where field_id = ? and value_text = ?');
  for (const [from, to] of renames) rename.run(to, before.id, from);
}
