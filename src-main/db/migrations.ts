import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { appRoot } from '../core/paths';

export interface Migration {
  /** 1-based: after applying it, PRAGMA user_version equals this number. */
  version: number;
  tag: string;
  statements: string[];
  /** SHA-256 of the statements: a migration that changed after it was applied somewhere is drift. */
  sha256: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export const MIGRATIONS_DIR = path.join(appRoot(), 'src-main', 'db', 'migrations');

/** Reads the migrations drizzle-kit generated (its journal gives the order). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry, i) => {
      const statements = fs
        .readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { version: i + 1, tag: entry.tag, statements, sha256: hashStatements(statements) };
    });
}

export const hashStatements = (statements: string[]): string =>
  crypto.createHash('sha256').update(statements.join('\n--> statement-breakpoint\n')).digest('hex');

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Bu veritabanı Kartotek'in daha yeni bir sürümüyle oluşturulmuş (şema ${found}, bu sürüm en çok ${known} biliyor); ` +
        `açmak için Kartotek'i güncelleyin.`,
    );
    this.name = 'NewerDatabaseError';
  }
}

export class SchemaDriftError extends Error {
  constructor(readonly tag: string) {
    super(
      `Bu veritabanının şeması bu Kartotek sürümününkiyle uyuşmuyor (${tag} geçişi farklı uygulanmış); ` +
        `veritabanı bir geliştirme sürümünden kalmış olabilir.`,
    );
    this.name = 'SchemaDriftError';
  }
}

/** Which migration (by hash) each applied version was: written with the version, checked on every open. */
const LEDGER = `create table if not exists kartotek_migrations (
  version integer primary key, tag text not null, sha256 text not null, applied_at text not null)`;

function checkLedger(sqlite: BetterSqlite3.Database, migrations: Migration[], applied: number): void {
  if (applied === 0) return;
  const hasLedger = sqlite.prepare("select 1 from sqlite_schema where name = 'kartotek_migrations'").get();
  const rows = hasLedger
    ? (sqlite.prepare('select version, sha256 from kartotek_migrations').all() as { version: number; sha256: string }[])
    : [];
  const recorded = new Map(rows.map((r) => [r.version, r.sha256]));
  for (const m of migrations.filter((x) => x.version <= applied)) {
    if (recorded.get(m.version) !== m.sha256) throw new SchemaDriftError(m.tag);
  }
}

/**
 * Brings the database to the latest schema. All pending migrations run in one
 * transaction: either the file ends at the latest version, or it is untouched.
 * The schema version is PRAGMA user_version (the number of applied migrations);
 * a file from a newer Kartotek is refused rather than guessed at.
 */
export function migrate(sqlite: BetterSqlite3.Database, migrations = loadMigrations()): { from: number; to: number } {
  const latest = migrations.length;
  const readVersion = () => sqlite.pragma('user_version', { simple: true }) as number;
  const before = readVersion();
  if (before > latest) throw new NewerDatabaseError(before, latest);
  checkLedger(sqlite, migrations, before);
  if (before === latest) return { from: before, to: latest };
  return sqlite
    .transaction(() => {
      // Read again under the write lock: another process (the CLI beside the
      // app) may have migrated the file since.
      const from = readVersion();
      if (from > latest) throw new NewerDatabaseError(from, latest);
      if (from !== before) checkLedger(sqlite, migrations, from);
      sqlite.exec(LEDGER);
      const record = sqlite.prepare(
        'insert into kartotek_migrations (version, tag, sha256, applied_at) values (?, ?, ?, ?)',
      );
      for (const m of migrations.filter((x) => x.version > from)) {
        for (const statement of m.statements) sqlite.exec(statement);
        record.run(m.version, m.tag, m.sha256, new Date().toISOString());
      }
      sqlite.pragma(`user_version = ${latest}`);
      return { from, to: latest };
    })
    .immediate();
}
