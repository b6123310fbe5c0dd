import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, type Page } from '@playwright/test';

export interface RunningHost {
  /** The URL with the per-run secret in its fragment, as printed by the host. */
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  /** The host's output so far (its log lines), for a failed test's report. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the built web host (`dist/main/web.js`) on a fresh data folder, as `npm run start:web` does.
 * `env` adds variables, e.g. KARTOTEK_DEBUG to have a job log its steps.
 */
export async function startWebHost(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/main/web.js', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  let started = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      // Kept to the last 200 kB: a long spec with a job's debug lines would grow it without end.
      output = (output + chunk.toString()).slice(-200_000);
      if (started) return;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)/.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    secret: parsed.hash.replace('#k=', ''),
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Where e2e screenshots go (looked at by people, not compared by tests). */
export const SHOTS = 'test-results/screens';

export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });

/** A contract call over HTTP with the run's secret; a refusal fails the test with main's error. */
export async function callApi<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kartotek-secret': host.secret },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * One web host for a spec file: started before its tests on a fresh data folder
 * (with `args`, e.g. --demo), stopped after them. `call` talks to it directly, to
 * set up data or to know the expected answer.
 */
export function useWebHost(args: string[] = [], env: Record<string, string> = {}) {
  let running: RunningHost | undefined;
  test.beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    running = await startWebHost(args, env);
  });
  // A failed test's report carries the host's last lines: on CI they are all there is to go by.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads which fixtures a hook wants from this pattern
  test.afterEach(async ({}, testInfo) => {
    if (!running || testInfo.status === testInfo.expectedStatus) return;
    await testInfo.attach('web-host.log', { body: running.output(), contentType: 'text/plain' });
    console.log(`--- web host, last lines ---\n${running.output().split('\n').slice(-80).join('\n')}`);
  });
  test.afterAll(async () => {
    await running?.stop();
  });
  const host = (): RunningHost => {
    if (!running) throw new Error('the web host is not running (used outside a test?)');
    return running;
  };
  return { host, call: <T>(method: string, input: unknown) => callApi<T>(host(), method, input) };
}
