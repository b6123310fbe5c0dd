/**
 * `npm run bench [name…]`: builds one generated database (BENCH_PERSONS persons,
 * default 100k) and runs the benchmarks on it, all of them or those named.
 * Every benchmark prints ratios against a baseline measured in the same run.
 */
import { buildBenchDb, type BenchDb } from './bench-kit';
import { searchBench } from './search.bench';
import { segmentsBench } from './segments.bench';
import { cardOpenBench } from './card-open.bench';

const BENCHES: Record<string, (bench: BenchDb) => Promise<void>> = {
  search: searchBench,
  segments: segmentsBench,
  'card-open': cardOpenBench,
};

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in BENCHES));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(2);
  }
  const bench = buildBenchDb();
  try {
    for (const [name, run] of Object.entries(BENCHES)) {
      if (wanted.length && !wanted.includes(name)) continue;
      console.log(`\n== ${name}`);
      await run(bench);
    }
  } finally {
    bench.close();
  }
}

void main();
