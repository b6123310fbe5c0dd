import type { Db } from './connection';

/**
 * Runs `fn` as one write transaction. IMMEDIATE takes the write lock up front,
 * so a second writer waits (busy_timeout) instead of failing half way through a
 * read-then-write. Nested calls become savepoints.
 *
 * better-sqlite3's own transaction (not drizzle's): it keeps its BEGIN / COMMIT /
 * SAVEPOINT statements prepared, which matters when every card of an import or of
 * the demo is its own nested transaction.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
