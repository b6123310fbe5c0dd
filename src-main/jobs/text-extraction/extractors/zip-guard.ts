import { unzipSync } from 'fflate';
import { ExtractFailure } from './extract-failure';
import { LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

const ZIP_BOMB = 'sıkıştırılmış içerik çok büyük (zip bombası olabilir)';
const corrupt = () => new ExtractFailure('dosya bozuk: zip içeriği okunamıyor');

/** The entries the central directory declares (fflate reads it; nothing is inflated). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, compressedBytes: file.size, uncompressedBytes: file.originalSize });
        return false;
      },
    });
  } catch {
    throw corrupt();
  }
  return entries;
}

/**
 * Refuses a zip (docx, xlsx, odt, ods) whose declared content is more than any
 * office document holds, or compressed at a ratio only a zip bomb reaches, before
 * anything is inflated. A zip whose declared sizes lie is still bounded: fflate
 * inflates each entry into a buffer of its declared size (readZipEntries), and the
 * libraries that unzip on their own run under the job's memory cap.
 */
export function guardZip(bytes: Uint8Array): ZipEntry[] {
  const entries = zipEntries(bytes);
  let declared = 0;
  let compressed = 0;
  for (const entry of entries) {
    declared += entry.uncompressedBytes;
    compressed += entry.compressedBytes;
  }
  if (declared > LIMITS.zipUncompressedBytes) throw new ExtractFailure(ZIP_BOMB);
  if (declared > LIMITS.zipRatioFromBytes && declared > compressed * LIMITS.zipRatio)
    throw new ExtractFailure(ZIP_BOMB);
  return entries;
}

/** The named entries' bytes (after guardZip); a missing entry is left out. */
export function readZipEntries(bytes: Uint8Array, names: string[]): Record<string, Uint8Array> {
  guardZip(bytes);
  try {
    return unzipSync(bytes, { filter: (file) => names.includes(file.name) });
  } catch {
    throw corrupt();
  }
}
