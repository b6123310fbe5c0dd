import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { isoNow } from '../../src-main/core/context';
import { fillDemo, planDemo, type DemoCounts, type DemoOptions } from '../../src-main/services/demo/generate-demo';
import { ContractError } from '../../src-shared/contract/errors';
import { INSTITUTION_KINDS } from '../../src-shared/contract/cards';
import { areaCodeOf, isKnownDistrict } from '../../src-shared/domain/tr-places';
import { foldForSearch } from '../../src-shared/domain/turkish-text';

const dirs: string[] = [];
const apps: KartotekApp[] = [];

function freshApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-demo-'));
  dirs.push(dir);
  const app = openApp({ dataDir: dir, now: () => new Date('2025-03-01T09:00:00.000Z') });
  apps.push(app);
  return app;
}

const fill = (app: KartotekApp, options?: DemoOptions) =>
  fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, options);

const all = <T>(app: KartotekApp, sql: string, ...params: unknown[]) =>
  app.ctx.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(app: KartotekApp, sql: string, ...params: unknown[]) =>
  app.ctx.db.$client.prepare(sql).get(...params) as T;

/** Row counts of the tables a demo fill writes, to prove a refusal changed nothing. */
function tableCounts(app: KartotekApp): Record<string, number> {
  const tables = [
    'cards',
    'persons',
    'institutions',
    'phones',
    'emails',
    'addresses',
    'affiliations',
    'institution_relations',
    'institution_kinds',
    'audit_log',
    'search_docs',
    'notes',
    'follow_ups',
    'tasks',
    'calendars',
    'events',
    'event_attendees',
    'notifications',
  ];
  return Object.fromEntries(tables.map((t) => [t, one<{ n: number }>(app, `select count(*) as n from ${t}`).n]));
}

afterAll(() => {
  for (const app of apps) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the default demo firm', () => {
  let app: KartotekApp;
  let counts: DemoCounts;
  let progress: [number, number][];

  beforeAll(() => {
    app = freshApp();
    progress = [];
    counts = fill(app, { onProgress: (done, total) => progress.push([done, total]) });
  });

  it('has hundreds of institutions of every kind and thousands of persons', () => {
    expect(counts.institutions).toBeGreaterThanOrEqual(300);
    expect(counts.persons).toBeGreaterThanOrEqual(2000);
    expect(one<{ n: number }>(app, "select count(*) as n from cards where type = 'institution'").n).toBe(
      counts.institutions,
    );
    expect(one<{ n: number }>(app, "select count(*) as n from cards where type = 'person'").n).toBe(counts.persons);
    const kinds = all<{ kind: string }>(app, 'select distinct kind from institution_kinds').map((k) => k.kind);
    expect(kinds.sort()).toEqual([...INSTITUTION_KINDS].sort());
    const multiKind = one<{ n: number }>(
      app,
      'select count(*) as n from (select card_id from institution_kinds group by card_id having count(*) > 1)',
    );
    expect(multiKind.n).toBeGreaterThan(0);
  });

  it('links most persons to institutions with roles, one primary each', () => {
    expect(one<{ n: number }>(app, 'select count(*) as n from affiliations').n).toBe(counts.affiliations);
    expect(counts.affiliations).toBeGreaterThan(counts.persons * 0.9);
    expect(
      one<{ n: number }>(app, 'select count(*) as n from affiliations where role is null or department is null').n,
    ).toBe(0);
    const primaries = all<{ n: number }>(app, 'select sum(is_primary) as n from affiliations group by person_id').map(
      (r) => r.n,
    );
    expect(primaries.every((n) => n === 1)).toBe(true);
    const affiliated = one<{ n: number }>(app, 'select count(distinct person_id) as n from affiliations').n;
    expect(affiliated / counts.persons).toBeGreaterThan(0.8);
    const relationKinds = all<{ kind: string }>(app, 'select distinct kind from institution_relations').map(
      (r) => r.kind,
    );
    expect(relationKinds).toEqual(expect.arrayContaining(['parent_of', 'group_company', 'supplier_of', 'bank_of']));
    expect(counts.relations).toBe(one<{ n: number }>(app, 'select count(*) as n from institution_relations').n);
  });

  it('uses only real il/ilçe pairs in addresses', () => {
    const pairs = all<{ province: string; district: string }>(app, 'select distinct province, district from addresses');
    expect(pairs.length).toBeGreaterThan(50);
    for (const { province, district } of pairs)
      expect(isKnownDistrict(province, district), `${province}/${district}`).toBe(true);
  });

  it('gives readable Turkish phone numbers and ASCII e-mail addresses', () => {
    expect(one<{ n: number }>(app, 'select count(*) as n from phones where e164 is null').n).toBe(0);
    const perPerson = all<{ n: number }>(
      app,
      `select count(ph.id) as n from persons p left join phones ph on ph.card_id = p.card_id group by p.card_id`,
    ).map((r) => r.n);
    expect(Math.min(...perPerson)).toBe(1);
    expect(Math.max(...perPerson)).toBe(3);
    const mobiles = all<{ e164: string }>(app, "select e164 from phones where kind = 'mobile'");
    for (const { e164 } of mobiles) expect(e164).toMatch(/^\+905\d{9}$/);
    const emails = all<{ address: string }>(app, 'select address from emails');
    for (const { address } of emails) expect(address).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}$/);
    expect(emails.some((e) => e.address.endsWith('@gmail.com'))).toBe(true);
    expect(new Set(emails.map((e) => e.address)).size).toBe(emails.length);
  });

  it('dials institutions on the area code of their il', () => {
    const rows = all<{ e164: string; province: string; district: string }>(
      app,
      `select ph.e164, ad.province, ad.district from institutions i
         join phones ph on ph.card_id = i.card_id and ph.position = 0
         join addresses ad on ad.card_id = i.card_id and ad.position = 0`,
    );
    expect(rows).toHaveLength(counts.institutions);
    for (const r of rows)
      expect(r.e164.slice(3, 6), `${r.province}/${r.district}`).toBe(areaCodeOf(r.province, r.district));
  });

  it('reports progress up to the total', () => {
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual([counts.institutions + counts.persons, counts.institutions + counts.persons]);
  });

  it('is found by folded search typed without Turkish letters', async () => {
    const person = one<{ id: string; name: string }>(
      app,
      `select id, display_name as name from cards where type = 'person'
         and (display_name like '%ş%' or display_name like '%ğ%' or display_name like '%ı%' or display_name like '%ç%')
       order by sort_key limit 1`,
    );
    const q = foldForSearch(person.name);
    expect(q).toMatch(/^[a-z ]+$/);
    const result = await app.call('search.query', { q, types: ['person'], limit: 200 });
    expect(result.ok).toBe(true);
    const hits = (result as { ok: true; value: { groups: { hits: { id: string }[] }[] } }).value.groups.flatMap(
      (g) => g.hits,
    );
    expect(hits.map((h) => h.id)).toContain(person.id);
  });

  it('keeps a few saved segments, each with members', async () => {
    const result = await app.call('segments.list', {});
    expect(result.ok).toBe(true);
    const segments = (result as { ok: true; value: { segments: { id: string; name: string }[] } }).value.segments;
    expect(segments.length).toBeGreaterThanOrEqual(3);
    for (const segment of segments) {
      const count = await app.call('segments.count', { id: segment.id });
      expect(count.ok, segment.name).toBe(true);
      expect((count as { ok: true; value: { count: number } }).value.count, segment.name).toBeGreaterThan(0);
    }
  });

  it('refuses to fill again', () => {
    const before = tableCounts(app);
    expect(() => fill(app, { institutions: 5, persons: 5 })).toThrow(ContractError);
    expect(tableCounts(app)).toEqual(before);
  });
});

