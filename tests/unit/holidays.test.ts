import { describe, expect, it } from 'vitest';
import {
  DIYANET_CHECKED_UNTIL,
  diyanetDifferences,
  HOLIDAY_YEARS,
  HolidayYearError,
  turkishHolidays,
  type Holiday,
} from '../../src-shared/domain/holidays';

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const religious = (year: number) =>
  turkishHolidays(year)
    .filter((h) => h.kind !== 'official' && !h.name.startsWith('Cumhuriyet'))
    .map((h) => `${h.date} ${h.name}`);

/** A feast as Turkey observes it: the eve afternoon and then 3 (Ramazan) or 4 (Kurban) days. */
function feast(name: 'Ramazan Bayramı' | 'Kurban Bayramı', first: string): string[] {
  const days = name === 'Ramazan Bayramı' ? 3 : 4;
  return [
    `${shift(first, -1)} ${name} arifesi`,
    ...Array.from({ length: days }, (_, i) => `${shift(first, i)} ${name} ${i + 1}. gün`),
  ];
}

// First days as published by Diyanet / the Official Gazette (2007 is below: 2006's Kurban Bayramı spills into it).
const PUBLISHED: Record<number, { ramazan: string; kurban: string }> = {
  2008: { ramazan: '2008-09-30', kurban: '2008-12-08' },
  2010: { ramazan: '2010-09-09', kurban: '2010-11-16' },
  2012: { ramazan: '2012-08-19', kurban: '2012-10-25' },
  2015: { ramazan: '2015-07-17', kurban: '2015-09-24' },
  2016: { ramazan: '2016-07-05', kurban: '2016-09-12' },
  2017: { ramazan: '2017-06-25', kurban: '2017-09-01' },
  2018: { ramazan: '2018-06-15', kurban: '2018-08-21' },
  2019: { ramazan: '2019-06-04', kurban: '2019-08-11' },
  2020: { ramazan: '2020-05-24', kurban: '2020-07-31' },
  2021: { ramazan: '2021-05-13', kurban: '2021-07-20' },
  2022: { ramazan: '2022-05-02', kurban: '2022-07-09' },
  2023: { ramazan: '2023-04-21', kurban: '2023-06-28' },
  2024: { ramazan: '2024-04-10', kurban: '2024-06-16' },
  2025: { ramazan: '2025-03-30', kurban: '2025-06-06' },
  2026: { ramazan: '2026-03-20', kurban: '2026-05-27' },
};

describe('religious holidays against the dates Turkey published', () => {
  it.each(Object.entries(PUBLISHED))('%s: exactly the published feasts, eves included, and nothing else', (y, p) => {
    const expected = [...feast('Ramazan Bayramı', p.ramazan), ...feast('Kurban Bayramı', p.kurban)].sort();
    expect(religious(Number(y))).toEqual(expected);
  });

  it('names each day in Turkish and English, and marks the kind', () => {
    const days = turkishHolidays(2025).filter((h) => h.date >= '2025-06-05' && h.date <= '2025-06-09');
    expect(days).toEqual([
      expect.objectContaining({ date: '2025-06-05', name: 'Kurban Bayramı arifesi', nameEn: 'Eid al-Adha eve' }),
      {
        date: '2025-06-06',
        name: 'Kurban Bayramı 1. gün',
        nameEn: 'Eid al-Adha day 1',
        kind: 'religious',
        estimated: false,
      },
      expect.objectContaining({ date: '2025-06-07', name: 'Kurban Bayramı 2. gün', kind: 'religious' }),
      expect.objectContaining({ date: '2025-06-08', name: 'Kurban Bayramı 3. gün', kind: 'religious' }),
      expect.objectContaining({ date: '2025-06-09', name: 'Kurban Bayramı 4. gün', nameEn: 'Eid al-Adha day 4' }),
    ]);
    expect(turkishHolidays(2024).find((h) => h.date === '2024-04-10')).toMatchObject({
      name: 'Ramazan Bayramı 1. gün',
      nameEn: 'Eid al-Fitr day 1',
    });
  });
});

describe('where Diyanet and Umm al-Qura disagree', () => {
  const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    month: 'numeric',
    day: 'numeric',
  });
  const hijri = (iso: string) => umalqura.format(new Date(`${iso}T00:00:00Z`));

  it('each correction starts from the date Intl really gives and moves it by exactly one day', () => {
    const list = diyanetDifferences();
    expect(list.length).toBeGreaterThan(10);
    for (const { feast: f, umalqura: u, diyanet: d } of list) {
      expect(hijri(u), `${f} ${u}`).toBe(f === 'ramazan' ? '10/1' : '12/10');
      expect(Math.abs(Date.parse(d) - Date.parse(u)), `${f} ${u} → ${d}`).toBe(DAY_MS);
    }
  });

  it('2016: Turkey held both feasts a day apart from Saudi Arabia, and the list follows Turkey', () => {
    expect(hijri('2016-07-06')).toBe('10/1');
    expect(hijri('2016-09-11')).toBe('12/10');
    const days = religious(2016);
    expect(days).toContain('2016-07-05 Ramazan Bayramı 1. gün');
    expect(days).toContain('2016-09-12 Kurban Bayramı 1. gün');
    expect(days).not.toContain('2016-09-11 Kurban Bayramı 1. gün');
  });

  it('2007: Ramazan Bayramı on 12 October as in Turkey, not 13 October as in Umm al-Qura', () => {
    expect(hijri('2007-10-13')).toBe('10/1');
    expect(religious(2007)).toEqual(
      expect.arrayContaining([...feast('Ramazan Bayramı', '2007-10-12'), ...feast('Kurban Bayramı', '2007-12-20')]),
    );
    expect(religious(2007)).not.toContain('2007-10-13 Ramazan Bayramı 1. gün');
  });
});

