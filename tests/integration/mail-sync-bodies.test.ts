import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { connectImap } from '../../src-main/services/mail/accounts/connection-options';
import { scanAccount } from '../../src-main/jobs/mail-scan/scan-account';
import { drainMailBodies, startMailBodies } from '../../src-main/jobs/mail-bodies/mail-body-job';
import { completeBody, takeQueuedBodies } from '../../src-main/services/mail/ingest/body-queue';
import { parseRawMessage } from '../../src-main/services/mail/ingest/parse-message';
import { writeTransaction } from '../../src-main/db/transaction';
import type { ContractEvent } from '../../src-shared/contract';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { contractCalls } from './contract-calls';
import { appendAt, countRows, daysAgo, message, waitFor, dovecotAccountFields } from './mail-sync-support';
import { scanEnvOf, type ScanEnv } from '../../src-main/jobs/mail-scan/scan-env';

// A large scan lists and links mail from its header blocks and leaves the bodies to the mail body job: the mail is
// on the cards at once, its text, attachments and search row follow, and nothing is read twice or lost.
let server: DovecotServer;
let app: KartotekApp;
let dir: string;
let accountId: string;
const { call } = contractCalls(() => app);

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'mail', name), 'latin1');

function withAttachment(n: number, from: string): string {
  return [
    `From: "Ayşe Yılmaz" <${from}>`,
    'To: ofis@kartotek.test',
    `Subject: =?UTF-8?B?${Buffer.from(`Teklif dosyası ${n} — Çağrı`).toString('base64')}?=`,
    `Message-ID: <ekli-${n}@musteri.test>`,
    'Date: Mon, 02 Mar 2026 08:30:00 +0300',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="sinir"',
    '',
    '--sinir',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Ekteki <b>fiyatlandırma</b> tablosunu inceleyebilirsiniz.</p>',
    '--sinir',
    'Content-Type: text/csv; name="fiyatlar.csv"',
    'Content-Disposition: attachment; filename="fiyatlar.csv"',
    '',
    'urun;fiyat',
    'kalem;12',
    '--sinir--',
    '',
  ].join('\r\n');
}

// Every fetch takes the large-scan path, whatever its size.
const env = (): ScanEnv => scanEnvOf(app, { deferBodiesAbove: 0 });

async function pass() {
  const client = await connectImap(app.ctx.db, app.ctx.secrets, accountId);
  try {
    return await scanAccount(env(), client, accountId);
  } finally {
    await client.logout();
  }
}

const queued = () => countRows(app, 'select count(*) n from mail_body_queue');
const idOf = (messageIdHeader: string) =>
  (
    app.ctx.db.$client.prepare('select id from mail_messages where message_id_header = ?').get(messageIdHeader) as {
      id: string;
    }
  ).id;
const searchIds = async (q: string) =>
  (await call('search.query', { q, limit: 50 })).groups.flatMap((g) => g.hits.map((h) => h.id));

beforeAll(async () => {
  server = await startDovecot();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-bodies-'));
  app = openApp({ dataDir: dir });
  const ayse = await call('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    emails: [{ kind: 'work', address: 'ayse@musteri.test', isPrimary: true }],
  });
  expect(ayse.id).toBeTruthy();
  await appendAt(server, 'INBOX', [
    { raw: withAttachment(1, 'ayse@musteri.test'), date: daysAgo(5) },
    ...[2, 3, 4].map((n) => ({ raw: message(n), date: daysAgo(5 - n) })),
    { raw: fixture('bounce-dsn.eml'), date: daysAgo(1) },
  ]);
  const account = await call('mail.accounts.save', { fields: dovecotAccountFields(server, { syncWindowDays: 30 }) });
  accountId = account.id;
}, 60_000);
afterAll(async () => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

describe.skipIf(!dovecotInstalled())('mail bodies read after a large scan', () => {
  it('lists and links at once, then the body job adds text, attachments and the search row, each once', async () => {
    const first = await pass();
    expect(first.counts).toMatchObject({ fetched: 5, stored: 5, linked: 1 });
    // The possible bounce was read whole at once; the four others wait, and the settings screen says so.
    expect(queued()).toBe(4);
    expect((await call('mail.accounts.list', {}))[0]).toMatchObject({ messageCount: 5, bodiesPending: 4 });
    expect(
      countRows(
        app,
        "select count(*) n from mail_messages where subject = 'Undelivered Mail Returned to Sender' and body_text <> ''",
      ),
    ).toBe(1);

    const withFile = idOf('ekli-1@musteri.test');
    const before = await call('mail.get', { id: withFile, allowRemote: false });
    expect(before).toMatchObject({ subject: 'Teklif dosyası 1 — Çağrı', bodyPending: true, text: '', attachments: [] });
    expect(before.cards.map((c) => c.displayName)).toEqual(['Ayşe Yılmaz']);
    expect(await searchIds('fiyatlandirma')).not.toContain(withFile);

    expect(await drainMailBodies(app)).toEqual({ read: 4 });
    expect(queued()).toBe(0);
    expect((await call('mail.accounts.list', {}))[0]).toMatchObject({ bodiesPending: 0 });
    const after = await call('mail.get', { id: withFile, allowRemote: false });
    expect(after.bodyPending).toBe(false);
    expect(after.text).toContain('fiyatlandırma tablosunu');
    expect(after.html).toContain('<b>fiyatlandırma</b>');
    expect(after.attachments.map((a) => a.fileName)).toEqual(['fiyatlar.csv']);
    expect(after.cards.map((c) => c.displayName)).toEqual(['Ayşe Yılmaz']);
    expect(await searchIds('fiyatlandirma')).toContain(withFile);
    expect((await call('mail.get', { id: idOf('ileti-3@musteri.test'), allowRemote: false })).text).toContain(
      '3 numaralı ileti',
    );

    // Stored again (a second job that parsed it too, a retry after a crash): nothing is stored twice.
    const again = await parseRawMessage(Buffer.from(withAttachment(1, 'ayse@musteri.test')));
    const stamp = { userId: app.ctx.userId, at: app.ctx.now().toISOString() };
    expect(writeTransaction(app.ctx.db, () => completeBody(app.ctx.db, withFile, again, stamp))).toBeNull();
    expect(countRows(app, 'select count(*) n from mail_attachments where message_id = ?', withFile)).toBe(1);
    expect(await drainMailBodies(app)).toEqual({ read: 0 });
  });

  it('the running job reads what a scan queued, the mail someone opened first, and tells the screens', async () => {
    await appendAt(
      server,
      'INBOX',
      [5, 6, 7].map((n) => ({ raw: message(n), date: daysAgo(0) })),
    );
    const events: ContractEvent[] = [];
    const unsubscribe = app.ctx.events.subscribe((e) => events.push(e));
    // Left in the queue as a crash would leave it: the job takes it up when it starts.
    await pass();
    expect(queued()).toBe(3);
    const opened = idOf('ileti-7@musteri.test');
    expect(takeQueuedBodies(app.ctx.db, { first: opened, limit: 10, maxBytes: 1 })[0]!.messageId).toBe(opened);

    const job = startMailBodies(app);
    try {
      expect((await call('mail.get', { id: opened, allowRemote: false })).bodyPending).toBe(true);
      await waitFor('the queue to empty', () => queued() === 0);
      await waitFor('mail.changed', () => events.some((e) => e.name === 'mail.changed'));
      expect((await call('mail.get', { id: opened, allowRemote: false })).text).toContain('7 numaralı ileti');
    } finally {
      unsubscribe();
      await job.stop();
    }
  });
});
