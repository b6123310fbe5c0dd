import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { daysAgo, message, waitFor } from './mail-sync-support';

// The real `kartotek` command (bin/kartotek.js → dist/main/cli.js) on a real data folder and a real IMAP server.
const TOTAL = 300;
let server: DovecotServer;
let smtp: SmtpSink;
let accountId: string;
let dataDir: string;
let db: Database.Database | undefined;

/** Runs the CLI without blocking this process: the SMTP sink the command talks to lives here. */
function kartotek(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/kartotek.js', '--data', dataDir, ...args], {
    env: { ...process.env, KARTOTEK_QUIET: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const storedCount = () => {
  db ??= new Database(
    path.join(
      dataDir,
      fs.readdirSync(dataDir).find((f) => f.endsWith('.db'))!,
    ),
    {
      readonly: true,
    },
  );
  return (db.prepare('select count(*) n from mail_messages').get() as { n: number }).n;
};

beforeAll(async () => {
  // dist/ is shared with the other people's e2e runs: build under their lock.
  const build = spawnSync('flock', ['/tmp/kartotek-build.lock', process.execPath, 'scripts/build-main.mjs'], {
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-mail-cli-'));
  [server, smtp] = await Promise.all([startDovecot(), startSmtpSink()]);
  const c = await server.client();
  try {
    for (let n = 1; n <= TOTAL; n++) await c.append('INBOX', message(n), [], daysAgo(TOTAL - n + 1));
  } finally {
    await c.logout();
  }
}, 120_000);
afterAll(async () => {
  db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await Promise.all([server?.stop(), smtp?.stop()]);
});

describe.skipIf(!dovecotInstalled())('kartotek mail (CLI)', () => {
  it('adds an account only after its connection test passes, with the password from a variable', async () => {
    const imap = `${server.host}:${server.port}`;
    const base = ['mail', 'accounts', 'add', '--imap', imap, '--smtp', `${server.host}:1`, '--user', server.user];

    const missing = await kartotek([...base, '--password-env', 'KARTOTEK_TEST_PW', '--tls', 'none']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('KARTOTEK_TEST_PW ortam değişkeni boş ya da tanımlı değil');

    // SMTP on a closed port: refused with the test's own sentence, nothing stored, no password echoed.
    const refused = await kartotek([...base, '--password-env', 'KARTOTEK_TEST_PW', '--tls', 'none'], {
      KARTOTEK_TEST_PW: server.password,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('hesap eklenmedi');
    expect(refused.stderr).toContain('Giden posta (SMTP) sunucusuna ulaşılamadı');
    expect(refused.stderr).not.toContain(server.password);
    expect(JSON.parse((await kartotek(['call', 'mail.accounts.list', '{}'])).stdout)).toEqual([]);

    const added = await kartotek(
      ['mail', 'accounts', 'add', '--imap', imap, '--smtp', `${smtp.host}:${smtp.port}`, '--user', server.user].concat([
        '--password-env',
        'KARTOTEK_TEST_PW',
        '--tls',
        'none',
        '--name',
        'Ofis',
        '--json',
      ]),
      { KARTOTEK_TEST_PW: server.password },
    );
    expect(added.code, added.stderr).toBe(0);
    const account = JSON.parse(added.stdout) as { id: string; name: string; emailAddress: string; imapPort: number };
    expect(account).toMatchObject({ name: 'Ofis', emailAddress: server.user, imapPort: server.port });
    accountId = account.id;
  });

  it('resumes a first scan killed mid-way: exactly every message once, none skipped', async () => {
    const first = spawn(process.execPath, ['bin/kartotek.js', '--data', dataDir, 'mail', 'sync', '--json'], {
      stdio: 'ignore',
      env: { ...process.env, KARTOTEK_QUIET: '1' },
    });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    await waitFor('some stored', () => storedCount() >= 20, 30_000);
    first.kill('SIGKILL');
    await exited;
    const atKill = storedCount();
    expect(atKill).toBeGreaterThanOrEqual(20);
    expect(atKill).toBeLessThan(TOTAL);

    const second = await kartotek(['mail', 'sync', '--json']);
    expect(second.code, second.stderr).toBe(0);
    const report = JSON.parse(second.stdout) as { accounts: { id: string; stored: number; errors: string[] }[] };
    expect(report.accounts).toEqual([expect.objectContaining({ id: accountId, stored: TOTAL - atKill, errors: [] })]);
    expect(storedCount()).toBe(TOTAL);
    const distinct = db!.prepare('select count(distinct uid) n, min(uid) lo, max(uid) hi from mail_messages').get();
    expect(distinct).toEqual({ n: TOTAL, lo: 1, hi: TOTAL });

    // A third run finds nothing new.
    const third = JSON.parse((await kartotek(['mail', 'sync', '--json'])).stdout) as {
      accounts: { fetched: number }[];
    };
    expect(third.accounts[0]!.fetched).toBe(0);
  }, 90_000);
});
