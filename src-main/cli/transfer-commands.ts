import fs from 'node:fs';
import path from 'node:path';
import type { KartotekApp } from '../core/app';
import {
  DUPLICATE_ACTIONS,
  TRANSFER_CHUNK_BYTES,
  TRANSFER_FORMATS,
  type DuplicateAction,
  type TransferFormat,
  type TransferImportReport,
  type TransferInspection,
} from '../../src-shared/contract/transfer';
import type { CardType } from '../../src-shared/contract/cards';

/**
 * `kartotek import` and `kartotek export`: the same calls the import and
 * export screens make (upload in chunks, inspect, import; export, download),
 * so a script gets exactly the UI's checks, duplicate handling and limits.
 */

export class CommandError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

async function call<T>(app: KartotekApp, method: string, input: unknown): Promise<T> {
  const result = await app.call(method, input);
  if (!result.ok) throw new CommandError(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const CARD_TYPES: Record<string, CardType> = { persons: 'person', institutions: 'institution' };

export function cardTypeArg(word: string | undefined): CardType {
  const type = word ? CARD_TYPES[word] : undefined;
  if (!type) throw new CommandError('kart türü "persons" ya da "institutions" olmalı', true);
  return type;
}

async function uploadFile(app: KartotekApp, file: string): Promise<string> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new CommandError(`${file} açılamadı: ${(err as Error).message}`);
  }
  try {
    const buffer = Buffer.alloc(TRANSFER_CHUNK_BYTES);
    let uploadId: string | undefined;
    let offset = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, offset);
      if (n === 0 && uploadId) return uploadId;
      const result = await call<{ uploadId: string }>(app, 'transfer.upload', {
        uploadId,
        fileName: path.basename(file),
        offset,
        data: buffer.subarray(0, n).toString('base64'),
      });
      uploadId = result.uploadId;
      offset += n;
      if (n < buffer.length) return uploadId;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A mapping file is JSON: { "column header": "target" | null }; columns it does not name are not imported. */
function mappingFromFile(file: string, headers: readonly string[]): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CommandError(`eşleme dosyası ${file} okunamadı: ${(err as Error).message}`, true);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new CommandError(`eşleme dosyası ${file} bir JSON nesnesi olmalı: { "Sütun başlığı": "hedef" }`, true);
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  for (const [header, target] of entries) {
    if (!headers.includes(header)) {
      throw new CommandError(`eşleme dosyasındaki "${header}" sütunu dosyada yok (sütunlar: ${headers.join(', ')})`);
    }
    if (target !== null && typeof target !== 'string') {
      throw new CommandError(`eşleme dosyasında "${header}" için hedef bir metin ya da null olmalı`, true);
    }
  }
  const byHeader = new Map(entries as [string, string | null][]);
  return headers.map((h) => byHeader.get(h) ?? null);
}

export interface ImportOptions {
  cardType: CardType;
  file: string;
  mappingFile?: string | undefined;
  onDuplicate?: string | undefined;
  dryRun: boolean;
  validRows: boolean;
}

export async function importCommand(
  app: KartotekApp,
  options: ImportOptions,
): Promise<{ inspection: TransferInspection; report: TransferImportReport }> {
  const onDuplicate = (options.onDuplicate ?? 'skip') as DuplicateAction;
  if (!DUPLICATE_ACTIONS.includes(onDuplicate)) {
    throw new CommandError(`--on-duplicate ${DUPLICATE_ACTIONS.join('|')} olmalı`, true);
  }
  const uploadId = await uploadFile(app, options.file);
  let done = false;
  try {
    const inspection = await call<TransferInspection>(app, 'transfer.inspect', {
      uploadId,
      cardType: options.cardType,
    });
    const mapping = options.mappingFile ? mappingFromFile(options.mappingFile, inspection.headers) : inspection.mapping;
    const report = await call<TransferImportReport>(app, 'transfer.import', {
      uploadId,
      cardType: options.cardType,
      mapping,
      onDuplicate,
      dryRun: options.dryRun,
      validRowsOnly: options.validRows,
    });
    done = report.committed;
    return { inspection, report };
  } finally {
    // A committed import removed its upload; anything else leaves nothing behind either.
    if (!done) await app.call('transfer.discard', { uploadId });
  }
}

export function importSummaryText(report: TransferImportReport): string {
  const lines = [
    `${report.dryRun ? 'Deneme (hiçbir şey yazılmadı)' : report.committed ? 'İçe aktarıldı' : 'İçe aktarılmadı'}: ` +
      `${report.created} yeni, ${report.updated} güncellendi, ${report.skipped} atlandı, ${report.errorRows} hatalı satır` +
      (report.institutionsCreated ? `, ${report.institutionsCreated} yeni kurum` : ''),
    ...report.warnings,
    ...report.errors.map((e) => `satır ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`),
  ];
  if (report.errorsTruncated) lines.push('… (hataların hepsi gösterilmedi)');
  return lines.join('\n');
}

export interface ExportOptions {
  cardType: CardType;
  format: string | undefined;
  out: string | undefined;
  segment?: string | undefined;
  q?: string | undefined;
  province?: string | undefined;
  kind?: string | undefined;
}

export async function exportCommand(
  app: KartotekApp,
  options: ExportOptions,
): Promise<{ file: string; rowCount: number; size: number }> {
  const format = options.format as TransferFormat;
  if (!TRANSFER_FORMATS.includes(format)) throw new CommandError(`--format ${TRANSFER_FORMATS.join('|')} olmalı`, true);
  if (!options.out) throw new CommandError('çıktı dosyası gerekli: -o DOSYA', true);
  const filter = { q: options.q, province: options.province, kind: options.kind, segmentId: options.segment };
  const file = await call<{ downloadId: string; rowCount: number; size: number }>(app, 'transfer.export', {
    cardType: options.cardType,
    format,
    filter,
  });
  const out = path.resolve(options.out);
  const fd = fs.openSync(out, 'w');
  try {
    let offset = 0;
    for (;;) {
      const chunk = await call<{ data: string; done: boolean }>(app, 'transfer.download', {
        downloadId: file.downloadId,
        offset,
      });
      const bytes = Buffer.from(chunk.data, 'base64');
      fs.writeSync(fd, bytes);
      offset += bytes.length;
      if (chunk.done) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file: out, rowCount: file.rowCount, size: file.size };
}
