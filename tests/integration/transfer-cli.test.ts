import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, encode1254 } from '../fixtures/transfer/transfer-kit';

// The real `kartotek` command (bin/kartotek.js → dist/main/cli.js) on real data folders and files.
let work: string;
const data = () => path.join(work, 'data');

function kartotek(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/kartotek.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = <T>(out: string) => JSON.parse(out) as T;

interface Summary {
  committed: boolean;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; column: string; message: string }[];
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-cli-transfer-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('kartotek import / export', () => {
  it('imports a Turkish Excel CSV, prints the summary, and exits 1 (writing nothing) when a row is wrong', async () => {
    const file = path.join(work, 'kişiler.csv');
    fs.writeFileSync(
      file,
      encode1254(
        csvText([
          ['Adı', 'Soyadı', 'Cep', 'Firma', 'Görevi', 'Kod'],
          ['Şükrü', 'Öztürk', '0532 123 45 67', 'Çağrı Yazılım A.Ş.', 'Genel Müdür', 'K-1'],
          ['Ayşe', 'Işık', 'yok', 'Çağrı Yazılım A.Ş.', 'Muhasebe', 'K-2'],
        ]),
      ),
    );
    const refused = kartotek('--data', data(), 'import', 'persons', file, '--json');
    expect(refused.code).toBe(1);
    const summary = json<Summary>(refused.stdout);
    expect(summary).toMatchObject({ committed: false, created: 0 });
    expect(summary.errors).toEqual([{ row: 3, column: 'Cep', message: '"yok" geçerli bir telefon numarası değil' }]);
    const list = json<{ total: number }>(kartotek('--data', data(), 'call', 'cards.listPersons', '{}').stdout);
    expect(list.total).toBe(0);

    const dry = kartotek('--data', data(), 'import', 'persons', file, '--valid-rows', '--dry-run', '--json');
    expect(json<Summary>(dry.stdout)).toMatchObject({ committed: false, created: 1 });

    const valid = kartotek('--data', data(), 'import', 'persons', file, '--valid-rows', '--json');
    expect(valid.code).toBe(0);
    expect(json<Summary>(valid.stdout)).toMatchObject({ committed: true, created: 1 });
    const hits = json<{ title: string }[]>(kartotek('--data', data(), 'search', 'cagri', '--json').stdout);
    expect(hits.map((h) => h.title).sort()).toEqual(['Çağrı Yazılım A.Ş.', 'Şükrü Öztürk'].sort());
  });

  it('takes a mapping file {header → target} and the duplicate choice', async () => {
    const file = path.join(work, 'guncel.csv');
    fs.writeFileSync(
      file,
      csvText(
        [
          ['Kişi', 'Numara', 'Kod'],
          ['Şükrü Öztürk', '+90 532 123 45 67', 'kaynak-B'],
        ],
        ',',
      ),
    );
    const mapping = path.join(work, 'eslem.json');
    fs.writeFileSync(mapping, JSON.stringify({ Kişi: 'fullName', Numara: 'phone.mobile', Kod: 'source' }));
    const skip = kartotek('--data', data(), 'import', 'persons', file, '--mapping', mapping, '--json');
    expect(json<Summary>(skip.stdout)).toMatchObject({ committed: true, created: 0, skipped: 1 });
    const update = kartotek(
      '--data',
      data(),
      'import',
      'persons',
      file,
      '--mapping',
      mapping,
      '--on-duplicate',
      'update',
    );
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('İçe aktarıldı: 0 yeni, 1 güncellendi');
    const found = json<{ rows: { id: string }[] }>(
      kartotek('--data', data(), 'call', 'cards.listPersons', '{"q":"sukru"}').stdout,
    );
    const person = json<{ source: string }>(
      kartotek('--data', data(), 'call', 'cards.getPerson', JSON.stringify({ id: found.rows[0]!.id })).stdout,
    );
    expect(person.source).toBe('kaynak-B');

    fs.writeFileSync(mapping, JSON.stringify({ Yok: 'fullName' }));
    const wrong = kartotek('--data', data(), 'import', 'persons', file, '--mapping', mapping);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('"Yok" sütunu dosyada yok');
    expect(kartotek('--data', data(), 'import', 'persons', file, '--on-duplicate', 'merge').code).toBe(2);
    expect(kartotek('--data', data(), 'import', 'animals', file).code).toBe(2);
  });

  it('exports a list to each format, and the file imports back into an empty folder', () => {
    for (const format of ['csv', 'xlsx', 'vcf']) {
      const out = path.join(work, `kisiler.${format}`);
      const result = kartotek('--data', data(), 'export', 'persons', '--format', format, '-o', out, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(json<{ rowCount: number }>(result.stdout).rowCount).toBe(1);
      expect(fs.statSync(out).size).toBeGreaterThan(100);
      const fresh = path.join(work, `fresh-${format}`);
      const back = kartotek('--data', fresh, 'import', 'persons', out, '--json');
      expect(json<Summary>(back.stdout)).toMatchObject({ committed: true, created: 1 });
      const hits = json<{ title: string }[]>(
        kartotek('--data', fresh, 'search', 'ozturk genel mudur', '--json').stdout,
      );
      expect(hits.map((h) => h.title)).toEqual(['Şükrü Öztürk']);
    }
    const csv = fs.readFileSync(path.join(work, 'kisiler.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFHitap;Ad;Soyad')).toBe(true);
    expect(kartotek('--data', data(), 'export', 'persons', '--format', 'pdf', '-o', 'x').code).toBe(2);
    const segment = kartotek(
      '--data',
      data(),
      'export',
      'persons',
      '--format',
      'csv',
      '-o',
      path.join(work, 's.csv'),
      '--segment',
      '01900000-0000-7000-8000-000000000001',
    );
    expect(segment.code).toBe(1);
    expect(segment.stderr).toContain('NOT_FOUND');
  });
});
