import ExcelJS from 'exceljs';
import { invalidInput } from '../../../../src-shared/contract/errors';
import type { RawRecord, RecordSource } from './records';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell's value as the text the user sees. Dates become YYYY-MM-DD (exceljs
 * reads Excel's day numbers as UTC midnight); formulas give their last result,
 * never the formula (a cell's formula is not what a card should store).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'DOĞRU' : 'YANLIŞ';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return midnight ? date : value.toISOString();
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  if ('error' in value) return '';
  return '';
}

const unreadable = (fileName: string, reason: string) =>
  invalidInput(`"${fileName}" okunamadı: geçerli bir Excel (.xlsx) dosyası değil (${reason}).`);

/**
 * The first worksheet of an .xlsx file as records, streamed row by row
 * (exceljs' streaming reader), so a large workbook is never loaded whole.
 * exceljs leaves out rows without any cell: their numbers are simply skipped.
 */
export function openXlsx(file: string, fileName: string): RecordSource {
  async function* records(): AsyncGenerator<RawRecord> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let sawSheet = false;
    try {
      for await (const sheet of workbook) {
        sawSheet = true;
        for await (const row of sheet) {
          const values = row.values as ExcelJS.CellValue[];
          const cells: string[] = [];
          for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null));
          yield { row: row.number, cells };
        }
        // Only the first worksheet is imported.
        break;
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'INVALID_INPUT') throw err;
      throw unreadable(fileName, (err as Error).message.slice(0, 120));
    }
    if (!sawSheet) throw unreadable(fileName, 'içinde çalışma sayfası yok');
  }
  return { delimiter: null, records: records() };
}
