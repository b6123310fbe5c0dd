import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { loadMigrations, migrate, NewerDatabaseError, SchemaDriftError, type Migration } from './migrations';
import { DB_FILE_NAME } from '../core/paths';
import { foldForSearch } from '../../src-shared/domain/turkish-text';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** 'KRTK': marks a SQLite file as a Kartotek database. */
export const APPLICATION_ID = 0x4b52544b;

export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  /** For tests of migrations: a different list than the shipped one. */
  migrations?: Migration[];
  readonly?: boolean;
}

/** Creates the data folder if needed and proves it is writable, with one clear error if not. */
export function prepareDataDir(dataDir: string): string {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'hata';
    throw new DatabaseOpenError(
      `Veri klasörü kullanılamıyor: ${dataDir} (${code}). Yazılabilir bir klasör seçin (--data).`,
      {
        cause: err,
      },
    );
  }
  return path.join(dataDir, DB_FILE_NAME);
}

/**
 * Opens (creating if needed) a Kartotek database file, sets the pragmas, refuses
 * files that are not SQLite or belong to something else, and migrates it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: options.readonly ?? false });
  } catch (err) {
    throw new DatabaseOpenError(`Veritabanı açılamadı: ${file} (${(err as Error).message}).`, { cause: err });
  }
  try {
    // The first statement reads the header: a file that is not SQLite fails here.
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const tableCount = sqlite.prepare("select count(*) as n from sqlite_schema where type = 'table'").get() as {
      n: number;
    };
    if (appId !== APPLICATION_ID && !(appId === 0 && tableCount.n === 0)) {
      throw new DatabaseOpenError(`Bu dosya bir Kartotek veritabanı değil: ${file}.`);
    }
    const migrations = options.migrations ?? loadMigrations();
    if (!options.readonly) {
      // Refuse a file from a newer Kartotek before anything is written to it
      // (switching to WAL would already rewrite its header).
      const known = migrations.length;
      const version = sqlite.pragma('user_version', { simple: true }) as number;
      if (version > known) throw new NewerDatabaseError(version, known);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    registerFunctions(sqlite);
    if (!options.readonly) {
      if (appId === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(sqlite, migrations);
    }
  } catch (err) {
    sqlite.close();
    if (err instanceof DatabaseOpenError) throw err;
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError(`Bu dosya bir SQLite veritabanı değil: ${file}.`, { cause: err });
    }
    if (err instanceof NewerDatabaseError || err instanceof SchemaDriftError) {
      throw new DatabaseOpenError(err.message, { cause: err });
    }
    throw new DatabaseOpenError(`Veritabanı açılamadı: ${file} (${(err as Error).message}).`, { cause: err });
  }
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * SQL functions the queries rely on. kartotek_fold is the same Turkish folding the
 * search index uses (SQLite's own lower() and remove_diacritics do not know ı/İ),
 * so segment conditions like "sector contains 'gida'" match "GIDA" and "Gıda".
 */
function registerFunctions(sqlite: Database.Database): void {
  // Columns repeat a lot (81 provinces, a few thousand surnames): remembering
  // recent answers makes a segment count over 100k cards mostly hash lookups.
  const cache = new Map<string, string>();
  sqlite.function('kartotek_fold', { deterministic: true }, (value: unknown) => {
    if (value === null || value === undefined) return null;
    const text = String(value);
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = foldForSearch(text);
      if (cache.size >= 20_000) cache.clear();
      cache.set(text, folded);
    }
    return folded;
  });
}
