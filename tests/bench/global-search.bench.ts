/**
 * Global search (search.query) on a million searchable rows, against the same
 * MATCH as a raw FTS5 query (order by rank limit 20: the least any ranked search
 * can cost) and against a LIKE scan (what search would cost without FTS5).
 * Also the parts: planning (prefix expansion, how common each term is), the
 * per-type ranking alone, and the old join-based one-evaluation ranking (the
 * design before type-ranged rowids) for comparison.
 * Target: p95 ≤ 30 ms and ≤ 1.3× raw FTS5. Timing is printed, never asserted.
 * Run alone: `npx tsx tests/bench/global-search.bench.ts` (sizes: BENCH_SEARCH_* in search-bench-db.ts).
 */
import { fileURLToPath } from 'node:url';
import { searchGrouped, rankedPerType, RANK } from '../../src-main/services/search/global-search';
import { planSearch } from '../../src-main/services/search/search-plan';
import { stmt } from '../../src-main/db/statements';
import { toFtsQuery } from '../../src-shared/domain/search-query';
import { SEARCH_TYPES, searchInput } from '../../src-shared/contract/search';
import { header, measure, report } from './bench-kit';
import { searchBenchDb, SEARCH_BENCH_SIZES } from './search-bench-db';

/** What people type: common and rare words, short prefixes, names, phrases, exclusions. */
const QUERIES = [
  'teklif',
  'fatura iade',
  'istanbul',
  'cagri',
  'ka',
  'genel mud',
  '"genel mudur"',
  'sozlesme -iptal',
  'ayse yil',
  'depozito',
  'ilgaz',
  'kisi4711',
  'muhasebe rapor',
  'ozturk',
  'isik',
  'noter vekalet',
];

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 100);

export async function globalSearchBench(): Promise<void> {
  const bench = searchBenchDb();
  try {
    const { app, userIds } = bench;
    const db = app.ctx.db;
    const sizes = Object.entries(SEARCH_BENCH_SIZES)
      .map(([k, v]) => `${v.toLocaleString()} ${k}`)
      .join(', ');
    console.log(`\nglobal search over ${sizes}`);
    const q = (i: number) => QUERIES[i % QUERIES.length]!;
    const matches = QUERIES.map((text) => toFtsQuery(text)!);
    const m = (i: number) => matches[i % matches.length]!;
    const all = { types: SEARCH_TYPES };

    const palette = await measure((i) => app.call('search.query', { q: q(i) }), RUNS);
    const service = await measure((i) => searchGrouped(db, searchInput.parse({ q: q(i) })), RUNS);
    const page = await measure((i) => searchGrouped(db, searchInput.parse({ q: q(i), limit: 50 })), RUNS);
    const filtered = await measure(
      (i) =>
        searchGrouped(
          db,
          searchInput.parse({ q: q(i), ownerId: userIds[i % userIds.length], from: '2023-01-01', to: '2024-06-30' }),
        ),
      RUNS,
    );
    const planning = await measure((i) => planSearch(db, q(i)), RUNS);
    const plans = QUERIES.map((text) => planSearch(db, text)!);
    const ranking = await measure((i) => rankedPerType(db, plans[i % plans.length]!, all, 6), RUNS);
    // The previous design: every match joined to search_docs for its type, bm25 for all of them.
    const joined = await measure(
      (i) =>
        stmt(
          db,
          `select docId, type from (
             select docId, type, row_number() over (partition by type order by rank, docId) as n
             from (
               select d.doc_id as docId, d.entity_type as type, ${RANK} as rank
               from search_fts join search_docs d on d.doc_id = search_fts.rowid
               where search_fts match ? and d.deleted = 0 and d.entity_type in ('person', 'institution', 'document')
             )
           ) where n <= 6`,
        ).all(m(i)),
      Math.min(RUNS, 32),
    );
    const raw = db.$client.prepare('select rowid from search_fts where search_fts match ? order by rank limit 20');
    const viaRaw = await measure((i) => raw.all(m(i)), RUNS);
    const rawJoined = db.$client.prepare(
      `select d.entity_id from search_fts join search_docs d on d.doc_id = search_fts.rowid
       where search_fts match ? order by ${RANK} limit 20`,
    );
    const viaRawJoined = await measure((i) => rawJoined.all(m(i)), RUNS);
    // Every word as a substring of title or body: a full scan, so a few runs only.
    const like = await measure(
      (i) => {
        const words = q(i).replace(/["-]/g, ' ').split(/\s+/).filter(Boolean);
        const cond = words.map(() => "(title like '%' || ? || '%' or body like '%' || ? || '%')").join(' and ');
        db.$client
          .prepare(`select entity_id from search_docs where deleted = 0 and ${cond} limit 20`)
          .all(...words.flatMap((w) => [w, w]));
      },
      Math.min(RUNS, 16),
    );

    header();
    report('search.query, palette (5 per type)', palette, viaRaw);
    report('  service only (no dispatch)', service, viaRaw);
    report('  search page (50 per type)', page, viaRaw);
    report('  with owner and date filters', filtered, viaRaw);
    report('  planning only (expansion, counts)', planning, viaRaw);
    report('  ranking only (type ranges)', ranking, viaRaw);
    report('  old: join + bm25 of all matches', joined, viaRaw);
    report('  baseline: raw FTS5, rank limit 20', viaRaw);
    report('  raw FTS5 joined, bm25 limit 20', viaRawJoined, viaRaw);
    report('  LIKE scan', like, viaRaw);
    console.log(
      `\np95 ${palette.p95.toFixed(1)} ms (target ≤ 30 ms), ${(palette.p95 / viaRaw.p95).toFixed(2)}× raw FTS5 p95 (target ≤ 1.3×)`,
    );
    await perQuery(db, m, q);
  } finally {
    bench.close();
  }
}

/** Where the time goes, query by query: the palette's call against the raw FTS5 query. */
async function perQuery(
  db: ReturnType<typeof searchBenchDb>['app']['ctx']['db'],
  m: (i: number) => string,
  q: (i: number) => string,
): Promise<void> {
  const raw = db.$client.prepare('select rowid from search_fts where search_fts match ? order by rank limit 20');
  const count = db.$client.prepare('select count(*) as n from search_fts where search_fts match ?');
  console.log(
    `\n${'query'.padEnd(20)} ${'matches'.padStart(9)} ${'ranking'.padStart(8)} ${'search p50'.padStart(11)} ` +
      `${'p95'.padStart(9)} ${'raw p50'.padStart(9)} ${'p95'.padStart(9)}`,
  );
  const ms = (v: number) => `${v.toFixed(1).padStart(6)} ms`;
  for (let k = 0; k < QUERIES.length; k++) {
    const ours = await measure(() => searchGrouped(db, searchInput.parse({ q: q(k) })), 20);
    const base = await measure(() => raw.all(m(k)), 10);
    const n = (count.get(m(k)) as { n: number }).n;
    const mode = planSearch(db, q(k))!.exact ? 'bm25' : 'recent';
    console.log(
      `${q(k).padEnd(20)} ${n.toLocaleString().padStart(9)} ${mode.padStart(8)} ${ms(ours.p50).padStart(11)} ` +
        `${ms(ours.p95)} ${ms(base.p50)} ${ms(base.p95)}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void globalSearchBench();
