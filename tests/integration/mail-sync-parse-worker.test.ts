import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { connectImap } from '../../src-main/services/mail/accounts/connection-options';
import { scanAccount } from '../../src-main/jobs/mail-scan/scan-account';
import {
  KILL_PARSE_WORKER_MARKER,
  PARSE_WORKER_TEST_HOOKS_ENV,
} from '../../src-main/jobs/mail-scan/parse-worker-test-hooks';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { contractCalls } from './contract-calls';
import { appendAt, daysAgo, message, dovecotAccountFields } from './mail-sync-support';
import { scanEnvOf } from '../../src-main/jobs/mail-scan/scan-env';

// The parse workers are real processes started by the scan; this variable (inherited by them) lets one die on a
// marker subject the way a hostile message can make it die. Honoured only with NODE_ENV=test (vitest sets it).
let server: DovecotServer;
let app: KartotekApp;
let dir: string;
const { call } = contractCalls(() => app);

beforeAll(async () => {
  process.env[PARSE_WORKER_TEST_HOOKS_ENV] = '1';
  server = await startDovecot();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-parse-worker-'));
  app = openApp({ dataDir: dir });
});
afterAll(async () => {
  delete process.env[PARSE_WORKER_TEST_HOOKS_ENV];
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await server?.stop();
});

/** An HTML mail: read in full it has a body_html; the minimal parse keeps only headers and raw text. */
function htmlMessage(n: number, subject: string): string {
  return [
    `From: "Gönderen ${n}" <kisi${n}@musteri.test>`,
    'To: ofis@kartotek.test',
    `Subject: ${subject}`,
    `Message-ID: <ileti-${n}@musteri.test>`,
    'Date: Mon, 02 Mar 2026 08:30:00 +0300',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<html><body><p>Merhaba, bu ${n} numaralı ileti.</p></body></html>`,
    '',
  ].join('\r\n');
}

describe.skipIf(!dovecotInstalled())('mail scan with parse workers', () => {
  it('a message that kills its parse worker is stored with the minimal parse and the scan goes on', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    await appendAt(server, 'INBOX', [
      { raw: htmlMessage(1, 'Birinci ileti'), date: daysAgo(5) },
      { raw: htmlMessage(2, `Zararlı ${KILL_PARSE_WORKER_MARKER}`), date: daysAgo(4) },
      { raw: htmlMessage(3, 'Üçüncü ileti'), date: daysAgo(3) },
      { raw: message(4), date: daysAgo(2) },
    ]);
    const account = await call('mail.accounts.save', { fields: dovecotAccountFields(server, { syncWindowDays: 30 }) });
    const client = await connectImap(app.ctx.db, app.ctx.secrets, account.id);
    const env = scanEnvOf(app);
    try {
      const pass = await scanAccount(env, client, account.id);
      expect(pass.counts).toMatchObject({ fetched: 4, stored: 4 });
    } finally {
      await client.logout();
    }

    const rows = app.ctx.db.$client
      .prepare(
        'select subject, body_html_source as html, body_text as text, parse_problems as problems from mail_messages',
      )
      .all() as { subject: string; html: string | null; text: string; problems: string | null }[];
    const bySubject = new Map(rows.map((r) => [r.subject, r]));
    const hostile = bySubject.get(`Zararlı ${KILL_PARSE_WORKER_MARKER}`);
    expect(hostile).toBeDefined();
    expect(hostile!.html).toBeNull();
    expect(hostile!.text).toContain('Merhaba, bu 2 numaralı ileti.');
    expect(hostile!.problems).toMatch(/İleti okuyucu beklenmedik biçimde durdu \(çıkış kodu 70\)/);
    // The messages around it (in the same group, parsed by the same or a fresh worker) are read in full.
    for (const subject of ['Birinci ileti', 'Üçüncü ileti']) {
      expect(bySubject.get(subject)).toMatchObject({ problems: null });
      expect(bySubject.get(subject)!.html).toContain('numaralı ileti.');
    }
    expect(bySubject.get('İleti 4')).toMatchObject({ problems: null, html: null });
  });
});
