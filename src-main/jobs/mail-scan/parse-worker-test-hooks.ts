/**
 * TEST ONLY. Honoured only with NODE_ENV=test and this variable set to 1 in the environment of the process that
 * starts the parse workers (they inherit it); never set by the app, the CLI or the installers. It lets a test make
 * a worker die the way a hostile message can, without building one (the parser bounds what it reads).
 */
export const PARSE_WORKER_TEST_HOOKS_ENV = 'KARTOTEK_PARSE_WORKER_TEST_HOOKS';

/** A message whose header block holds this (e.g. in its Subject) makes the worker exit on the spot. */
export const KILL_PARSE_WORKER_MARKER = 'KARTOTEK-TEST-KILL-PARSE-WORKER';
/** … and this makes it spin for ever, as a parser caught in a loop would. */
export const HANG_PARSE_WORKER_MARKER = 'KARTOTEK-TEST-HANG-PARSE-WORKER';

export function testKillParseWorker(raw: Uint8Array): void {
  if (process.env.NODE_ENV !== 'test' || process.env[PARSE_WORKER_TEST_HOOKS_ENV] !== '1') return;
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 8192)).toString('latin1');
  if (head.includes(KILL_PARSE_WORKER_MARKER)) process.exit(70);
  if (head.includes(HANG_PARSE_WORKER_MARKER)) for (;;);
}
