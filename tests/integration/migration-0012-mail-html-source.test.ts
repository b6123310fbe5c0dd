import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { sanitizeMailHtml } from '../../src-main/services/mail/ingest/sanitize-mail-html';
import { contractCalls } from './contract-calls';

// A database as the release that sanitised mail HTML in the scan left it (migrations up to 0011), opened by this one.
let dir: string;
let app: KartotekApp | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-0012-'));
});
afterEach(() => {
  app?.close();
  app = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const USER = '0190c9a0-0000-7000-8000-000000000001';
const MAIL = '0190c9a0-0000-7000-8000-000000000002';
const AT = '2026-03-02T08:30:00.000Z';
const RECEIVED =
  '<p onclick="x()">Teklifimiz ekte.</p><img src="https://tracker.example/p.gif">' +
  '<div style="color:red;background:url(https://tracker.example/bg.png)">Saygılarımızla</div>';

function databaseAt0011(file: string, storedHtml: string) {
  const migrations = loadMigrations();
  expect(migrations[11]!.tag).toBe('0011_mail');
  const db = openDatabase(file, { migrations: migrations.slice(0, 12) });
  const sqlite = db.$client;
  sqlite.exec('begin');
  sqlite
    .prepare(`insert into users (id, name, role, created_at, updated_at) values (?, 'Yönetici', 'admin', ?, ?)`)
    .run(USER, AT, AT);
  sqlite.prepare(`insert into settings (key, value) values ('local_user_id', ?)`).run(USER);
  sqlite
    .prepare(
      `insert into mail_messages (id, direction, content_key, subject, received_at, body_text, body_html,
         has_remote_content, created_at, updated_at, created_by)
       values (?, 'in', 'k@example.com', 'Teklif', ?, 'Teklifimiz ekte.', ?, 1, ?, ?, ?)`,
    )
    .run(MAIL, AT, storedHtml, AT, AT, USER);
  sqlite.exec('commit');
  sqlite.close();
}

describe('migration 0012 (mail HTML stored as received, sanitised when read)', () => {
  it('keeps the sanitised HTML of older rows as their source; mail.get reads them exactly as before', async () => {
    const before = sanitizeMailHtml(RECEIVED);
    expect(before.html).toContain('data-remote-src');
    const file = path.join(dir, DB_FILE_NAME);
    databaseAt0011(file, before.html);

    app = openApp({ dataDir: dir });
    const sqlite = app.ctx.db.$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    const columns = (sqlite.prepare('pragma table_info(mail_messages)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('body_html_source');
    expect(columns).not.toContain('body_html');
    expect(columns).not.toContain('has_remote_content');

    const { call } = contractCalls(() => app!);
    const mail = await call('mail.get', { id: MAIL });
    expect(mail.html).toBe(before.html);
    expect(mail.hasRemoteContent).toBe(true);
  });
});
