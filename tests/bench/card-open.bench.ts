/**
 * `npx tsx tests/bench/card-open.bench.ts`: what opening a card costs on a
 * generated database of BENCH_PERSONS persons (default 100,000): the card
 * itself, its first timeline page, and its profile, criteria and tags where
 * those calls exist, each through the contract as the screen asks for them.
 * Printed as ratios against a baseline measured in the same run (one primary-
 * key select), so the numbers mean the same on a slow or a fast machine.
 * Not a test: it asserts nothing and never fails on timing.
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
import { isMethod } from '../../src-shared/contract';
import { institutionFields, personFields } from '../../src-shared/contract/cards';
import { provinceNames, districtsOf } from '../../src-shared/domain/tr-places';
import { Random } from '../../src-main/services/demo/random';
import { COMPANY_ROLES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);
const INSTITUTIONS = Math.max(10, Math.round(PERSONS / 50));
const RUNS = 300;
const FIRST = [...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES];
const CITIES = provinceNames();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(fn: (i: number) => unknown): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** A call that must succeed: a refused call would time an error path. */
async function mustCall(app: KartotekApp, method: string, input: unknown): Promise<unknown> {
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** Persons with a phone, an e-mail, an address, a role at a firm and (one in ten) a few notes. */
function fill(app: KartotekApp, random: Random): { persons: string[]; institutions: string[] } {
  const db = app.ctx.db;
  const stamp = { userId: app.ctx.userId, at: new Date().toISOString() };
  const pick = <T>(list: readonly T[]) => random.pick(list);
  const persons: string[] = [];
  const institutions: string[] = [];
  writeTransaction(db, () => {
    for (let i = 0; i < INSTITUTIONS; i++) {
      const title = `${pick(SURNAMES)} ${i} A.Ş.`;
      institutions.push(createInstitution(db, institutionFields.parse({ title, kinds: ['customer'] }), stamp).id);
    }
    for (let i = 0; i < PERSONS; i++) {
      const first = pick(FIRST);
      const last = pick(SURNAMES);
      const province = pick(CITIES);
      const person = createPerson(
        db,
        personFields.parse({
          firstName: first,
          lastName: last,
          phones: [{ kind: 'mobile', number: `05${random.int(30, 55)}${String(1_000_000 + i).slice(-7)}` }],
          emails: [{ address: `kisi${i}@firma${i % 997}.com.tr`, isPrimary: true }],
          addresses: [{ kind: 'work', province, district: pick(districtsOf(province)) }],
        }),
        stamp,
      );
      persons.push(person.id);
      const institutionId = pick(institutions);
      link(db, { personId: person.id, institutionId, role: pick(COMPANY_ROLES).role, isPrimary: true }, stamp);
      if (i % 10 === 0) for (let n = 1; n <= 5; n++) appendNote(db, { id: person.id, text: `Görüşme ${n}` }, stamp);
    }
  });
  return { persons, institutions };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-bench-card-'));
  const app = openApp({ dataDir });
  const random = new Random(42);
  const fillStart = Date.now();
  const { persons, institutions } = fill(app, random);
  const auditRows = app.ctx.db.$client.prepare('select count(*) as n from audit_log').get() as { n: number };
  console.log(
    `generated ${PERSONS.toLocaleString()} persons, ${INSTITUTIONS.toLocaleString()} institutions, ` +
      `${auditRows.n.toLocaleString()} audit rows in ${((Date.now() - fillStart) / 1000).toFixed(1)} s`,
  );

  // Random cards, the same ones for every measure.
  const personAt = (i: number) => persons[(i * 7919 + 13) % persons.length]!;
  const institutionAt = (i: number) => institutions[(i * 7919 + 13) % institutions.length]!;
  const pk = app.ctx.db.$client.prepare('select * from cards where id = ?');
  const baseline = await measure((i) => pk.get(personAt(i)));

  // The calls the person card makes when it opens (profile and criteria where those modules have them).
  const personCalls: [string, (id: string) => unknown][] = [
    ['cards.getPerson', (id) => ({ id })],
    ['timeline.forCard', (cardId) => ({ cardId, limit: 30 })],
    ['profile.get', (personId) => ({ personId })],
    ['criteria.getValues', (cardId) => ({ cardId })],
    ['criteria.getTags', (cardId) => ({ cardId })],
  ];
  const available = personCalls.filter(([method]) => isMethod(method));
  const rows: [string, { p50: number; p95: number }][] = [];
  for (const [method, input] of available) {
    rows.push([method, await measure((i) => mustCall(app, method, input(personAt(i))))]);
  }
  rows.push([
    'person card, all of the above',
    await measure(async (i) => {
      const id = personAt(i);
      await Promise.all(available.map(([method, input]) => mustCall(app, method, input(id))));
    }),
  ]);
  rows.push([
    'institution card + timeline',
    await measure(async (i) => {
      const id = institutionAt(i);
      await mustCall(app, 'cards.getInstitution', { id });
      await mustCall(app, 'timeline.forCard', { cardId: id, limit: 30 });
    }),
  ]);
  app.close();

  const ms = (v: number) => `${v.toFixed(3)} ms`.padStart(12);
  console.log(`\n${'measure'.padEnd(34)}${'p50'.padStart(12)}${'p95'.padStart(12)}   ratio (p50 vs baseline)`);
  for (const [name, m] of rows) {
    console.log(`${name.padEnd(34)}${ms(m.p50)}${ms(m.p95)}   ${(m.p50 / baseline.p50).toFixed(1)}x`);
  }
  console.log(`${'  baseline: primary-key select'.padEnd(34)}${ms(baseline.p50)}${ms(baseline.p95)}`);
  const skipped = personCalls.filter(([method]) => !isMethod(method)).map(([method]) => method);
  if (skipped.length) console.log(`\nnot in the contract yet: ${skipped.join(', ')}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
