import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { contractCalls } from './contract-calls';

/** Today, for every test of a file that uses the test app: 2026-03-02 in Istanbul. */
export const TEST_START = Date.parse('2026-03-02T09:00:00.000Z');

/**
 * A fresh data folder and app for every test of the file, closed and removed after
 * it. The clock starts at TEST_START and every reading is a second later, so audit
 * order and updatedAt are deterministic; `clock()` is the last time handed out.
 */
export function useTestApp() {
  let dir = '';
  let app: KartotekApp | undefined;
  let clock = TEST_START;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-'));
    clock = TEST_START;
    app = openApp({ dataDir: dir, now: () => new Date((clock += 1000)) });
  });
  afterEach(() => {
    app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const current = (): KartotekApp => {
    if (!app) throw new Error('the test app is open only inside a test');
    return app;
  };
  return { app: current, clock: () => clock, ...contractCalls(current) };
}