describe('demo refusal and determinism', () => {
  it('refuses a database that already has a card, leaving it unchanged', async () => {
    const app = freshApp();
    const created = await app.call('cards.createPerson', { firstName: 'Çağrı', lastName: 'Işık' });
    expect(created.ok).toBe(true);
    const before = tableCounts(app);
    let caught: unknown;
    try {
      fill(app);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ContractError);
    expect((caught as ContractError).code).toBe('CONFLICT');
    expect((caught as ContractError).message).toMatch(/yalnızca boş bir veritabanına/);
    expect(tableCounts(app)).toEqual(before);
  });

  it('plans the same firm for the same seed and another for another seed', () => {
    expect(planDemo({ seed: 5 })).toEqual(planDemo({ seed: 5 }));
    const names = (seed: number) =>
      planDemo({ seed, institutions: 20, persons: 50 }).persons.map((p) => p.fields.lastName);
    expect(names(1)).not.toEqual(names(2));
  });

  it('writes identical cards into two fresh databases with the same seed', () => {
    const options = { seed: 42, institutions: 40, persons: 250 };
    const contents = (app: KartotekApp) => ({
      counts: fill(app, options),
      names: all<{ name: string }>(app, 'select display_name as name from cards order by display_name, type').map(
        (r) => r.name,
      ),
      phones: all<{ n: string }>(app, 'select number as n from phones order by number').map((r) => r.n),
      emails: all<{ a: string }>(app, 'select address as a from emails order by address').map((r) => r.a),
      links: all<{ l: string }>(
        app,
        `select p.display_name || '|' || i.display_name || '|' || a.role as l from affiliations a
           join cards p on p.id = a.person_id join cards i on i.id = a.institution_id order by l`,
      ).map((r) => r.l),
    });
    const first = contents(freshApp());
    const second = contents(freshApp());
    expect(first.names.length).toBe(290);
    expect(second).toEqual(first);
  });
});
