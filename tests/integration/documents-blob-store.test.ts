import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src-main/db/transaction';
import { blobStream, hashFile, readBlobRange, storeBlob } from '../../src-main/services/documents/blob-store';
import { useTestApp } from './test-app';

const t = useTestApp();
const MB = 1024 * 1024;

/** A file of `mb` MB of random bytes, written one MB at a time; answers its SHA-256. */
function randomFile(file: string, mb: number): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < mb; i++) {
    const piece = crypto.randomBytes(MB);
    hash.update(piece);
    fs.writeSync(fd, piece);
  }
  fs.closeSync(fd);
  return hash.digest('hex');
}

describe('blob store: file contents inside SQLite', () => {
  it('stores the same bytes once, however often they come', async () => {
    const db = t.app().ctx.db;
    const file = path.join(t.app().ctx.dataDir, 'a.bin');
    fs.writeFileSync(file, Buffer.alloc(2.5 * MB, 7));
    const info = await hashFile(file);
    expect(writeTransaction(db, () => storeBlob(db, file, info, 'now'))).toBe(true);
    expect(writeTransaction(db, () => storeBlob(db, file, info, 'now'))).toBe(false);
    const count = (table: string) =>
      (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    expect(count('blobs')).toBe(1);
    expect(count('blob_chunks')).toBe(3);
    // A range across a chunk border comes back from the two chunks that hold it.
    expect(readBlobRange(db, info.sha256, MB - 2, 4)).toEqual(Buffer.alloc(4, 7));
    expect(readBlobRange(db, info.sha256, 2.5 * MB - 1, 100)).toHaveLength(1);
  });

  it('refuses a file that changed between hashing and storing, and keeps nothing of it', async () => {
    const db = t.app().ctx.db;
    const file = path.join(t.app().ctx.dataDir, 'b.bin');
    fs.writeFileSync(file, 'first');
    const info = await hashFile(file);
    fs.writeFileSync(file, 'other');
    expect(() => writeTransaction(db, () => storeBlob(db, file, info, 'now'))).toThrow('değişti');
    expect(db.$client.prepare('select count(*) as n from blobs').get()).toEqual({ n: 0 });
  });

  it('round-trips a 50 MB file byte-identical without holding it in memory', async () => {
    const db = t.app().ctx.db;
    const file = path.join(t.app().ctx.dataDir, 'big.bin');
    const expected = randomFile(file, 50);
    const baseline = process.memoryUsage();
    const peak = { heap: 0, buffers: 0 };
    const sample = () => {
      const now = process.memoryUsage();
      peak.heap = Math.max(peak.heap, now.heapUsed - baseline.heapUsed);
      peak.buffers = Math.max(peak.buffers, now.arrayBuffers - baseline.arrayBuffers);
    };

    const info = await hashFile(file);
    sample();
    expect(info).toEqual({ sha256: expected, size: 50 * MB });
    writeTransaction(db, () => storeBlob(db, file, info, 'now'));
    sample();
    fs.rmSync(file);

    const hash = crypto.createHash('sha256');
    let size = 0;
    for await (const chunk of blobStream(db, info.sha256)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      sample();
    }
    expect(size).toBe(50 * MB);
    expect(hash.digest('hex')).toBe(expected);
    // Generous bounds: 1 MB chunks not yet collected count too, but holding the file would be 50 MB and more.
    expect(peak.heap).toBeLessThan(16 * MB);
    expect(peak.buffers).toBeLessThan(45 * MB);
  }, 60_000);
});
