import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText } from '../../../services/transfer/read/xlsx-records';
import { LIMITS } from './limits';
import { guardZip } from './zip-guard';

/**
 * An Excel workbook (.xlsx): one page per worksheet, a row per line, cells by tabs,
 * read with exceljs' streaming reader (a large sheet is never held whole) and cut
 * off after LIMITS.sheetCells cells.
 */
export async function extractXlsx(bytes: Uint8Array): Promise<string[]> {
  guardZip(bytes);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' },
  );
  const pages: string[] = [];
  let cells = 0;
  for await (const sheet of workbook) {
    const lines: string[] = [];
    const name = (sheet as unknown as { name?: string }).name;
    if (name) lines.push(name);
    for await (const row of sheet) {
      if (cells >= LIMITS.sheetCells) break;
      const values = row.values as ExcelJS.CellValue[];
      const line: string[] = [];
      for (let i = 1; i < values.length; i++) line.push(cellText(values[i] ?? null));
      cells += line.length;
      const text = line.join('\t').trimEnd();
      if (text) lines.push(text);
    }
    pages.push(lines.join('\n'));
    if (cells >= LIMITS.sheetCells) break;
  }
  return pages;
}
