import type { CardType } from '../../../../src-shared/contract/cards';
import { invalidInput } from '../../../../src-shared/contract/errors';
import { MAX_IMPORT_COLUMNS } from '../../../../src-shared/contract/transfer';
import { unneutralise } from '../row-input';
import { sniffFile, type FileKind } from '../sniff';
import { openCsv } from './csv-records';
import { openXlsx } from './xlsx-records';
import { openVcf } from './vcard-records';
import type { RawRecord } from './records';

export interface SheetLimits {
  /** More data rows than this: the file is refused (a clear error, nothing imported). */
  maxRows: number;
  /** This many empty rows in a row end the data (a sheet "used" down to row 1,048,576, a file of blank lines). */
  maxEmptyRun: number;
}
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 1_000_000, maxEmptyRun: 1000 };

export interface Sheet {
  kind: FileKind;
  delimiter: string | null;
  headers: string[];
  /** Data rows: empty ones left out, cells padded to the header's width. */
  rows: AsyncGenerator<RawRecord>;
  /** Filled while `rows` is read: what was left unread and why. */
  warnings: string[];
}

const isEmpty = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * A header cell left blank still needs a name for the mapping table and the
 * error report; one an export neutralised ("'=Kategori › Alan") reads as named.
 */
const headerName = (text: string, index: number) => unneutralise(text.trim()) || `${index + 1}. sütun`;

const MAX_FLAWED_ROWS_NAMED = 10;

function flawWarning(fileName: string, rows: readonly number[]): string {
  const named = rows.slice(0, MAX_FLAWED_ROWS_NAMED).join(', ') + (rows.length > MAX_FLAWED_ROWS_NAMED ? ' …' : '');
  return `"${fileName}" UTF-8 olarak okundu, ama ${named}. satırda UTF-8 olmayan bayt var; bu karakterler "\uFFFD" olarak okundu, o satırları denetleyin.`;
}

/**
 * Opens an uploaded file as a sheet: a header row and data rows, whatever the
 * format. Everything streams; the row limits keep a hostile or broken file
 * (a gigabyte of empty lines, ten million rows) from running for ever.
 */
export async function openSheet(
  file: string,
  fileName: string,
  cardType: CardType,
  limits: SheetLimits = DEFAULT_SHEET_LIMITS,
): Promise<Sheet> {
  const kind = await sniffFile(file, fileName);
  const source =
    kind.format === 'xlsx'
      ? openXlsx(file, fileName)
      : kind.format === 'vcf'
        ? await openVcf(file, kind, cardType)
        : openCsv(file, kind, fileName);
  const records = source.records;
  let header: RawRecord | undefined;
  let emptyRun = 0;
  for (let next = await records.next(); !next.done; next = await records.next()) {
    if (!isEmpty(next.value.cells) || next.value.row === 0) {
      header = next.value;
      break;
    }
    if (++emptyRun >= limits.maxEmptyRun) break;
  }
  if (!header) {
    await records.return(undefined);
    throw invalidInput(`"${fileName}" içinde okunacak satır yok.`);
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) {
    await records.return(undefined);
    throw invalidInput(`"${fileName}" ${header.cells.length} sütunlu; en çok ${MAX_IMPORT_COLUMNS} sütun okunabilir.`);
  }
  const headers = header.cells.map(headerName);
  const warnings: string[] = [];
  // Rows of a flawed UTF-8 file that hold a byte read as U+FFFD: the user must know which to look at.
  const flawed: number[] = [];
  const noteFlaw = (record: RawRecord) => {
    if (kind.lossy && record.cells.some((c) => c.includes('\uFFFD'))) flawed.push(record.row);
  };
  noteFlaw(header);

  async function* rows(): AsyncGenerator<RawRecord> {
    let count = 0;
    let lastRow = header!.row;
    try {
      for await (const record of records) {
        // exceljs skips rows without cells altogether: count the gap as empty rows.
        const gap = record.row - lastRow - 1;
        if (!record.error && isEmpty(record.cells)) {
          if (record.row - lastRow >= limits.maxEmptyRun) {
            warnings.push(
              `${lastRow}. satırdan sonra ${limits.maxEmptyRun} boş satır var; dosyanın geri kalanı okunmadı.`,
            );
            return;
          }
          continue;
        }
        if (gap >= limits.maxEmptyRun) {
          warnings.push(
            `${lastRow}. satırdan sonra ${limits.maxEmptyRun} boş satır var; dosyanın geri kalanı okunmadı.`,
          );
          return;
        }
        lastRow = record.row;
        noteFlaw(record);
        if (++count > limits.maxRows) {
          throw invalidInput(
            `"${fileName}" çok büyük: en çok ${limits.maxRows.toLocaleString('tr-TR')} satır içe aktarılabilir; dosyayı bölün.`,
          );
        }
        const cells = record.cells.slice(0, headers.length);
        while (cells.length < headers.length) cells.push('');
        yield { ...record, cells };
      }
    } finally {
      await records.return(undefined);
      if (flawed.length) warnings.push(flawWarning(fileName, flawed));
    }
  }
  return { kind, delimiter: source.delimiter, headers, rows: rows(), warnings };
}
