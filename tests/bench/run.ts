/**
 * `npm run bench [name…]`: builds one generated database (BENCH_PERSONS persons,
 * default 100k) and runs the benchmarks on it, all of them or those named.
 * Every benchmark prints ratios against a baseline measured in the same run.
 */
import { buildBenchDb, type BenchDb } from './bench-kit';
import { searchBench } from './search.bench';
import { segmentsBench } from './segments.bench';
import { cardOpenBench } from './card-open.bench';
import { importBench } from './import.bench';
import { pdfExtractionBench } from './pdf-extraction.bench';
import { documentsBench } from './documents.bench';
import { mailScanBench } from './mail-scan.bench';

/** Benchmarks over the shared generated database. */
const ON_SHARED_DB: Record<string, (bench: BenchDb) => Promise<void>> = {
  search: searchBench,
  segments: segmentsBench,
  'card-open': cardOpenBench,
};
/** Benchmarks that make their own data folders. */
const STANDALONE: Record<string, () => Promise<void>> = {
  import: importBench,
  documents: documentsBench,
  'pdf-extraction': pdfExtractionBench,
  'mail-scan': mailScanBench,
};

async function main() {
  const wanted = process.argv.slice(2);
  const known = [...Object.keys(ON_SHARED_DB), ...Object.keys(STANDALONE)];
  const unknown = wanted.filter((name) => !known.includes(name));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${known.join(', ')})`);
    process.exit(2);
  }
  const chosen = (name: string) => wanted.length === 0 || wanted.includes(name);
  const shared = Object.entries(ON_SHARED_DB).filter(([name]) => chosen(name));
  if (shared.length) {
    const bench = buildBenchDb();
    try {
      for (const [name, run] of shared) {
        console.log(`\n== ${name}`);
        await run(bench);
      }
    } finally {
      bench.close();
    }
  }
  for (const [name, run] of Object.entries(STANDALONE).filter(([n]) => chosen(n))) {
    console.log(`\n== ${name}`);
    await run();
  }
}

void main();
