/**
 * Search, list and open speed on the generated database. Baselines, measured in
 * the same run: a raw FTS5 query, a raw ordered page, a raw SQLite open.
 * Then global search on its own database of a million searchable rows
 * (search-bench-db.ts), against the raw FTS5 query and a LIKE scan.
 * `npx tsx tests/bench/search.bench.ts` runs the global-search part alone.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { openApp } from '../../src-main/core/app';
import { toFtsQuery } from '../../src-shared/domain/search-query';
import { BENCH_PERSONS, header, measure, report, type BenchDb } from './bench-kit';
import { globalSearchBench } from './global-search.bench';

const QUERIES = [
  'sukru',
  'ayse yil',
  'cagri',
  'isil',
  'ozturk',
  'genel mud',
  'istanbul',
  'muhasebe',
  'gulsen kara',
  'omer',
  'koc',
  'umit dem',
];

export async function searchBench(bench: BenchDb): Promise<void> {
  const { app } = bench;
  const db = app.ctx.db;
  const viaContract = await measure((i) => app.call('search.query', { q: QUERIES[i % QUERIES.length]!, limit: 20 }));
  const raw = db.$client.prepare(
    `select d.entity_id from search_fts join search_docs d on d.doc_id = search_fts.rowid
     where search_fts match ? order by bm25(search_fts, 10.0, 1.0) limit 20`,
  );
  const matches = QUERIES.map((q) => toFtsQuery(q)!);
  const viaRaw = await measure((i) => raw.all(matches[i % matches.length]));
  const pages = BENCH_PERSONS - 100;
  const list = await measure((i) => app.call('cards.listPersons', { offset: (i * 997) % pages, limit: 100 }));
  const rawList = db.$client.prepare(
    "select id, display_name from cards where type = 'person' and deleted_at is null order by sort_key limit 100 offset ?",
  );
  const listRaw = await measure((i) => rawList.all((i * 997) % pages));

  const dbFile = path.join(bench.dataDir, 'kartotek.db');
  const coldRaw = await measure(async () => {
    const d = new Database(dbFile);
    d.prepare('select count(*) from cards').get();
    d.close();
  }, 5);
  const coldApp = await measure(async () => {
    const a = openApp({ dataDir: bench.dataDir });
    a.ctx.db.$client.prepare('select count(*) from cards').get();
    a.close();
  }, 5);

  header();
  report('search through the contract', viaContract, viaRaw);
  report('  baseline: raw FTS5 query', viaRaw);
  report('person list page (100 rows)', list, listRaw);
  report('  baseline: raw ordered page', listRaw);
  report('open a second connection (openApp)', coldApp, coldRaw);
  report('  baseline: raw SQLite open', coldRaw);

  await globalSearchBench();
}
