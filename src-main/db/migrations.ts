import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { appRoot } from '../core/paths';

export interface Migration {
  /** 1-based: after applying it, PRAGMA user_version equals this number. */
  version: number;
  tag: string;
  statements: string[];
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
    .map((entry, i) => ({
      version: i + 1,
      tag: entry.tag,
      statements: fs
        .readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}

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

/**
 * Brings the database to the latest schema. All pending migrations run in one
 * transaction: either the file ends at the latest version, or it is untouched.
 * The schema version is PRAGMA user_version (the number of applied migrations);
 * a file from a newer Kartotek is refused rather than guessed at.
 */
export function migrate(sqlite: BetterSqlite3.Database, migrations = loadMigrations()): { from: number; to: number } {
  const from = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) throw new NewerDatabaseError(from, latest);
  if (from === latest) return { from, to: latest };
  const pending = migrations.filter((m) => m.version > from);
  sqlite
    .transaction(() => {
      for (const m of pending) {
        for (const statement of m.statements) sqlite.exec(statement);
      }
      sqlite.pragma(`user_version = ${latest}`);
    })
    .immediate();
  return { from, to: latest };
}
