import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { drainTextExtraction } from '../../src-main/jobs/text-extraction/text-extraction-job';
import { contractCalls } from './contract-calls';

// A database as the release before document text left it (migrations up to 0004), opened by this one.
let dir: string;
let app: KartotekApp | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-0005-'));
});
afterEach(() => {
  app?.close();
  app = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const USER = '0190c9a0-0000-7000-8000-000000000001';
const PERSON = '0190c9a0-0000-7000-8000-000000000002';
const DOCUMENT = '0190c9a0-0000-7000-8000-000000000003';
const CREATED = '2025-11-04T08:30:00.000Z';
const TEXT = 'Çağrı Işık ile yapılan kira sözleşmesi';

/** A person (owned by the local user, in the search index as 0004 wrote it) with one filed, still pending document. */
function databaseAt0004(file: string) {
  const migrations = loadMigrations();
  expect(migrations[4]!.tag).toBe('0004_documents');
  const db = openDatabase(file, { migrations: migrations.slice(0, 5) });
  const sqlite = db.$client;
  expect(sqlite.pragma('user_version', { simple: true })).toBe(5);
  const bytes = Buffer.from(TEXT);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  sqlite.exec('begin');
  sqlite
    .prepare(`insert into users (id, name, role, created_at, updated_at) values (?, 'Yönetici', 'admin', ?, ?)`)
    .run(USER, CREATED, CREATED);
  sqlite.prepare(`insert into settings (key, value) values ('local_user_id', ?)`).run(USER);
  sqlite
    .prepare(
      `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by)
       values (?, 'person', 'Çağrı Işık', 'cagri isik', ?, ?, ?, ?)`,
    )
    .run(PERSON, USER, CREATED, CREATED, USER);
  sqlite.prepare(`insert into persons (card_id, first_name, last_name) values (?, 'Çağrı', 'Işık')`).run(PERSON);
  sqlite
    .prepare(`insert into search_docs (entity_type, entity_id, deleted, title, body) values ('person', ?, 0, ?, '')`)
    .run(PERSON, 'cagri isik');
  sqlite
    .prepare(`insert into blobs (sha256, size, chunk_size, created_at) values (?, ?, 1048576, ?)`)
    .run(sha256, bytes.length, CREATED);
  sqlite.prepare(`insert into blob_chunks (sha256, seq, data) values (?, 0, ?)`).run(sha256, bytes);
  sqlite
    .prepare(
      `insert into documents (id, name, mime_type, size, sha256, source, created_at, updated_at, created_by)
       values (?, 'Kira sözleşmesi.txt', 'text/plain', ?, ?, 'picker', ?, ?, ?)`,
    )
    .run(DOCUMENT, bytes.length, sha256, CREATED, CREATED, USER);
  sqlite
    .prepare(
      `insert into document_versions (id, document_id, version, name, mime_type, size, sha256, created_at, created_by)
       values ('0190c9a0-0000-7000-8000-000000000004', ?, 1, 'Kira sözleşmesi.txt', 'text/plain', ?, ?, ?, ?)`,
    )
    .run(DOCUMENT, bytes.length, sha256, CREATED, USER);
  sqlite
    .prepare(`insert into document_cards (document_id, card_id, created_at, created_by) values (?, ?, ?, ?)`)
    .run(DOCUMENT, PERSON, CREATED, USER);
  sqlite.exec('commit');
  sqlite.close();
}

describe('migration 0005 (document text) from a 0004 database', () => {
  it('gives search rows their owner and date, keeps documents pending with no text, and the job then extracts them', async () => {
    const file = path.join(dir, DB_FILE_NAME);
    databaseAt0004(file);

    app = openApp({ dataDir: dir });
    const sqlite = app.ctx.db.$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(sqlite.prepare('select entity_type, owner_id, dated_at from search_docs').all()).toEqual([
      { entity_type: 'person', owner_id: USER, dated_at: CREATED },
    ]);
    expect(sqlite.prepare('select text_status, text_error from documents').all()).toEqual([
      { text_status: 'pending', text_error: null },
    ]);
    expect(sqlite.prepare('select count(*) as n from blob_texts').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select count(*) as n from text_extraction_attempts').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select count(*) as n from document_tags').get()).toEqual({ n: 0 });

    // The pending document of the old release is the new job's work: extracted, searchable, dated and owned.
    expect(await drainTextExtraction(app)).toEqual({ extracted: 1 });
    const { call } = contractCalls(() => app!);
    expect((await call('documents.get', { id: DOCUMENT })).textStatus).toBe('done');
    const { groups } = await call('search.query', { q: 'kira sozlesmesi', types: ['document'] });
    expect(groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([DOCUMENT]);
    expect(sqlite.prepare(`select owner_id, dated_at from search_docs where entity_id = ?`).get(DOCUMENT)).toEqual({
      owner_id: USER,
      dated_at: CREATED,
    });
  });
});
