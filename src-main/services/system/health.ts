import type { Db } from '../../db/connection';
import { loadMigrations } from '../../db/migrations';

const COUNTED_TABLES = [
  'cards',
  'persons',
  'institutions',
  'affiliations',
  'phones',
  'emails',
  'addresses',
  'audit_log',
];

/** PRAGMA integrity_check, foreign key check, FTS consistency and the migration state. */
export function checkDatabase(db: Db) {
  const sqlite = db.$client;
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeyProblems = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  let ftsOk = true;
  try {
    sqlite.exec("insert into search_fts(search_fts, rank) values ('integrity-check', 1)");
  } catch {
    ftsOk = false;
    integrity.push('search index (search_fts) is out of step with search_docs');
  }
  const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
  const latestSchemaVersion = loadMigrations().length;
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  }
  return {
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      ftsOk &&
      schemaVersion === latestSchemaVersion,
    integrity,
    foreignKeyProblems,
    schemaVersion,
    latestSchemaVersion,
    counts,
  };
}
