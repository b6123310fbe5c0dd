import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../core/ids';
import { invalidInput, notFound } from '../../../src-shared/contract/errors';
import { MAX_UPLOAD_BYTES, TRANSFER_CHUNK_BYTES } from '../../../src-shared/contract/transfer';

/**
 * Files on their way in (uploads) and out (exports), kept under the data folder
 * so they live on the same disk as the database and never in a shared /tmp.
 * Nothing here outlives a few hours: every new upload or export sweeps older
 * files, so an abandoned import leaves no trace for long.
 */
export const TEMP_MAX_AGE_MS = 6 * 60 * 60 * 1000;

export interface TempLimits {
  maxUploadBytes: number;
}
export const DEFAULT_TEMP_LIMITS: TempLimits = { maxUploadBytes: MAX_UPLOAD_BYTES };

type Area = 'uploads' | 'exports';

const dirOf = (dataDir: string, area: Area) => path.join(dataDir, 'transfer', area);

/** Ids are UUIDs (checked by the contract), so a path built from one stays inside the folder. */
const filesOf = (dataDir: string, area: Area, id: string) => ({
  data: path.join(dirOf(dataDir, area), `${id}.bin`),
  meta: path.join(dirOf(dataDir, area), `${id}.json`),
});

export interface TempMeta {
  fileName: string;
  createdAt: string;
  mimeType?: string;
}

function ensureDir(dataDir: string, area: Area): void {
  fs.mkdirSync(dirOf(dataDir, area), { recursive: true });
}

/** Removes temp files older than TEMP_MAX_AGE_MS (by last write). */
export function sweepTempFiles(dataDir: string, now: Date): void {
  for (const area of ['uploads', 'exports'] as const) {
    const dir = dirOf(dataDir, area);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      try {
        if (now.getTime() - fs.statSync(file).mtimeMs > TEMP_MAX_AGE_MS) fs.rmSync(file, { force: true });
      } catch {
        // Removed by someone else meanwhile: nothing to do.
      }
    }
  }
}

function readMeta(dataDir: string, area: Area, id: string): TempMeta | null {
  try {
    return JSON.parse(fs.readFileSync(filesOf(dataDir, area, id).meta, 'utf8')) as TempMeta;
  } catch {
    return null;
  }
}

/** Appends one chunk; `offset` must be the size received so far, so a lost or repeated chunk is noticed. */
export function appendUpload(
  dataDir: string,
  input: { uploadId?: string | undefined; fileName: string; offset: number; data: string },
  now: Date,
  limits: TempLimits = DEFAULT_TEMP_LIMITS,
): { uploadId: string; size: number } {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > TRANSFER_CHUNK_BYTES) throw invalidInput('Bir parça en çok 4 MB olabilir.');
  let id = input.uploadId;
  if (!id) {
    sweepTempFiles(dataDir, now);
    ensureDir(dataDir, 'uploads');
    id = newId();
    const meta: TempMeta = { fileName: input.fileName, createdAt: now.toISOString() };
    fs.writeFileSync(filesOf(dataDir, 'uploads', id).meta, JSON.stringify(meta));
    fs.writeFileSync(filesOf(dataDir, 'uploads', id).data, '');
  }
  const files = filesOf(dataDir, 'uploads', id);
  if (!readMeta(dataDir, 'uploads', id) || !fs.existsSync(files.data)) throw notFound(`Yüklenen dosya (${id})`);
  const size = fs.statSync(files.data).size;
  if (input.offset !== size) {
    throw invalidInput(`Dosya parçası sırasız geldi: ${size} bayt beklenirken ${input.offset}. baytdan başlıyor.`);
  }
  if (size + bytes.length > limits.maxUploadBytes) {
    discardUpload(dataDir, id);
    const mb = Math.round(limits.maxUploadBytes / (1024 * 1024));
    throw invalidInput(`"${input.fileName}" çok büyük: en çok ${mb} MB'lık dosya içe aktarılabilir.`);
  }
  fs.appendFileSync(files.data, bytes);
  return { uploadId: id, size: size + bytes.length };
}

/** The path and name of an upload; NOT_FOUND when it was discarded or swept away. */
export function uploadFile(dataDir: string, uploadId: string): { path: string; fileName: string; size: number } {
  const meta = readMeta(dataDir, 'uploads', uploadId);
  const file = filesOf(dataDir, 'uploads', uploadId).data;
  if (!meta || !fs.existsSync(file)) {
    throw notFound(`Yüklenen dosya (birkaç saatten eski yüklemeler silinir; dosyayı yeniden seçin)`);
  }
  return { path: file, fileName: meta.fileName, size: fs.statSync(file).size };
}

export function discardUpload(dataDir: string, uploadId: string): boolean {
  const files = filesOf(dataDir, 'uploads', uploadId);
  const existed = fs.existsSync(files.data);
  fs.rmSync(files.data, { force: true });
  fs.rmSync(files.meta, { force: true });
  return existed;
}

/** A new export file to write to; its id is what `transfer.download` asks for. */
export function newExportFile(dataDir: string, meta: TempMeta, now: Date): { downloadId: string; path: string } {
  sweepTempFiles(dataDir, now);
  ensureDir(dataDir, 'exports');
  const downloadId = newId();
  const files = filesOf(dataDir, 'exports', downloadId);
  fs.writeFileSync(files.meta, JSON.stringify(meta));
  return { downloadId, path: files.data };
}

export function discardExport(dataDir: string, downloadId: string): void {
  const files = filesOf(dataDir, 'exports', downloadId);
  fs.rmSync(files.data, { force: true });
  fs.rmSync(files.meta, { force: true });
}

/** One chunk of an export; the file goes away once its last chunk was read. */
export function readExportChunk(
  dataDir: string,
  downloadId: string,
  offset: number,
): { data: string; size: number; done: boolean } {
  const files = filesOf(dataDir, 'exports', downloadId);
  if (!readMeta(dataDir, 'exports', downloadId) || !fs.existsSync(files.data)) {
    throw notFound(`Dışa aktarılan dosya (${downloadId})`);
  }
  const size = fs.statSync(files.data).size;
  if (offset > size) throw invalidInput(`Dosya ${size} bayt; ${offset}. bayttan okunamaz.`);
  const length = Math.min(TRANSFER_CHUNK_BYTES, size - offset);
  const buffer = Buffer.alloc(length);
  const fd = fs.openSync(files.data, 'r');
  try {
    fs.readSync(fd, buffer, 0, length, offset);
  } finally {
    fs.closeSync(fd);
  }
  const done = offset + length >= size;
  if (done) discardExport(dataDir, downloadId);
  return { data: buffer.toString('base64'), size, done };
}