describe('official holidays', () => {
  it('lists the fixed days of 2025 with the 28 October afternoon', () => {
    const official = turkishHolidays(2025).filter((h) => !h.name.match(/Ramazan|Kurban/));
    expect(official.map((h) => [h.date, h.name, h.kind])).toEqual([
      ['2025-01-01', 'Yılbaşı', 'official'],
      ['2025-04-23', 'Ulusal Egemenlik ve Çocuk Bayramı', 'official'],
      ['2025-05-01', 'Emek ve Dayanışma Günü', 'official'],
      ['2025-05-19', "Atatürk'ü Anma, Gençlik ve Spor Bayramı", 'official'],
      ['2025-07-15', 'Demokrasi ve Millî Birlik Günü', 'official'],
      ['2025-08-30', 'Zafer Bayramı', 'official'],
      ['2025-10-28', 'Cumhuriyet Bayramı arifesi', 'arife-half-day'],
      ['2025-10-29', 'Cumhuriyet Bayramı', 'official'],
    ]);
    expect(official.every((h) => h.nameEn.length > 0 && !h.estimated)).toBe(true);
  });

  it('has 15 Temmuz only from 2017 and 1 Mayıs only from 2009', () => {
    const dates = (y: number) => turkishHolidays(y).map((h) => h.date);
    expect(dates(2016)).not.toContain('2016-07-15');
    expect(dates(2017)).toContain('2017-07-15');
    expect(dates(2008)).not.toContain('2008-05-01');
    expect(dates(2009)).toContain('2009-05-01');
  });
});

describe('arife half days', () => {
  it('are the afternoons before each feast and before Cumhuriyet Bayramı, from 13:00', () => {
    const halves = turkishHolidays(2024).filter((h) => h.kind === 'arife-half-day');
    expect(halves.map((h) => [h.date, h.name, h.startsAt])).toEqual([
      ['2024-04-09', 'Ramazan Bayramı arifesi', '13:00'],
      ['2024-06-15', 'Kurban Bayramı arifesi', '13:00'],
      ['2024-10-28', 'Cumhuriyet Bayramı arifesi', '13:00'],
    ]);
    expect(
      turkishHolidays(2024)
        .filter((h) => h.startsAt)
        .every((h) => h.kind === 'arife-half-day'),
    ).toBe(true);
  });
});

describe('across year ends', () => {
  it('2000 has two Ramazan Bayramları, each with its eve', () => {
    const firsts = religious(2000).filter((d) => d.endsWith('Ramazan Bayramı 1. gün'));
    expect(firsts).toEqual(['2000-01-08 Ramazan Bayramı 1. gün', '2000-12-27 Ramazan Bayramı 1. gün']);
    expect(religious(2000)).toContain('2000-01-07 Ramazan Bayramı arifesi');
  });

  it('Kurban Bayramı of 31 December 2006 goes on into 2007', () => {
    expect(religious(2006).slice(-2)).toEqual([
      '2006-12-30 Kurban Bayramı arifesi',
      '2006-12-31 Kurban Bayramı 1. gün',
    ]);
    const jan2007 = turkishHolidays(2007).filter((h) => h.date <= '2007-01-03');
    expect(jan2007.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2007-01-01 Yılbaşı',
      '2007-01-01 Kurban Bayramı 2. gün',
      '2007-01-02 Kurban Bayramı 3. gün',
      '2007-01-03 Kurban Bayramı 4. gün',
    ]);
  });

  it('every feast in the supported range is whole and appears once, whatever year it straddles', () => {
    const all: Holiday[] = [];
    for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y++) all.push(...turkishHolidays(y));
    const seen = new Set(all.map((h) => `${h.date} ${h.name}`));
    expect(seen.size).toBe(all.length);
    for (const h of all) {
      const m = /^(Ramazan|Kurban) Bayramı (\d)\. gün$/.exec(h.name);
      if (!m || h.date.startsWith(`${HOLIDAY_YEARS.first}-01`)) continue;
      const before = Number(m[2]) === 1 ? `${m[1]} Bayramı arifesi` : `${m[1]} Bayramı ${Number(m[2]) - 1}. gün`;
      expect(seen.has(`${shift(h.date, -1)} ${before}`), `${h.date} ${h.name}`).toBe(true);
    }
  });
});

describe('the list itself', () => {
  it('is sorted by date, every date a YYYY-MM-DD inside the year', () => {
    for (const year of [1981, 2006, 2024, 2077]) {
      const dates = turkishHolidays(year).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => new RegExp(`^${year}-\\d{2}-\\d{2}$`).test(d))).toBe(true);
    }
  });

  it('marks religious days estimated only after the years checked against Diyanet', () => {
    const estimated = (y: number) => [...new Set(turkishHolidays(y).map((h) => `${h.kind}:${h.estimated}`))].sort();
    expect(estimated(DIYANET_CHECKED_UNTIL)).toEqual(['arife-half-day:false', 'official:false', 'religious:false']);
    expect(estimated(DIYANET_CHECKED_UNTIL + 1)).toEqual([
      'arife-half-day:false',
      'arife-half-day:true',
      'official:false',
      'religious:true',
    ]);
  });
});

describe('years outside the supported range', () => {
  it.each([1980, 2078, 1900, 2024.5, Number.NaN])('refuses %s with the year and the range named', (year) => {
    expect(() => turkishHolidays(year)).toThrow(HolidayYearError);
    expect(() => turkishHolidays(year)).toThrow(
      `${year} yılı için tatiller hesaplanamaz: desteklenen aralık 1981–2077`,
    );
  });
});
