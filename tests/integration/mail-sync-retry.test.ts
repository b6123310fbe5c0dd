/**
 * An account whose server cannot be reached: the scan job says so on the account and tries again after a growing
 * pause, never in a tight loop (a closed connection once woke the pause at once: thousands of tries a second).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { RunningJob } from '../../src-main/jobs/background-jobs';
import { startMailScan } from '../../src-main/jobs/mail-scan/mail-scan-job';
import type { EventPayload } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { waitFor } from './mail-sync-support';

let app: KartotekApp;
let job: RunningJob | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-retry-'));
const { call } = contractCalls(() => app);

afterAll(async () => {
  await job?.stop();
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A loopback port nobody listens on (taken and given back). */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('waits longer after each failed connection instead of trying again at once', async () => {
  app = openApp({ dataDir: dir });
  let tries = 0;
  app.ctx.events.subscribe((e) => {
    if (e.name === 'mail.syncProgress' && (e.payload as EventPayload<'mail.syncProgress'>).phase === 'connecting')
      tries++;
  });
  const port = await deadPort();
  await call('mail.accounts.save', {
    fields: {
      name: 'Kapalı sunucu',
      emailAddress: 'ofis@kapali.test',
      imapHost: '127.0.0.1',
      imapPort: port,
      imapSecurity: 'none',
      smtpHost: '127.0.0.1',
      smtpPort: port,
      smtpSecurity: 'none',
      username: 'ofis',
      password: 'parola-1',
    },
  });
  // 300 ms, then 600, 1200, 2000…: about four tries in two and a half seconds.
  job = startMailScan(app, { retryBaseMs: 300, maxRetryMs: 2000, idleRestartMs: 60_000 });
  await waitFor('the first failure', () => tries >= 2);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(tries).toBeGreaterThanOrEqual(3);
  expect(tries).toBeLessThanOrEqual(8);
  const account = (await call('mail.accounts.list', {}))[0]!;
  expect(account.status).toBe('error');
  expect(account.statusDetail).toMatch(/yeniden denenecek/);
});
