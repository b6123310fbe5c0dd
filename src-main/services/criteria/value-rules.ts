/**
 * The check of one criterion value against its field's kind, and the mapping to
 * and from the stored rows (see the shape in src-shared/contract/criteria.ts).
 */
import type { CriterionKind, CriterionValue } from '../../../src-shared/contract/criteria';
import { MAX_CRITERION_TEXT } from '../../../src-shared/contract/criteria';
import { isIsoDate } from '../../../src-shared/domain/dates';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import type { FieldRow } from './definitions';

export interface ValueRow {
  text: string | null;
  num: number | null;
}

export type StoredValue = string | number | boolean | string[];

export type Checked = { rows: ValueRow[] } | { error: string };

const text = (t: string): ValueRow => ({ text: t, num: null });
const num = (n: number): ValueRow => ({ text: null, num: n });
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Emptiness has one meaning for every kind: no value (the rows are removed). */
const isEmpty = (v: CriterionValue) =>
  v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function listOf(options: string[]): string {
  const shown = options.slice(0, 10).map((o) => `"${o}"`);
  return shown.join(', ') + (options.length > 10 ? ' …' : '');
}

/** The field's own spelling of a chosen option: "xl" picks "XL", as a person typing it would expect. */
const matchOption = (options: string[], value: string) =>
  options.find((o) => o === value) ?? options.find((o) => foldForSearch(o) === foldForSearch(value));

export function checkValue(field: FieldRow, value: CriterionValue): Checked {
  if (isEmpty(value)) return { rows: [] };
  const kind: CriterionKind = field.kind;
  switch (kind) {
    case 'text':
      if (typeof value !== 'string') return { error: 'metin olmalı' };
      if (value.trim().length > MAX_CRITERION_TEXT)
        return { error: `en fazla ${MAX_CRITERION_TEXT} karakter olabilir` };
      return { rows: [text(value.trim())] };
    case 'number': {
      const n = typeof value === 'string' && PLAIN_NUMBER.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'bir sayı olmalı' };
      return { rows: [num(n)] };
    }
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value.trim())) {
        return { error: 'geçerli bir tarih olmalı (YYYY-AA-GG)' };
      }
      return { rows: [text(value.trim())] };
    case 'yes_no':
      if (typeof value !== 'boolean') return { error: 'evet ya da hayır olmalı' };
      return { rows: [num(value ? 1 : 0)] };
    case 'one_of': {
      if (typeof value !== 'string') return { error: 'seçeneklerden biri olmalı' };
      const option = matchOption(field.options, value.trim());
      if (!option) return { error: `"${value.trim()}" seçeneklerden biri değil (${listOf(field.options)})` };
      return { rows: [text(option)] };
    }
    case 'many_of': {
      const items = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(items)) return { error: 'seçenekler listesi olmalı' };
      const chosen = new Set<string>();
      for (const item of items) {
        if (item.trim() === '') continue;
        const option = matchOption(field.options, item.trim());
        if (!option) return { error: `"${item.trim()}" seçeneklerden biri değil (${listOf(field.options)})` };
        chosen.add(option);
      }
      // In the field's order, so the card and exports list them the same way every time.
      return { rows: field.options.filter((o) => chosen.has(o)).map(text) };
    }
  }
}

/** Back from rows to the value a form shows; undefined when there are none. */
export function readValue(field: FieldRow, rows: ValueRow[]): StoredValue | undefined {
  if (rows.length === 0) return undefined;
  switch (field.kind) {
    case 'number':
      return rows[0]!.num ?? undefined;
    case 'yes_no':
      return rows[0]!.num === 1;
    case 'many_of': {
      const order = (o: string) => {
        const i = field.options.indexOf(o);
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      return rows.map((r) => r.text ?? '').sort((a, b) => order(a) - order(b));
    }
    default:
      return rows[0]!.text ?? undefined;
  }
}
