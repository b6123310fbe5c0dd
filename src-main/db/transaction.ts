import type { Db } from './connection';

/**
 * Runs `fn` as one write transaction. IMMEDIATE takes the write lock up front,
 * so a second writer waits (busy_timeout) instead of failing half way through a
 * read-then-write. Nested calls become savepoints.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(() => fn(), { behavior: 'immediate' });
}
