import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { RunningJob } from '../../src-main/jobs/background-jobs';
import { startMailScan } from '../../src-main/jobs/mail-scan/mail-scan-job';
import type { ContractEvent, EventPayload } from '../../src-shared/contract';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { contractCalls } from './contract-calls';
import { appendAt, countRows, daysAgo, message, startProxy, waitFor, dovecotAccountFields } from './mail-sync-support';

let server: DovecotServer;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let app: KartotekApp;
let dir: string;
let job: RunningJob | undefined;
const events: ContractEvent[] = [];
const { call } = contractCalls(() => app);

beforeAll(async () => {
  server = await startDovecot();
  proxy = await startProxy(server.port);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-job-'));
  app = openApp({ dataDir: dir });
  app.ctx.events.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await job?.stop();
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await proxy?.stop();
  await server?.stop();
});

const phases = () =>
  events
    .filter((e) => e.name === 'mail.syncProgress')
    .map((e) => (e.payload as EventPayload<'mail.syncProgress'>).phase);
const stored = () => countRows(app, 'select count(*) n from mail_messages');
const status = () =>
  app.ctx.db.$client.prepare('select status, status_detail detail from mail_accounts').get() as {
    status: string;
    detail: string | null;
  };

describe.skipIf(!dovecotInstalled())('the background mail scan job', () => {
  it('syncs an added account, takes new mail within seconds (IDLE), survives a dropped connection without losing mail, stops promptly', async () => {
    await appendAt(
      server,
      'INBOX',
      [1, 2, 3].map((n) => ({ raw: message(n), date: daysAgo(n) })),
    );
    // Quick retries so the test sees a drop and the recovery in seconds (the app: 2 s doubling to 5 min).
    job = startMailScan(app, { retryBaseMs: 300, maxRetryMs: 1000, idleRestartMs: 60_000 });
    await call('mail.accounts.save', { fields: dovecotAccountFields(server, { imapPort: proxy.port }) });
    await waitFor('first scan', () => stored() === 3 && status().status === 'idle');
    expect(phases().includes('first')).toBe(true);
    expect(events.some((e) => e.name === 'mail.changed')).toBe(true);
    await waitFor('IDLE', () => phases().includes('idle'));

    // New mail while the job waits in IDLE: stored in seconds, no polling interval (idleRestartMs is a minute).
    const appendedAt = Date.now();
    await appendAt(server, 'INBOX', [{ raw: message(4), date: new Date() }]);
    await waitFor('mail 4 via IDLE', () => stored() === 4, 5000);
    expect(Date.now() - appendedAt).toBeLessThan(5000);

    // The connection drops and the server stays unreachable for a while: the status says so, with a reason.
    proxy.drop();
    await waitFor('error status', () => status().status === 'error');
    expect(status().detail).toMatch(/bağlantı koptu|ulaşılamadı/);
    expect(status().detail).toContain('yeniden denenecek');
    expect(status().detail).not.toContain(server.password);
    // Mail arriving meanwhile is not lost: it is fetched once the server answers again.
    await appendAt(
      server,
      'INBOX',
      [5, 6].map((n) => ({ raw: message(n), date: new Date() })),
    );
    proxy.allow();
    await waitFor('recovery', () => stored() === 6 && status().status === 'idle', 10_000);
    expect(status().detail).toBeNull();
    expect(countRows(app, 'select count(distinct content_key) n from mail_messages')).toBe(6);

    // syncNow on an account waiting in IDLE is answered by a pass at once (not at the next IDLE restart).
    const lastSync = () =>
      (app.ctx.db.$client.prepare('select last_sync_at t from mail_accounts').get() as { t: string }).t;
    const before = lastSync();
    await new Promise((r) => setTimeout(r, 5));
    await call('mail.accounts.syncNow', {});
    await waitFor('a pass after syncNow', () => lastSync() !== before, 3000);

    // A second account that cannot connect keeps retrying; once removed, its worker stops for good.
    const broken = await call('mail.accounts.save', {
      fields: {
        name: 'Bozuk',
        emailAddress: 'bozuk@kartotek.test',
        imapHost: server.host,
        imapPort: 1,
        imapSecurity: 'none',
        smtpHost: server.host,
        smtpPort: 1,
        smtpSecurity: 'none',
        username: 'bozuk',
        password: 'x',
      },
    });
    const statusOf = (id: string) =>
      app.ctx.db.$client.prepare('select status from mail_accounts where id = ?').get(id) as { status: string };
    await waitFor('broken account in error', () => statusOf(broken.id).status === 'error');
    await call('mail.accounts.remove', { id: broken.id });
    const eventsAtRemoval = events.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(statusOf(broken.id).status).toBe('disabled');
    const later = events
      .slice(eventsAtRemoval)
      .filter((e) => e.name === 'mail.accountStatus' && (e.payload as { accountId: string }).accountId === broken.id);
    expect(later).toEqual([]);

    const stopping = Date.now();
    await job.stop();
    job = undefined;
    expect(Date.now() - stopping).toBeLessThan(2000);
  });
});

describe.skipIf(!dovecotInstalled())('a connection dropped in the middle of a first scan', () => {
  it('reports the drop, reconnects, and ends with every message stored once', async () => {
    const own = await startDovecot({ user: 'arsiv@kartotek.test' });
    const ownProxy = await startProxy(own.port);
    const ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-drop-'));
    const ownApp = openApp({ dataDir: ownDir });
    // Enough mail that the scan (groups of 50, fetched one group ahead) is still running when the drop lands.
    const total = 300;
    let ownJob: RunningJob | undefined;
    try {
      const c = await own.client();
      for (let n = 1; n <= total; n++) await c.append('INBOX', message(n), [], daysAgo((total - n + 1) / 2));
      await c.logout();
      ownJob = startMailScan(ownApp, { retryBaseMs: 300, maxRetryMs: 1000, idleRestartMs: 60_000 });
      const result = await ownApp.call('mail.accounts.save', {
        fields: {
          name: 'Arşiv',
          emailAddress: own.user,
          imapHost: own.host,
          imapPort: ownProxy.port,
          imapSecurity: 'none',
          smtpHost: own.host,
          smtpPort: 2525,
          smtpSecurity: 'none',
          username: own.user,
          password: own.password,
        },
      });
      expect(result.ok).toBe(true);
      const count = () => countRows(ownApp, 'select count(*) n from mail_messages');
      const ownStatus = () =>
        ownApp.ctx.db.$client.prepare('select status, status_detail detail from mail_accounts').get() as {
          status: string;
          detail: string | null;
        };
      await waitFor('part of the first scan', () => count() >= 10, 20_000);
      ownProxy.drop();
      await waitFor('error status', () => ownStatus().status === 'error');
      const atDrop = count();
      expect(atDrop).toBeLessThan(total);
      expect(ownStatus().detail).toMatch(/bağlantı koptu|ulaşılamadı/);
      ownProxy.allow();
      await waitFor('scan finished', () => count() === total && ownStatus().status === 'idle', 30_000);
      expect(countRows(ownApp, 'select count(distinct uid) n from mail_messages')).toBe(total);
      expect(
        countRows(ownApp, 'select count(*) n from mail_folders where role = ? and backfill_done = 1', 'inbox'),
      ).toBe(1);
    } finally {
      await ownJob?.stop();
      ownApp.close();
      fs.rmSync(ownDir, { recursive: true, force: true });
      await ownProxy.stop();
      await own.stop();
    }
  }, 80_000);
});
