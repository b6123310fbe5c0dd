import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { CardType } from '../../../../src-shared/contract/cards';
import { yieldToEventLoop } from '../read/records';
import type { ExportColumn, FlatCard } from './card-columns';
import { neutraliseCell } from './neutralise';

const ROWS_PER_SLICE = 500;

/** 1980-06-15 → 15.06.1980, how Turkish Excel shows a date (and reads it back). */
const turkishDate = (iso: string) => iso.split('-').reverse().join('.');

/** 1234.5 → 1234,5: Turkish Excel reads a decimal comma as a number (a point would make a date of 1.5). */
const turkishNumber = (plain: string) => plain.replace('.', ',');

function cellOf(card: FlatCard, column: ExportColumn): string {
  const value = card.get(column.target)?.[column.index] ?? '';
  if (!value) return '';
  if (column.format === 'date') return turkishDate(value);
  if (column.format === 'number') return turkishNumber(value);
  return neutraliseCell(value);
}

/**
 * CSV for Turkish Excel: UTF-8 with a byte-order mark (without it Excel reads
 * windows-1254 and garbles ş, ğ, ı), `;` between fields (the comma is the
 * decimal sign there), CRLF line ends.
 */
export async function writeCsv(
  file: string,
  columns: readonly ExportColumn[],
  cards: readonly FlatCard[],
  onProgress: (done: number) => boolean,
): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const options = { delimiter: ';', newline: '\r\n' };
  try {
    // Headers too: criteria fields are named by admins, and "=cmd|…" as a field name is a formula like any other.
    await write('\uFEFF' + Papa.unparse([columns.map((c) => neutraliseCell(c.header))], options) + '\r\n');
    for (let start = 0; start < cards.length; start += ROWS_PER_SLICE) {
      const rows = cards.slice(start, start + ROWS_PER_SLICE).map((card) => columns.map((c) => cellOf(card, c)));
      await write(Papa.unparse(rows, options) + '\r\n');
      if (!onProgress(start + rows.length)) return;
      await yieldToEventLoop();
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/** A sheet cell: dates as real dates, criteria numbers as numbers, everything else as (neutralised) text. */
function sheetCell(card: FlatCard, column: ExportColumn): string | number | Date {
  const value = card.get(column.target)?.[column.index] ?? '';
  if (value && column.format === 'date') return new Date(`${value}T00:00:00Z`);
  if (value && column.format === 'number') return Number(value);
  return neutraliseCell(value);
}

/**
 * An .xlsx written row by row (exceljs' streaming writer). Every cell is text,
 * so Excel keeps the leading zero of 0532… and all eleven digits of a T.C.
 * Kimlik No, except dates (birth dates, date criteria), which are real dates
 * shown as 15.06.1980, and number criteria, which are numbers.
 */
export async function writeXlsx(
  file: string,
  cardType: CardType,
  columns: readonly ExportColumn[],
  cards: readonly FlatCard[],
  onProgress: (done: number) => boolean,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(cardType === 'person' ? 'Kişiler' : 'Kurumlar', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ key: `${c.target}#${c.index}`, width: Math.max(12, c.header.length + 2) }));
  const header = sheet.addRow(columns.map((c) => neutraliseCell(c.header)));
  header.font = { bold: true };
  header.commit();
  for (let start = 0; start < cards.length; start += ROWS_PER_SLICE) {
    for (const card of cards.slice(start, start + ROWS_PER_SLICE)) {
      const row = sheet.addRow(columns.map((c) => sheetCell(card, c)));
      columns.forEach((c, i) => {
        if (c.format === 'date') row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
      });
      row.commit();
    }
    if (!onProgress(Math.min(cards.length, start + ROWS_PER_SLICE))) break;
    await yieldToEventLoop();
  }
  sheet.commit();
  await workbook.commit();
}
