import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { APPLICATION_ID, DatabaseOpenError, openDatabase, type Db } from '../../src-main/db/connection';
import { hashStatements, loadMigrations, type Migration } from '../../src-main/db/migrations';
import * as schema from '../../src-main/db/schema';

let dir: string;
let open: { close(): void }[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-'));
  open = [];
});
afterEach(() => {
  for (const o of open) {
    try {
      o.close();
    } catch {
      /* already closed */
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

const dbPath = () => path.join(dir, DB_FILE_NAME);
const known = () => loadMigrations().length;

function openDb(file = dbPath(), migrations?: Migration[]): Db {
  const db = openDatabase(file, migrations ? { migrations } : {});
  open.push(db.$client);
  return db;
}

function raw(file = dbPath()): Database.Database {
  const sqlite = new Database(file);
  open.push(sqlite);
  return sqlite;
}

function tableNames(sqlite: Database.Database): string[] {
  return (
    sqlite.prepare("select name from sqlite_schema where type = 'table' order by name").all() as { name: string }[]
  ).map((r) => r.name);
}

/** Every file in the folder with its bytes' hash, to prove a refused file was not touched. */
function snapshot(folder = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (fs.statSync(full).isFile()) out[name] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

function expectOpenError(fn: () => unknown, message: RegExp): DatabaseOpenError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DatabaseOpenError);
  expect((caught as Error).message).toMatch(message);
  return caught as DatabaseOpenError;
}

describe('opening a new database', () => {
  it('openDatabase creates a migrated file with the house pragmas', () => {
    const db = openDb();
    const sqlite = db.$client;
    expect(known()).toBeGreaterThanOrEqual(2);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(known());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(fs.existsSync(dbPath())).toBe(true);
  });

  it('foreign keys are enforced on the connection it returns', () => {
    const sqlite = openDb().$client;
    expect(() =>
      sqlite
        .prepare(
          `insert into phones (id, card_id, position, kind, number, created_at, updated_at)
           values ('p1', 'no-such-card', 0, 'mobile', '1', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('openApp from a folder that does not exist yet creates it and a migrated database', () => {
    const dataDir = path.join(dir, 'nested', 'Kartotek');
    const app = openApp({ dataDir });
    open.push(app);
    expect(app.dbFile).toBe(path.join(dataDir, DB_FILE_NAME));
    expect(fs.existsSync(app.dbFile)).toBe(true);
    const sqlite = app.ctx.db.$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(known());
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates every table of the drizzle schema with exactly its columns, plus the FTS index', () => {
    const sqlite = openDb().$client;
    const tables = Object.values(schema as Record<string, unknown>).filter((t): t is SQLiteTable => is(t, SQLiteTable));
    expect(tables.length).toBeGreaterThanOrEqual(12);
    const present = tableNames(sqlite);
    for (const table of tables) {
      const config = getTableConfig(table);
      expect(present, config.name).toContain(config.name);
      const columns = (sqlite.pragma(`table_info(${config.name})`) as { name: string }[]).map((c) => c.name).sort();
      expect(columns, config.name).toEqual(config.columns.map((c) => c.name).sort());
    }
    expect(present).toEqual(expect.arrayContaining(['search_docs', 'search_fts']));
  });

  it('has an FTS table that answers MATCH queries over folded text, kept in step by triggers', () => {
    const sqlite = openDb().$client;
    const insert = sqlite.prepare('insert into search_docs (entity_type, entity_id, title, body) values (?, ?, ?, ?)');
    insert.run('person', 'a', 'sukru ozturk', 'musteri hizmetleri istanbul avrupa');
    insert.run('person', 'b', 'ahmet yilmaz', 'ankara');
    const find = (q: string) =>
      (
        sqlite
          .prepare(
            `select d.entity_id as id from search_fts join search_docs d on d.doc_id = search_fts.rowid
             where search_fts match ? order by id`,
          )
          .all(q) as { id: string }[]
      ).map((r) => r.id);
    expect(find('"must"*')).toEqual(['a']);
    expect(find('"ankara"*')).toEqual(['b']);
    expect(find('"a"*')).toEqual(['a', 'b']);
    sqlite.prepare("update search_docs set body = 'izmir' where entity_id = 'b'").run();
    expect(find('"ankara"*')).toEqual([]);
    expect(find('"izmir"')).toEqual(['b']);
    sqlite.prepare("delete from search_docs where entity_id = 'a'").run();
    expect(find('"must"*')).toEqual([]);
    expect(() => sqlite.exec("insert into search_fts(search_fts, rank) values ('integrity-check', 1)")).not.toThrow();
  });

  it('reopening is a no-op: same version, same schema, data and local user kept', () => {
    const first = openApp({ dataDir: dir });
    const schemaBefore = first.ctx.db.$client.prepare('select type, name, sql from sqlite_schema order by name').all();
    const userId = first.ctx.userId;
    first.ctx.db.$client.prepare("insert into settings (key, value) values ('marker', 'kept')").run();
    first.close();

    const second = openApp({ dataDir: dir });
    open.push(second);
    const sqlite = second.ctx.db.$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(known());
    expect(sqlite.prepare('select type, name, sql from sqlite_schema order by name').all()).toEqual(schemaBefore);
    expect(sqlite.prepare("select value from settings where key = 'marker'").get()).toEqual({ value: 'kept' });
    expect(second.ctx.userId).toBe(userId);
    expect(sqlite.prepare('select count(*) as n from users').get()).toEqual({ n: 1 });
  });
});

describe('refusing files that are not ours', () => {
  it('refuses a database from a newer Kartotek and leaves the file untouched', () => {
    openDb().$client.close();
    const sqlite = raw();
    sqlite.pragma(`user_version = ${known() + 5}`);
    sqlite.close();
    const before = snapshot();

    const err = expectOpenError(() => openDb(), /daha yeni bir sürüm/);
    expect(err.message).toContain(String(known() + 5));
    expect(err.message).toMatch(/güncelleyin/);
    expect(snapshot()).toEqual(before);
    // openApp says the same.
    expectOpenError(() => openApp({ dataDir: dir }), /daha yeni bir sürüm/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a newer database kept in rollback-journal mode (e.g. restored from a backup) without converting it', () => {
    openDb().$client.close();
    const sqlite = raw();
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`user_version = ${known() + 1}`);
    sqlite.close();
    const before = snapshot();

    expectOpenError(() => openDb(), /daha yeni bir sürüm/);
    expect(snapshot()).toEqual(before);
    const check = raw();
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(check.pragma('user_version', { simple: true })).toBe(known() + 1);
  });

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const text = 'Bu bir veritabanı değil.\n'.repeat(200);
    fs.writeFileSync(dbPath(), text);
    const before = snapshot();
    const err = expectOpenError(() => openDb(), /SQLite veritabanı değil/);
    expect(err.message).toContain(dbPath());
    expect(fs.readFileSync(dbPath(), 'utf8')).toBe(text);
    expect(snapshot()).toEqual(before);
    expectOpenError(() => openApp({ dataDir: dir }), /SQLite veritabanı değil/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a SQLite file of another application (has tables, application_id 0) and leaves it unchanged', () => {
    const other = raw();
    other.exec('create table invoices (id integer primary key, total real); insert into invoices values (1, 9.5);');
    other.close();
    const before = snapshot();
    const err = expectOpenError(() => openDb(), /Kartotek veritabanı değil/);
    expect(err.message).toContain(dbPath());
    expect(snapshot()).toEqual(before);
    const check = raw();
    expect(tableNames(check)).toEqual(['invoices']);
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.pragma('application_id', { simple: true })).toBe(0);
  });

  it('refuses a SQLite file stamped with another application id, even when empty', () => {
    const other = raw();
    other.pragma('application_id = 1234');
    other.close();
    const before = snapshot();
    expectOpenError(() => openDb(), /Kartotek veritabanı değil/);
    expect(snapshot()).toEqual(before);
  });

  it('names the folder when the data path cannot be used (a path under a regular file)', () => {
    const file = path.join(dir, 'file.txt');
    fs.writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'sub');
    const err = expectOpenError(() => openApp({ dataDir }), /Veri klasörü kullanılamıyor/);
    expect(err.message).toContain(dataDir);
    expect(err.message).toContain('--data');
    expect(fs.readFileSync(file, 'utf8')).toBe('not a folder');
  });
});

describe('migrations run in one transaction', () => {
  const brokenStatements = [
    'CREATE TABLE `half_done` (`id` text PRIMARY KEY NOT NULL)',
    'INSERT INTO no_such_table VALUES (1)',
  ];
  const broken = (): Migration => ({
    version: known() + 1,
    tag: '9999_broken',
    statements: brokenStatements,
    sha256: hashStatements(brokenStatements),
  });

  it('leaves a database at its previous version, with no partial tables, when a later statement fails', () => {
    const app = openApp({ dataDir: dir });
    const userId = app.ctx.userId;
    app.close();
    const tablesBefore = tableNames(raw());

    const err = expectOpenError(() => openDb(dbPath(), [...loadMigrations(), broken()]), /no_such_table/);
    expect(err.message).toContain(dbPath());

    const check = raw();
    expect(check.pragma('user_version', { simple: true })).toBe(known());
    expect(tableNames(check)).not.toContain('half_done');
    expect(tableNames(check)).toEqual(tablesBefore);
    // Data written before is still there and the shipped version still opens it.
    check.close();
    const again = openApp({ dataDir: dir });
    open.push(again);
    expect(again.ctx.userId).toBe(userId);
  });

  it('applies nothing at all from an empty file when any pending migration fails', () => {
    expectOpenError(() => openDb(dbPath(), [...loadMigrations(), broken()]), /no_such_table/);
    const check = raw();
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(tableNames(check)).toEqual([]);
    check.close();
    // A later open with the good list migrates it fully.
    expect(openDb().$client.pragma('user_version', { simple: true })).toBe(known());
  });

  it('brings a database at an older version up to date, keeping its rows', () => {
    const first = openDb(dbPath(), loadMigrations().slice(0, 1));
    expect(first.$client.pragma('user_version', { simple: true })).toBe(1);
    expect(tableNames(first.$client)).not.toContain('search_docs');
    first.$client.prepare("insert into settings (key, value) values ('from_v1', 'yes')").run();
    first.$client.close();

    const sqlite = openDb().$client;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(known());
    expect(tableNames(sqlite)).toEqual(expect.arrayContaining(['search_docs', 'search_fts']));
    expect(sqlite.prepare("select value from settings where key = 'from_v1'").get()).toEqual({ value: 'yes' });
  });

  it('every shipped migration file is read in journal order and split into statements', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) {
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) expect(s).not.toContain('--> statement-breakpoint');
    }
  });
});

describe('migration ledger', () => {
  it('records each applied migration with its hash', () => {
    openDb().$client.close();
    const check = raw();
    const rows = check.prepare('select version, tag, sha256 from kartotek_migrations order by version').all();
    check.close();
    expect(rows).toEqual(loadMigrations().map((m) => ({ version: m.version, tag: m.tag, sha256: m.sha256 })));
  });

  it('refuses a database whose applied migration differs from the shipped one, untouched', () => {
    openDb().$client.close();
    const edited = loadMigrations().map((m, i) =>
      i === 0
        ? { ...m, statements: [...m.statements, 'SELECT 1'], sha256: hashStatements([...m.statements, 'SELECT 1']) }
        : m,
    );
    const before = snapshot();
    const err = expectOpenError(() => openDb(dbPath(), edited), /şeması bu Kartotek sürümününkiyle uyuşmuyor/);
    expect(err.message).toContain(edited[0]!.tag);
    expect(snapshot()).toEqual(before);
  });
});
