import type Database from 'better-sqlite3';

const MB = 1024 * 1024;

/**
 * The bytes of a stored content, copied chunk by chunk into one buffer of the
 * final size (no growing concatenation, no second whole copy). Contents above
 * `maxBytes` are not read: the answer says why in the user's words.
 */
export function readContent(
  db: Database.Database,
  sha256: string,
  maxBytes: number,
): { bytes: Uint8Array } | { reason: string } {
  const blob = db.prepare('select size from blobs where sha256 = ?').get(sha256) as { size: number } | undefined;
  if (!blob) throw new Error('belgenin içeriği veritabanında yok');
  if (blob.size > maxBytes) {
    return {
      reason: `Dosya metni çıkarılamayacak kadar büyük (${Math.round(blob.size / MB)} MB; sınır ${Math.round(maxBytes / MB)} MB). Belge saklandı ve açılabilir.`,
    };
  }
  const bytes = Buffer.allocUnsafe(blob.size);
  let offset = 0;
  for (const row of db
    .prepare('select data from blob_chunks where sha256 = ? order by seq')
    .iterate(sha256) as IterableIterator<{ data: Buffer }>) {
    row.data.copy(bytes, offset);
    offset += row.data.length;
  }
  if (offset !== blob.size) throw new Error(`içerik eksik: ${offset} / ${blob.size} bayt`);
  return { bytes };
}
