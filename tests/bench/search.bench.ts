/**
 * `npm run bench`: search and open speed on a generated 100k-person database.
 * Prints ratios against baselines measured in the same run (raw FTS5, raw open),
 * so the numbers mean the same on a slow or a fast machine. Not a test: it
 * asserts nothing and never fails on timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openApp } from '../../src-main/core/app';
import { createPerson } from '../../src-main/services/cards/persons';
import { createInstitution } from '../../src-main/services/cards/institutions';
import { link } from '../../src-main/services/cards/affiliations';
import { writeTransaction } from '../../src-main/db/transaction';
import { toFtsQuery } from '../../src-shared/domain/search-query';
import { institutionFields, personFields } from '../../src-shared/contract/cards';
import { provinceNames } from '../../src-shared/domain/tr-places';
import { Random } from '../../src-main/services/demo/random';
import { COMPANY_ROLES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const INSTITUTIONS = Math.max(10, Math.round(PERSONS / 50));
const RUNS = 200;

const FIRST = [...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES];
const SECTOR_WORDS = ['Gıda', 'Tekstil', 'İnşaat', 'Yazılım', 'Lojistik'];
const CITIES = provinceNames();
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function measure(fn: (i: number) => unknown | Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await time(() => fn(i)));
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (v: number) => `${v.toFixed(3)} ms`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-bench-'));
  const app = openApp({ dataDir });
  // The demo generator's seeded PRNG and word lists: the same database every run.
  const random = new Random(42);
  const pick = <T>(list: readonly T[]) => random.pick(list);
  const stamp = { userId: app.ctx.userId, at: new Date().toISOString() };
  const db = app.ctx.db;

  const fillStart = Date.now();
  writeTransaction(db, () => {
    const institutionIds: string[] = [];
    for (let i = 0; i < INSTITUTIONS; i++) {
      const inst = createInstitution(
        db,
        institutionFields.parse({
          title: `${pick(SURNAMES)} ${pick(SECTOR_WORDS)} ${i} A.Ş.`,
          kinds: ['customer'],
        }),
        stamp,
      );
      institutionIds.push(inst.id);
    }
    for (let i = 0; i < PERSONS; i++) {
      const person = createPerson(
        db,
        personFields.parse({
          firstName: pick(FIRST),
          lastName: pick(SURNAMES),
          phones: [{ kind: 'mobile', number: `05${random.int(30, 55)}${String(1_000_000 + i).slice(-7)}` }],
          addresses: [{ kind: 'work', province: pick(CITIES) }],
        }),
        stamp,
      );
      if (random.chance(0.5))
        link(
          db,
          { personId: person.id, institutionId: pick(institutionIds), role: pick(COMPANY_ROLES).role, isPrimary: true },
          stamp,
        );
    }
  });
  console.log(
    `generated ${PERSONS.toLocaleString()} persons, ${INSTITUTIONS} institutions in ${((Date.now() - fillStart) / 1000).toFixed(1)} s`,
  );

  const viaContract = await measure((i) => app.call('search.query', { q: QUERIES[i % QUERIES.length]!, limit: 20 }));
  const raw = db.$client.prepare(
    `select d.entity_id from search_fts join search_docs d on d.doc_id = search_fts.rowid
     where search_fts match ? order by bm25(search_fts, 10.0, 1.0) limit 20`,
  );
  const matches = QUERIES.map((q) => toFtsQuery(q)!);
  const viaRaw = await measure((i) => raw.all(matches[i % matches.length]));
  const list = await measure((i) => app.call('cards.listPersons', { offset: (i * 997) % (PERSONS - 100), limit: 100 }));
  const rawList = db.$client.prepare(
    "select id, display_name from cards where type = 'person' and deleted_at is null order by sort_key limit 100 offset ?",
  );
  const listRaw = await measure((i) => rawList.all((i * 997) % (PERSONS - 100)));
  app.close();

  const dbFile = path.join(dataDir, 'kartotek.db');
  const coldRaw = await time(() => {
    const d = new Database(dbFile);
    d.prepare('select count(*) from cards').get();
    d.close();
  });
  const coldApp = await time(() => {
    const a = openApp({ dataDir });
    a.ctx.db.$client.prepare('select count(*) from cards').get();
    a.close();
  });

  console.log('\nmeasure                           p50          p95       ratio (p50 vs baseline)');
  console.log(
    `search through the contract   ${ms(viaContract.p50).padStart(12)} ${ms(viaContract.p95).padStart(12)}   ${(viaContract.p50 / viaRaw.p50).toFixed(2)}x`,
  );
  console.log(`  baseline: raw FTS5 query    ${ms(viaRaw.p50).padStart(12)} ${ms(viaRaw.p95).padStart(12)}`);
  console.log(
    `person list page (100 rows)   ${ms(list.p50).padStart(12)} ${ms(list.p95).padStart(12)}   ${(list.p50 / listRaw.p50).toFixed(2)}x`,
  );
  console.log(`  baseline: raw ordered page  ${ms(listRaw.p50).padStart(12)} ${ms(listRaw.p95).padStart(12)}`);
  console.log(
    `cold open (openApp)           ${ms(coldApp).padStart(12)}                ${(coldApp / coldRaw).toFixed(2)}x`,
  );
  console.log(`  baseline: raw SQLite open   ${ms(coldRaw).padStart(12)}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
