/**
 * The parse worker pool with several messages in flight per worker: a message that hangs its worker is found by
 * parsing the others again one by one, so it alone gets the minimal parse and the rest are read in full.
 * Real worker processes; the hang is the test hook (NODE_ENV=test and the hook variable only).
 */
import { afterAll, expect, it } from 'vitest';
import { ParsePool } from '../../src-main/jobs/mail-scan/parse-worker-pool';
import {
  HANG_PARSE_WORKER_MARKER,
  PARSE_WORKER_TEST_HOOKS_ENV,
} from '../../src-main/jobs/mail-scan/parse-worker-test-hooks';
import { message } from './mail-sync-support';

process.env[PARSE_WORKER_TEST_HOOKS_ENV] = '1';
const pool = new ParsePool({ size: 1, maxOldSpaceMb: 256, timeoutMs: 3000 });
afterAll(() => pool.close());

it('gives only the message that hangs its worker the minimal parse; those in flight with it are read in full', async () => {
  const raws = [1, 2, 3, 4].map((n) =>
    Buffer.from(message(n, n === 2 ? { subject: `İleti 2 ${HANG_PARSE_WORKER_MARKER}` } : {})),
  );
  const parsed = await Promise.all(raws.map((raw) => pool.parse(raw)));
  expect(parsed.map((m) => m.parseProblems === null)).toEqual([true, false, true, true]);
  expect(parsed[1]!.parseProblems).toMatch(/3 saniyede bitmedi/);
  expect(parsed[1]!.text).toContain('bu 2 numaralı ileti');
  expect(parsed[3]!.text).toContain('bu 4 numaralı ileti');
}, 30_000);
