import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { isoNow } from '../../src-main/core/context';
import { fillDemo } from '../../src-main/services/demo/generate-demo';

const dirs: string[] = [];
const apps: KartotekApp[] = [];
afterAll(() => {
  for (const app of apps) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function demoApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-criteria-demo-'));
  dirs.push(dir);
  const app = openApp({ dataDir: dir, now: () => new Date('2025-03-01T09:00:00.000Z') });
  apps.push(app);
  fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, { seed: 7, institutions: 40, persons: 200 });
  return app;
}

const all = <T>(app: KartotekApp, sql: string) => app.ctx.db.$client.prepare(sql).all() as T[];

/** Owner, criteria and tags of every card by name: what two same-seed demos must agree on. */
const fingerprint = (app: KartotekApp) =>
  all<{ line: string }>(
    app,
    `select c.display_name || '|' || coalesce(u.name, '-') || '|' ||
       coalesce((select group_concat(f.name || '=' || coalesce(v.value_text, v.value_num), ';')
                 from criteria_values v join criteria_fields f on f.id = v.field_id where v.card_id = c.id), '') || '|' ||
       coalesce((select group_concat(tag, ';') from card_tags t where t.card_id = c.id), '') as line
     from cards c left join users u on u.id = c.owner_id order by line`,
  ).map((r) => r.line);

describe('the demo firm’s staff, owners, criteria and tags', () => {
  it('has Turkish-named staff owning most cards, criteria on a good share and some tags', async () => {
    const app = demoApp();
    const users = all<{ name: string; role: string }>(app, 'select name, role from users');
    expect(users).toHaveLength(7);
    expect(users.filter((u) => u.role === 'staff').length).toBeGreaterThanOrEqual(4);
    expect(users.map((u) => u.name)).toContain('Gizem Çakır');
    const [owned] = all<{ share: number }>(
      app,
      "select avg(owner_id is not null and owner_id <> (select id from users where name = 'Yönetici')) as share from cards",
    );
    expect(owned!.share).toBeGreaterThan(0.7);

    const result = await app.call('criteria.listDefinitions', { cardType: 'institution', withCounts: true });
    expect(result.ok).toBe(true);
    const sales = (
      result as {
        ok: true;
        value: { categories: { name: string; fields: { name: string; kind: string; cardCount: number }[] }[] };
      }
    ).value.categories[0]!;
    expect(sales.name).toBe('Satış');
    expect(sales.fields.map((f) => f.kind)).toEqual(['number', 'one_of', 'yes_no', 'date', 'text']);
    expect(sales.fields[0]!.cardCount).toBeGreaterThan(40 * 0.5);

    const withValues = all<{ type: string; n: number }>(
      app,
      'select c.type, count(distinct v.card_id) as n from criteria_values v join cards c on c.id = v.card_id group by c.type',
    );
    expect(withValues.find((r) => r.type === 'institution')!.n).toBeGreaterThan(40 * 0.5);
    expect(withValues.find((r) => r.type === 'person')!.n).toBeGreaterThan(200 * 0.5);
    // many_of rows: some persons have more than one interest.
    expect(
      all(
        app,
        `select v.card_id from criteria_values v join criteria_fields f on f.id = v.field_id
               where f.kind = 'many_of' group by v.card_id having count(*) > 1`,
      ).length,
    ).toBeGreaterThan(0);
    const tags = all<{ tag: string }>(app, 'select distinct tag from card_tags order by tag').map((t) => t.tag);
    expect(tags).toEqual(expect.arrayContaining(['VIP', 'Fuar 2026', 'Bayi']));
  });

  it('comes out the same for the same seed', () => {
    expect(fingerprint(demoApp())).toEqual(fingerprint(demoApp()));
  });
});
