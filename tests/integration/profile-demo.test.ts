import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { isoNow } from '../../src-main/core/context';
import { fillDemo } from '../../src-main/services/demo/generate-demo';
import { foldForSearch } from '../../src-shared/domain/turkish-text';
import { profileOut } from '../../src-shared/contract/profile';

const OPTIONS = { seed: 7, institutions: 30, persons: 250 };
const dirs: string[] = [];
const apps: KartotekApp[] = [];

function filledApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-profile-demo-'));
  dirs.push(dir);
  const app = openApp({ dataDir: dir, now: () => new Date('2025-03-01T09:00:00.000Z') });
  apps.push(app);
  fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, OPTIONS);
  return app;
}

const all = <T>(app: KartotekApp, sql: string) => app.ctx.db.$client.prepare(sql).all() as T[];
const one = <T>(app: KartotekApp, sql: string) => app.ctx.db.$client.prepare(sql).get() as T;

/** Everything the demo put in the profile lists, by person name (ids differ between databases). */
const profileDump = (app: KartotekApp) => ({
  items: all<{ l: string }>(
    app,
    `select c.display_name || '|' || i.list || '|' || i.name || '|' || coalesce(i.detail, '') || '|' ||
       coalesce(i.year, '') || '|' || coalesce(i.start_date, '') as l
     from profile_items i join cards c on c.id = i.card_id order by l`,
  ).map((r) => r.l),
  relatives: all<{ l: string }>(
    app,
    `select a.display_name || '|' || r.relation || '|' || b.display_name as l
     from person_relatives r join cards a on a.id = r.person_id join cards b on b.id = r.relative_id order by l`,
  ).map((r) => r.l),
  measurements: all<{ l: string }>(
    app,
    `select c.display_name || '|' || m.measured_on || '|' || coalesce(m.height_cm, '') as l
     from body_measurements m join cards c on c.id = m.card_id order by l`,
  ).map((r) => r.l),
});

afterAll(() => {
  for (const app of apps) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo profiles', () => {
  let app: KartotekApp;
  beforeAll(() => {
    app = filledApp();
  });

  it('gives about 40% of the persons a profile, with every list used', () => {
    const { n } = one<{ n: number }>(
      app,
      `select count(*) as n from persons p where exists (select 1 from profile_items i where i.card_id = p.card_id)
         or exists (select 1 from body_measurements m where m.card_id = p.card_id)`,
    );
    expect(n / OPTIONS.persons).toBeGreaterThan(0.3);
    expect(n / OPTIONS.persons).toBeLessThan(0.5);
    const lists = all<{ list: string }>(app, 'select distinct list from profile_items order by list').map(
      (r) => r.list,
    );
    expect(lists).toEqual(['association', 'hobby', 'language', 'school']);
    expect(one<{ n: number }>(app, 'select count(*) as n from body_measurements').n).toBeGreaterThan(10);
    const associations = all<{ name: string }>(
      app,
      "select distinct name from profile_items where list = 'association'",
    );
    // Real-sounding clubs, chambers and foundations, not one repeated.
    expect(associations.length).toBeGreaterThanOrEqual(10);
  });

  it('dates schools by the birth date: a degree at 22 to 24, a high school at 18, a master’s later', () => {
    const rows = all<{ name: string; year: number; born: number }>(
      app,
      `select i.name, i.year, cast(substr(p.birth_date, 1, 4) as integer) as born
       from profile_items i join persons p on p.card_id = i.card_id
       where i.list = 'school' and i.year is not null`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const age = r.year - r.born;
      if (r.name.endsWith('Lisesi') || r.name === 'Robert Kolej') expect(age, r.name).toBe(18);
      else expect(age, `${r.name} ${r.year} (${r.born})`).toBeGreaterThanOrEqual(22);
      expect(age).toBeLessThanOrEqual(29);
    }
    // No one graduated from a university before it had graduates.
    const sabanci = rows.filter((r) => r.name === 'Sabancı Üniversitesi');
    for (const r of sabanci) expect(r.year).toBeGreaterThanOrEqual(2003);
  });

  it('links relatives of one surname whose ages fit the relation', () => {
    const rows = all<{ relation: string; a: number | null; b: number | null; sameName: number }>(
      app,
      `select r.relation, cast(substr(pa.birth_date, 1, 4) as integer) as a, cast(substr(pb.birth_date, 1, 4) as integer) as b,
         pa.last_name = pb.last_name as sameName
       from person_relatives r join persons pa on pa.card_id = r.person_id join persons pb on pb.card_id = r.relative_id`,
    );
    expect(rows.length).toBe(Math.floor(OPTIONS.persons / 40));
    for (const r of rows) {
      expect(r.sameName).toBe(1);
      // "parent": the relative (b) is the person's (a) parent, a generation older.
      if (r.relation === 'parent') expect(r.a! - r.b!).toBeGreaterThanOrEqual(20);
      if (r.relation === 'child') expect(r.b! - r.a!).toBeGreaterThanOrEqual(20);
      if (r.relation === 'spouse' || r.relation === 'sibling') expect(Math.abs(r.a! - r.b!)).toBeLessThanOrEqual(12);
    }
  });

  it('reads back through profile.get and finds persons by a hobby typed without Turkish letters', async () => {
    const hobby = one<{ cardId: string; name: string }>(
      app,
      `select card_id as cardId, name from profile_items where list = 'hobby'
         and (name like '%ç%' or name like '%ş%' or name like '%ğ%' or name like '%ı%') limit 1`,
    );
    const result = await app.call('profile.get', { personId: hobby.cardId });
    expect(result.ok).toBe(true);
    const profile = profileOut.parse((result as { value: unknown }).value);
    expect(profile.hobbies.map((h) => h.name)).toContain(hobby.name);
    const q = foldForSearch(hobby.name);
    expect(q).toMatch(/^[a-z ]+$/);
    const search = await app.call('search.query', { q, types: ['person'], limit: 200 });
    const hits = (search as { value: { groups: { hits: { id: string }[] }[] } }).value.groups.flatMap((g) =>
      g.hits.map((h) => h.id),
    );
    expect(hits).toContain(hobby.cardId);
  });

  it('writes the same profiles for the same seed', () => {
    const again = filledApp();
    const dump = profileDump(app);
    expect(dump.items.length).toBeGreaterThan(100);
    expect(profileDump(again)).toEqual(dump);
  });
});
