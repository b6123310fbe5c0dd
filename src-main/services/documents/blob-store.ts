import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { conflict } from '../../../src-shared/contract/errors';

/**
 * File contents inside SQLite, addressed by SHA-256 and cut into fixed chunks,
 * so the same bytes are stored once however often they are filed, and no file
 * is ever held whole in memory, on the way in or out.
 */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

export interface BlobInfo {
  sha256: string;
  size: number;
}

/** Hashes a file as it streams past (the first pass: the hash is the key the chunks are stored under). */
export function hashFile(file: string): Promise<BlobInfo> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    let size = 0;
    fs.createReadStream(file, { highWaterMark: BLOB_CHUNK_BYTES })
      .on('data', (chunk: Buffer | string) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        hash.update(bytes);
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), size }));
  });
}

export function blobExists(db: Db, sha256: string): boolean {
  return stmt(db, 'select 1 from blobs where sha256 = ?').get(sha256) !== undefined;
}

/**
 * Stores the file under `expected` unless those bytes are stored already;
 * answers whether it wrote anything. Call inside the write transaction of the
 * change that files it. better-sqlite3 transactions cannot span an await, so
 * this pass reads synchronously, one reused 1 MB buffer at a time, and checks
 * the bytes still hash to `expected` (a file changed between the passes is
 * refused, and the transaction rolls back).
 */
export function storeBlob(db: Db, file: string, expected: BlobInfo, at: string): boolean {
  if (blobExists(db, expected.sha256)) return false;
  stmt(db, 'insert into blobs (sha256, size, chunk_size, created_at) values (?, ?, ?, ?)').run(
    expected.sha256,
    expected.size,
    BLOB_CHUNK_BYTES,
    at,
  );
  const insert = stmt(db, 'insert into blob_chunks (sha256, seq, data) values (?, ?, ?)');
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(BLOB_CHUNK_BYTES);
  const fd = fs.openSync(file, 'r');
  let size = 0;
  try {
    for (let seq = 0; ; seq++) {
      const read = readFull(fd, buffer);
      if (read === 0) break;
      const piece = buffer.subarray(0, read);
      hash.update(piece);
      insert.run(expected.sha256, seq, piece);
      size += read;
      if (read < BLOB_CHUNK_BYTES) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (size !== expected.size || hash.digest('hex') !== expected.sha256) {
    throw conflict('Dosya okunurken değişti; kaydedilmedi. Lütfen yeniden deneyin.');
  }
  return true;
}

/** Fills the buffer unless the file ends first (a single readSync may return less). */
function readFull(fd: number, buffer: Buffer): number {
  let filled = 0;
  while (filled < buffer.length) {
    const read = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

function chunkSizeOf(db: Db, sha256: string): { size: number; chunkSize: number } {
  const row = stmt(db, 'select size, chunk_size as chunkSize from blobs where sha256 = ?').get(sha256) as
    { size: number; chunkSize: number } | undefined;
  if (!row) throw new Error(`blob ${sha256} is missing`);
  return row;
}

/** Bytes [offset, offset + length) of a stored blob, read from only the chunks that hold them. */
export function readBlobRange(db: Db, sha256: string, offset: number, length: number): Buffer {
  const { size, chunkSize } = chunkSizeOf(db, sha256);
  const end = Math.min(size, offset + length);
  if (offset >= end) return Buffer.alloc(0);
  const first = Math.floor(offset / chunkSize);
  const last = Math.floor((end - 1) / chunkSize);
  const rows = stmt(db, 'select seq, data from blob_chunks where sha256 = ? and seq between ? and ? order by seq').all(
    sha256,
    first,
    last,
  ) as { seq: number; data: Buffer }[];
  const pieces = rows.map((row) => {
    const start = row.seq * chunkSize;
    return row.data.subarray(Math.max(0, offset - start), Math.min(row.data.length, end - start));
  });
  return Buffer.concat(pieces);
}

/** A stored blob as a stream, one chunk row at a time. */
export function blobStream(db: Db, sha256: string): Readable {
  const { size, chunkSize } = chunkSizeOf(db, sha256);
  const count = Math.ceil(size / chunkSize);
  const one = stmt(db, 'select data from blob_chunks where sha256 = ? and seq = ?');
  function* chunks(): Generator<Buffer> {
    for (let seq = 0; seq < count; seq++) yield (one.get(sha256, seq) as { data: Buffer }).data;
  }
  return Readable.from(chunks());
}
