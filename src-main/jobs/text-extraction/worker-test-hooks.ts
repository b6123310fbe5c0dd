import type { ExtractResult } from './extract-types';

/**
 * TEST ONLY. Set in the environment of the process that starts the workers
 * (they inherit it); never set by the app, the CLI or the installers. It lets
 * a test make the worker die the way a hostile file can, without building such
 * a file: the extractors bound what they read, so no small real file does it.
 */
export const TEXT_WORKER_TEST_HOOKS_ENV = 'KARTOTEK_TEXT_WORKER_TEST_HOOKS';

/** Content that starts with this and a number N makes the worker build one string of N MB at once. */
export const HUGE_ALLOCATION_MARKER = 'KARTOTEK-TEST-HUGE-ALLOCATION-MB:';

/**
 * With the test hooks on and the marker at the start of the content: one
 * single allocation of N MB (a flat two-byte string), the kind that aborts the
 * whole process when the worker is a thread. Otherwise undefined: the real
 * extractors run.
 */
export function testExtraction(input: { bytes: Uint8Array }): ExtractResult | undefined {
  if (process.env[TEXT_WORKER_TEST_HOOKS_ENV] !== '1') return undefined;
  const head = Buffer.from(input.bytes.subarray(0, 64)).toString('latin1');
  if (!head.startsWith(HUGE_ALLOCATION_MARKER)) return undefined;
  const megabytes = Number.parseInt(head.slice(HUGE_ALLOCATION_MARKER.length), 10);
  // repeat() only links pieces; toUpperCase() needs the whole string in one flat block.
  const huge = 'ş'.repeat((megabytes * 1024 * 1024) / 2).toUpperCase();
  return { status: 'done', pages: [huge.slice(0, 10)], extractor: 'test' };
}
