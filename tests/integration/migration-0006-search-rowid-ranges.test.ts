import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { openDatabase } from '../../src-main/db/connection';
import { loadMigrations } from '../../src-main/db/migrations';
import { SEARCH_TYPE_CODES } from '../../src-main/services/search/search-index';
import { contractCalls } from './contract-calls';

// A database as the release before type-ranged search rows left it (migrations up to 0005), opened by this one.
let dir: string;
let app: KartotekApp | undefined;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-0006-'));
});
afterEach(() => {
  app?.close();
  app = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const USER = '0190c9a0-0000-7000-8000-000000000001';
const OTHER_USER = '0190c9a0-0000-7000-8000-000000000009';
const AYSE = '0190c9a0-0000-7000-8000-000000000002';
const DENIZ = '0190c9a0-0000-7000-8000-000000000003';
const BINNED = '0190c9a0-0000-7000-8000-000000000004';
const COMPANY = '0190c9a0-0000-7000-8000-000000000005';
const DOCUMENT = '0190c9a0-0000-7000-8000-000000000006';
const CREATED = '2025-11-04T08:30:00.000Z';
const RANGE = 2 ** 40;

/** Cards and a document, their search rows written in 0005's numbering (1, 2, 3, … in the order indexed, types mixed). */
function databaseAt0005(file: string) {
  const migrations = loadMigrations();
  expect(migrations[5]!.tag).toBe('0005_document_text');
  const db = openDatabase(file, { migrations: migrations.slice(0, 6) });
  const sqlite = db.$client;
  sqlite.exec('begin');
  const user = sqlite.prepare(
    `insert into users (id, name, role, created_at, updated_at) values (?, ?, 'admin', ?, ?)`,
  );
  user.run(USER, 'Yönetici', CREATED, CREATED);
  user.run(OTHER_USER, 'Gizem', CREATED, CREATED);
  sqlite.prepare(`insert into settings (key, value) values ('local_user_id', ?)`).run(USER);
  const card = sqlite.prepare(
    `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by, deleted_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const indexed = sqlite.prepare(
    `insert into search_docs (entity_type, entity_id, deleted, title, body, owner_id, dated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const person = (id: string, first: string, last: string, owner: string, body: string, deletedAt: string | null) => {
    card.run(
      id,
      'person',
      `${first} ${last}`,
      `${first} ${last}`.toLowerCase(),
      owner,
      CREATED,
      CREATED,
      USER,
      deletedAt,
    );
    sqlite.prepare(`insert into persons (card_id, first_name, last_name) values (?, ?, ?)`).run(id, first, last);
  };
  person(AYSE, 'Ayşe', 'Kaya', USER, 'kira sozlesmesi', null);
  indexed.run('person', AYSE, 0, 'ayse kaya', 'kira sozlesmesi', USER, CREATED);
  sqlite
    .prepare(`insert into blobs (sha256, size, chunk_size, created_at) values (?, 10, 1048576, ?)`)
    .run('a'.repeat(64), CREATED);
  sqlite
    .prepare(
      `insert into documents (id, name, mime_type, size, sha256, source, text_status, created_at, updated_at, created_by)
       values (?, 'Kira sözleşmesi.pdf', 'application/pdf', 10, ?, 'picker', 'done', ?, ?, ?)`,
    )
    .run(DOCUMENT, 'a'.repeat(64), CREATED, CREATED, USER);
  indexed.run('document', DOCUMENT, 0, 'kira sozlesmesi.pdf', ' \f madde 4 kira bedeli', USER, CREATED);
  card.run(COMPANY, 'institution', 'Kaya Kira A.Ş.', 'kaya kira', OTHER_USER, CREATED, CREATED, USER, null);
  sqlite.prepare(`insert into institutions (card_id, title) values (?, 'Kaya Kira A.Ş.')`).run(COMPANY);
  indexed.run('institution', COMPANY, 0, 'kaya kira a.s.', '', OTHER_USER, CREATED);
  person(DENIZ, 'Deniz', 'Kaya', OTHER_USER, '', null);
  indexed.run('person', DENIZ, 0, 'deniz kaya', '', OTHER_USER, CREATED);
  person(BINNED, 'Kaya', 'Çöp', USER, '', CREATED);
  indexed.run('person', BINNED, 1, 'kaya cop', '', USER, CREATED);
  sqlite.exec('commit');
  sqlite.close();
}

describe('migration 0006 (search rows in type ranges) from a 0005 database', () => {
  it('renumbers every row into its type’s range, keeps its entity and text, and search finds them all', async () => {
    databaseAt0005(path.join(dir, DB_FILE_NAME));
    app = openApp({ dataDir: dir });
    const sqlite = app.ctx.db.$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(loadMigrations().length);

    const rows = sqlite
      .prepare(
        'select doc_id as docId, entity_type as type, entity_id as id, deleted, title from search_docs order by doc_id',
      )
      .all() as { docId: number; type: keyof typeof SEARCH_TYPE_CODES; id: string; deleted: number; title: string }[];
    expect(rows.map((r) => [r.type, r.id, r.deleted, r.title])).toEqual([
      // Within a type, the old order (oldest first) is kept.
      ['person', AYSE, 0, 'ayse kaya'],
      ['person', DENIZ, 0, 'deniz kaya'],
      ['person', BINNED, 1, 'kaya cop'],
      ['institution', COMPANY, 0, 'kaya kira a.s.'],
      ['document', DOCUMENT, 0, 'kira sozlesmesi.pdf'],
    ]);
    for (const r of rows) expect(Math.floor(r.docId / RANGE), r.id).toBe(SEARCH_TYPE_CODES[r.type]);
    // search_fts was rebuilt for the new numbers: nothing points at an old one.
    expect(() => sqlite.exec("insert into search_fts(search_fts, rank) values ('integrity-check', 1)")).not.toThrow();

    const { call } = contractCalls(() => app!);
    const found = async (q: string, args: object = {}) =>
      (await call('search.query', { q, ...args })).groups.map((g) => [g.type, g.hits.map((h) => h.id)]);
    expect(await found('kaya')).toEqual([
      ['person', expect.arrayContaining([AYSE, DENIZ])],
      ['institution', [COMPANY]],
    ]);
    expect(await found('kira')).toEqual([
      ['person', [AYSE]],
      ['institution', [COMPANY]],
      ['document', [DOCUMENT]],
    ]);
    expect(await found('kaya', { ownerId: OTHER_USER })).toEqual([
      ['person', [DENIZ]],
      ['institution', [COMPANY]],
    ]);
    expect(await found('kira bedeli')).toEqual([['document', [DOCUMENT]]]);
    // The lists' search box reads the same ranges.
    const listed = await call('cards.listPersons', { q: 'kaya' });
    expect(listed.rows.map((p) => p.id).sort()).toEqual([AYSE, DENIZ].sort());

    // A card written after the upgrade takes the next number of its range and is found with the old ones.
    const added = await call('cards.createPerson', { firstName: 'Ece', lastName: 'Kaya' });
    const addedRow = sqlite.prepare('select doc_id as docId from search_docs where entity_id = ?').get(added.id) as {
      docId: number;
    };
    expect(addedRow.docId).toBe(rows.find((r) => r.id === BINNED)!.docId + 1);
    expect((await found('kaya', { types: ['person'] }))[0]![1]).toHaveLength(3);
  });
});
