import type { CriterionValue } from '../../../src-shared/contract/criteria';
import { parseTypedDate } from '../../../src-shared/domain/dates';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import type { FieldRow } from '../criteria/definitions';

/**
 * Criteria values and tags as office sheets write them, turned into what the
 * criteria module's rules check (value-rules.ts checkValue): Turkish and
 * English numbers, Evet/Hayır, dates as typed in Turkey, lists in one cell.
 */

/** Several values in one cell: "VIP, Fuar 2026; Bayi". */
export const splitList = (text: string) =>
  text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Options are at most this long (contract/criteria.ts optionText): longer runs of pieces need no look. */
const MAX_OPTION_LENGTH = 100;

/**
 * A many_of cell split on , or ; where an option may itself hold a comma
 * ("Ankara, Merkez"): the longest run of pieces that names an option is taken.
 */
export function splitOptions(text: string, options: readonly string[]): string[] {
  const known = new Set(options.map(foldForSearch));
  // Pieces at even indexes, the separators between them at odd ones.
  const parts = text.split(/([,;])/);
  const chosen: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    let taken = i;
    let run = parts[i]!;
    for (let j = i + 2; j < parts.length && run.length <= MAX_OPTION_LENGTH; j += 2) {
      run += parts[j - 1]! + parts[j]!;
      if (known.has(foldForSearch(run))) taken = j;
    }
    const value = parts
      .slice(i, taken + 1)
      .join('')
      .trim();
    if (value) chosen.push(value);
    i = taken;
  }
  return chosen;
}

const YES_NO = new Map<string, boolean>([
  ['evet', true],
  ['e', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['true', true],
  ['dogru', true],
  ['hayir', false],
  ['h', false],
  ['no', false],
  ['n', false],
  ['0', false],
  ['false', false],
  ['yanlis', false],
]);

/**
 * A number as a Turkish or an English sheet writes it: 1234,5 · 1.234,5 ·
 * 1234.5 (and what exceljs gives for a number cell); null when it is none.
 */
export function readNumber(text: string): number | null {
  const t = text.replace(/\s/g, '');
  let plain: string | null = null;
  if (/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) plain = t;
  else if (/^[+-]?\d+,\d+$/.test(t)) plain = t.replace(',', '.');
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) plain = t.replace(/\./g, '').replace(',', '.');
  if (plain === null) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** A cell's text as the value the criteria module checks for the field's kind (left as text if unreadable). */
export function readCriterionCell(field: FieldRow, text: string): CriterionValue {
  switch (field.kind) {
    case 'number':
      return readNumber(text) ?? text;
    case 'date':
      return parseTypedDate(text) ?? text;
    case 'yes_no':
      return YES_NO.get(foldForSearch(text)) ?? text;
    case 'many_of':
      return splitOptions(text, field.options);
    default:
      return text;
  }
}

/** The criteria module's reason, with the cell's value in it when it does not say it already. */
export function criterionProblem(field: FieldRow, text: string, error: string): string {
  if (field.kind === 'date') return `"${text}" geçerli bir tarih olmalı (GG.AA.YYYY)`;
  if (error.startsWith('"') || text.length > 40) return error.charAt(0).toLocaleUpperCase('tr') + error.slice(1);
  return `"${text}" ${error}`;
}
