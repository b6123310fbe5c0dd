import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { connectImap } from '../../src-main/services/mail/accounts/connection-options';
import { scanAccount } from '../../src-main/jobs/mail-scan/scan-account';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { contractCalls } from './contract-calls';
import { appendAt, countRows, daysAgo, message, dovecotAccountFields } from './mail-sync-support';
import { scanEnvOf, type ScanEnv } from '../../src-main/jobs/mail-scan/scan-env';

let server: DovecotServer;
let app: KartotekApp;
let dir: string;
let accountId: string;
const { call } = contractCalls(() => app);

beforeAll(async () => {
  server = await startDovecot();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-scan-'));
  app = openApp({ dataDir: dir });
});
afterAll(async () => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

const env = (): ScanEnv => scanEnvOf(app);

/** One pass as the job and the CLI make it, on a client whose commands are counted. */
async function pass() {
  const client = await connectImap(app.ctx.db, app.ctx.secrets, accountId);
  const commands: string[] = [];
  for (const name of ['fetch', 'fetchAll', 'fetchOne', 'mailboxOpen', 'search'] as const) {
    const original = (client[name] as (...args: unknown[]) => unknown).bind(client);
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      commands.push(name);
      return original(...args);
    };
  }
  try {
    const started = performance.now();
    const result = await scanAccount(env(), client as ImapFlow, accountId);
    return { ...result, commands, ms: performance.now() - started };
  } finally {
    await client.logout();
  }
}

const inboxUidsInStoreOrder = () =>
  (
    app.ctx.db.$client
      .prepare(
        `select m.uid from mail_messages m join mail_folders f on f.id = m.folder_id
         where f.role = 'inbox' order by m.rowid`,
      )
      .all() as { uid: number }[]
  ).map((r) => r.uid);

describe.skipIf(!dovecotInstalled())('mail scan against a real IMAP server', () => {
  it('first scan: the window only, newest first, sent folder as outgoing; then only new mail; then no FETCH at all', async () => {
    // Two mails older than the 30-day window, five inside it; two in Sent.
    await appendAt(server, 'INBOX', [
      { raw: message(1), date: daysAgo(400) },
      { raw: message(2), date: daysAgo(40) },
      ...[3, 4, 5, 6, 7].map((n) => ({ raw: message(n), date: daysAgo(20 - n) })),
    ]);
    await appendAt(server, 'Sent', [
      { raw: message(101, { from: server.user, to: 'musteri@firma.test' }), date: daysAgo(3) },
      { raw: message(102, { from: server.user, to: 'musteri@firma.test' }), date: daysAgo(2) },
    ]);
    const account = await call('mail.accounts.save', { fields: dovecotAccountFields(server, { syncWindowDays: 30 }) });
    accountId = account.id;

    const first = await pass();
    expect(first.counts).toMatchObject({ fetched: 7, stored: 7, bounces: 0 });
    expect(first.notice).toBeNull();
    expect(inboxUidsInStoreOrder()).toEqual([7, 6, 5, 4, 3]);
    expect(countRows(app, "select count(*) n from mail_messages where direction = 'out'")).toBe(2);
    expect(countRows(app, "select count(*) n from mail_messages where subject in ('İleti 1', 'İleti 2')")).toBe(0);
    const listed = await call('mail.accounts.list', {});
    expect(listed[0]).toMatchObject({ messageCount: 7 });

    await appendAt(server, 'INBOX', [
      { raw: message(8), date: new Date() },
      { raw: message(9), date: new Date() },
    ]);
    const second = await pass();
    expect(second.counts).toMatchObject({ fetched: 2, stored: 2 });
    expect(inboxUidsInStoreOrder()).toEqual([7, 6, 5, 4, 3, 8, 9]);

    // Nothing new: STATUS answers it; no SELECT, no SEARCH, no FETCH.
    const third = await pass();
    expect(third.counts).toMatchObject({ fetched: 0, stored: 0 });
    expect(third.commands).toEqual([]);
    // The benchmark's target is 50 ms on a desk; the bound here only catches a pass that fetches.
    expect(third.ms).toBeLessThan(500);
  });

  it('after a UIDVALIDITY change reads the folder again without duplicates and finds the mail that came after', async () => {
    const before = countRows(app, 'select count(*) n from mail_messages');
    const oldValidity = (
      app.ctx.db.$client.prepare("select uid_validity v from mail_folders where role = 'inbox'").get() as { v: string }
    ).v;
    await server.resetUidValidity('INBOX');
    await appendAt(server, 'INBOX', [{ raw: message(10), date: new Date() }]);

    const after = await pass();
    expect(after.counts.stored).toBe(1);
    expect(countRows(app, 'select count(*) n from mail_messages')).toBe(before + 1);
    expect(countRows(app, 'select count(distinct content_key) n from mail_messages')).toBe(before + 1);
    const inbox = app.ctx.db.$client
      .prepare("select uid_validity v, backfill_done d from mail_folders where role = 'inbox'")
      .get() as { v: string; d: number };
    expect(inbox.v).not.toBe(oldValidity);
    expect(inbox.d).toBe(1);
    // Every stored inbox mail now points at the new UIDVALIDITY (re-pointed, not copied).
    expect(
      countRows(
        app,
        `select count(*) n from mail_messages m join mail_folders f on f.id = m.folder_id
         where f.role = 'inbox' and m.uid_validity <> f.uid_validity`,
      ),
    ).toBe(0);
    // And the pass after it is quiet again.
    expect((await pass()).commands).toEqual([]);
  });

  it('uses the server’s \\Sent folder when the named one does not exist, and says so', async () => {
    app.ctx.db.$client
      .prepare("update mail_accounts set sent_folder = 'Gönderilmiş Öğeler' where id = ?")
      .run(accountId);
    const result = await pass();
    expect(result.notice).toContain('Gönderilmiş Öğeler');
    expect(result.notice).toContain('"Sent"');
    expect(result.counts.stored).toBe(0);
  });
});
