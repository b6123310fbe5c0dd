import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { dispatch } from '../../src-main/core/dispatch';
import type { ContractEvent } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';

/**
 * A fresh data folder per test with a ticking clock, the contract calls as the
 * local admin, and `as(userId)`: the same calls made by another user (the
 * dispatcher with that user in the context, as a host would pass it).
 */
export function criteriaTestApp() {
  const state = { dir: '', app: undefined as unknown as KartotekApp, events: [] as ContractEvent[] };
  let clock = 0;
  beforeEach(() => {
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-criteria-'));
    clock = Date.parse('2026-03-02T09:00:00.000Z');
    state.app = openApp({ dataDir: state.dir, now: () => new Date((clock += 1000)) });
    state.events = [];
    state.app.ctx.events.subscribe((e) => state.events.push(e));
  });
  afterEach(() => {
    state.app.close();
    fs.rmSync(state.dir, { recursive: true, force: true });
  });
  const as = (userId: string) =>
    contractCalls(() => ({
      ...state.app,
      call: (method: string, input: unknown) => dispatch({ ...state.app.ctx, userId }, method, input),
    }));
  const rows = <T>(sql: string, ...params: unknown[]) => state.app.ctx.db.$client.prepare(sql).all(...params) as T[];
  return { state, as, rows, ...contractCalls(() => state.app) };
}
