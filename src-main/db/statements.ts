import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './connection';

const MAX_CACHED = 500;
const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement for this SQL text, compiled once per connection.
 * Compiling is the largest cost of a small query in SQLite; hot paths (card
 * writes, lists, search) use this instead of preparing on every call.
 */
export function stmt(db: Db, sql: string): BetterSqlite3.Statement {
  const client = db.$client;
  let cache = caches.get(client);
  if (!cache) {
    cache = new Map();
    caches.set(client, cache);
  }
  let statement = cache.get(sql);
  if (statement) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(sql);
  } else {
    statement = client.prepare(sql);
    // Segment filters make many distinct texts: keep the cache bounded.
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(sql, statement);
  return statement;
}
