import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Holiday } from '../../src-shared/domain/holidays';

// The real `kartotek agenda holidays` (bin/kartotek.js → dist/main/cli.js). It needs no database:
// run once with an empty data folder (which must stay empty) and once with no --data at all.
let dataDir: string;
let agendaDir: string;
const fixture = (name: string) => path.join('tests/fixtures/ics', name);

function kartotek(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/kartotek.js', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build-main.mjs'], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-agenda-cli-'));
  agendaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-agenda-ics-cli-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(agendaDir, { recursive: true, force: true });
});

describe('kartotek agenda holidays', () => {
  it('prints the year as JSON: date, name, kind, sorted, without touching the data folder', () => {
    const out = kartotek('--data', dataDir, 'agenda', 'holidays', '2025', '--json');
    expect(out.code, out.stderr).toBe(0);
    const list = JSON.parse(out.stdout) as Holiday[];
    expect(list[0]).toEqual({
      date: '2025-01-01',
      name: 'Yılbaşı',
      nameEn: "New Year's Day",
      kind: 'official',
      estimated: false,
    });
    expect(list).toContainEqual({
      date: '2025-03-29',
      name: 'Ramazan Bayramı arifesi',
      nameEn: 'Eid al-Fitr eve',
      kind: 'arife-half-day',
      startsAt: '13:00',
      estimated: false,
    });
    expect(list.filter((h) => h.name.startsWith('Kurban Bayramı ')).map((h) => h.date)).toEqual([
      '2025-06-05',
      '2025-06-06',
      '2025-06-07',
      '2025-06-08',
      '2025-06-09',
    ]);
    expect(list.map((h) => h.date)).toEqual(list.map((h) => h.date).sort());
    expect(new Set(list.map((h) => h.kind))).toEqual(new Set(['official', 'religious', 'arife-half-day']));
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('prints a Turkish table with the weekday, and works without --data', () => {
    const out = kartotek('agenda', 'holidays', '2024');
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Tarih\s+Gün\s+Ad\s+Tür$/);
    expect(lines).toContainEqual(expect.stringMatching(/^10\.04\.2024 {2}Çarşamba\s+Ramazan Bayramı 1\. gün\s+dinî$/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^28\.10\.2024 {2}Pazartesi\s+Cumhuriyet Bayramı arifesi\s+yarım gün, 13\.00'ten itibaren$/,
      ),
    );
    expect(out.stdout).not.toContain('tahmini');
  });

  it('says which religious dates are estimates for years not checked against Diyanet', () => {
    const out = kartotek('agenda', 'holidays', '2040');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Kurban Bayramı 1\. gün\s+dinî, tahmini/);
    expect(out.stdout).toContain('tahmini: Diyanet takvimiyle karşılaştırılmamış yıl');
  });

  it.each([
    [['2100'], '2100 yılı için tatiller hesaplanamaz: desteklenen aralık 1981–2077'],
    [['1980'], '1980 yılı için tatiller hesaplanamaz'],
    [['gelecek'], '"gelecek" bir yıl değil'],
    [[], 'yıl gerekli'],
  ])('refuses %j with exit 2 and one line naming the reason', (args, reason) => {
    const out = kartotek('agenda', 'holidays', ...args, '--json');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(reason);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses an unknown agenda command as a usage error', () => {
    const out = kartotek('agenda', 'meetings');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('bilinmeyen agenda komutu "meetings"');
  });
});

describe('kartotek agenda import / export', () => {
  it('names the calendars there are when the asked one is missing, and imports nothing', () => {
    const created = kartotek(
      '--data',
      agendaDir,
      'call',
      'agenda.saveCalendar',
      '{"name":"Satış","kind":"general","color":"#2f9e44"}',
    );
    expect(created.code, created.stderr).toBe(0);
    const out = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'import',
      fixture('outlook-windows-zones.ics'),
      '--calendar',
      'Toplantılar',
      '--json',
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(
      '"Toplantılar" adında takvim yok (takvimler: "Satış"); yeni takvim için --create ekleyin',
    );
  });

  it('imports into a calendar found by its name in any spelling, then skips the same events the second time', () => {
    const first = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'import',
      fixture('outlook-windows-zones.ics'),
      '--calendar',
      'SATIŞ',
      '--json',
    );
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 4, skipped: 0, errors: [] });
    const again = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'import',
      fixture('outlook-windows-zones.ics'),
      '--calendar',
      'satis',
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe('«Satış» takvimine 0 etkinlik alındı, 4 atlandı (zaten vardı).');
  });

  it('reports every refused event of a hostile file with its reason, keeps the good ones, and exits 1', () => {
    const out = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'import',
      fixture('hostile.ics'),
      '--calendar',
      'Şüpheli',
      '--create',
      '--json',
    );
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as {
      imported: number;
      skipped: number;
      errors: { uid: string; reason: string }[];
    };
    expect(report.imported).toBe(5);
    expect(report.errors.map((e) => e.uid)).toEqual([
      'nul-1@test',
      'tz-1@test',
      'bad-date@test',
      'no-end@test',
      'secondly@test',
      'never@test',
      'backwards@test',
    ]);
    const text = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'import',
      fixture('hostile.ics'),
      '--calendar',
      'Şüpheli2',
      '--create',
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('«Şüpheli2» takvimine 5 etkinlik alındı, 0 atlandı (zaten vardı), 7 alınamadı:');
    expect(text.stdout).toContain(
      '  - «Mars saatiyle toplantı» [tz-1@test]: bilinmeyen saat dilimi "Mars/Olympus_Mons"',
    );
  });

  it('exports a calendar (optionally a date range) as iCalendar on stdout', () => {
    const out = kartotek(
      '--data',
      agendaDir,
      'agenda',
      'export',
      '--calendar',
      'Satış',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(out.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out.stdout).toContain('SUMMARY:Bütçe toplantısı');
    expect(out.stdout).not.toContain('Berlin ortaklık');
    const bad = kartotek('--data', agendaDir, 'agenda', 'export', '--calendar', 'Satış', '--from', '01.11.2026');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from bir tarih olmalı (YYYY-AA-GG)');
  });

  it('wants --calendar for import and export (usage error, exit 2)', () => {
    const out = kartotek('--data', agendaDir, 'agenda', 'import', fixture('hostile.ics'));
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('takvim adı gerekli: --calendar AD');
  });
});
