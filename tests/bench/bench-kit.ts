/**
 * What every benchmark shares: a generated database of N persons (deterministic,
 * through the real services so indexes and summaries are as in use) and timing
 * helpers. Benchmarks print ratios against a baseline measured in the same run, so
 * the numbers mean the same on a slow or a fast machine; they never assert timing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { createPerson } from '../../src-main/services/cards/persons';
import { createInstitution } from '../../src-main/services/cards/institutions';
import { link } from '../../src-main/services/cards/affiliations';
import { appendNote } from '../../src-main/services/cards/append-note';
import { writeTransaction } from '../../src-main/db/transaction';
import { institutionFields, personFields } from '../../src-shared/contract/cards';
import { provinceNames } from '../../src-shared/domain/tr-places';
import { Random } from '../../src-main/services/demo/random';
import { COMPANY_ROLES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';

export const BENCH_PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);

const SECTORS = ['Gıda', 'Tekstil', 'İnşaat', 'Yazılım', 'Lojistik', 'Gıda ve İçecek', 'Otomotiv'];
const CITIES = provinceNames();

export interface BenchDb {
  app: KartotekApp;
  dataDir: string;
  personIds: string[];
  institutionIds: string[];
  close(): void;
}

/** N persons (half linked to an institution with a role), N/50 institutions, one transaction. */
export function buildBenchDb(persons = BENCH_PERSONS): BenchDb {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-bench-'));
  const app = openApp({ dataDir });
  // The demo generator's seeded PRNG and word lists: the same database every run.
  const random = new Random(42);
  const pick = <T>(list: readonly T[]) => random.pick(list);
  const stamp = { userId: app.ctx.userId, at: new Date().toISOString() };
  const db = app.ctx.db;
  const institutionIds: string[] = [];
  const personIds: string[] = [];
  const started = Date.now();
  writeTransaction(db, () => {
    for (let i = 0; i < Math.max(10, Math.round(persons / 50)); i++) {
      const inst = createInstitution(
        db,
        institutionFields.parse({
          title: `${pick(SURNAMES)} ${pick(SECTORS)} ${i} A.Ş.`,
          sector: pick(SECTORS),
          kinds: [random.chance(0.7) ? 'customer' : 'supplier'],
          addresses: [{ kind: 'work', province: pick(CITIES) }],
        }),
        stamp,
      );
      institutionIds.push(inst.id);
    }
    for (let i = 0; i < persons; i++) {
      const female = random.chance(0.5);
      const person = createPerson(
        db,
        personFields.parse({
          firstName: pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
          lastName: pick(SURNAMES),
          gender: female ? 'female' : 'male',
          birthDate: random.chance(0.8)
            ? `${random.int(1950, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
            : undefined,
          phones: [{ kind: 'mobile', number: `05${random.int(30, 55)}${String(1_000_000 + i).slice(-7)}` }],
          emails: random.chance(0.6) ? [{ address: `kisi${i}@firma${i % 997}.com.tr`, isPrimary: true }] : [],
          addresses: [{ kind: 'work', province: pick(CITIES) }],
        }),
        stamp,
      );
      personIds.push(person.id);
      // One in ten has a few notes, so timelines have more than one entry.
      if (i % 10 === 0) for (let n = 1; n <= 3; n++) appendNote(db, { id: person.id, text: `Görüşme ${n}` }, stamp);
      if (random.chance(0.5))
        link(
          db,
          { personId: person.id, institutionId: pick(institutionIds), role: pick(COMPANY_ROLES).role, isPrimary: true },
          stamp,
        );
    }
  });
  console.log(
    `generated ${persons.toLocaleString()} persons, ${institutionIds.length} institutions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    app,
    dataDir,
    personIds,
    institutionIds,
    close() {
      app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** p50 and p95 of `runs` calls, in milliseconds. */
export async function measure(
  fn: (i: number) => unknown | Promise<unknown>,
  runs = 200,
): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await time(() => fn(i)));
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
  return { p50: at(50), p95: at(95) };
}

export const ms = (v: number) => `${v.toFixed(3)} ms`;

/** One line of the results table: a measure, and its ratio to a baseline when given. */
export function report(label: string, m: { p50: number; p95: number }, baseline?: { p50: number }): void {
  const ratio = baseline ? `   ${(m.p50 / baseline.p50).toFixed(2)}x` : '';
  console.log(`${label.padEnd(34)} ${ms(m.p50).padStart(12)} ${ms(m.p95).padStart(12)}${ratio}`);
}

export const header = () =>
  console.log(`\n${'measure'.padEnd(34)} ${'p50'.padStart(12)} ${'p95'.padStart(12)}   ratio`);
