/**
 * Turkey's public holidays for a year (Law 2429 of 1981 as amended): the fixed national days and
 * the two religious feasts with their eve afternoons. The religious dates are computed from the
 * Umm al-Qura Hijri calendar that ICU ships (Intl, so the same in Node and in Chromium), then
 * moved to the Diyanet date in the few years where Turkey's own calendar differs.
 */

export type HolidayKind = 'official' | 'religious' | 'arife-half-day';

export interface Holiday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
  nameEn: string;
  kind: HolidayKind;
  /** Half days only: the holiday starts at this time (13:00 by law). */
  startsAt?: '13:00';
  /**
   * True for religious days after the last year checked against Diyanet's published calendar:
   * Umm al-Qura and Diyanet disagree by a day in roughly one year in five, so such a date may be off by one.
   */
  estimated: boolean;
}

/**
 * 1981: Law 2429 gives today's list (earlier years had other days, e.g. 27 May, 30 October).
 * 2077: the Umm al-Qura tables published by Saudi Arabia end with 1500 AH (November 2077); past them
 * ICU's dates are extrapolations, and past 1600 AH plain arithmetic.
 */
export const HOLIDAY_YEARS = { first: 1981, last: 2077 } as const;

/** Religious dates up to this year were compared with Diyanet's calendar (see DIYANET_DIFFERENCES). */
export const DIYANET_CHECKED_UNTIL = 2032;

export class HolidayYearError extends Error {
  constructor(readonly year: number) {
    super(
      `${year} yılı için tatiller hesaplanamaz: desteklenen aralık ${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last} ` +
        `(${HOLIDAY_YEARS.first}: 2429 sayılı Kanun, ${HOLIDAY_YEARS.last}: Ümmü'l-Kurâ takviminin sonu)`,
    );
  }
}

type Feast = 'ramazan' | 'kurban';

const FEASTS: Record<Feast, { month: number; day: number; length: number; tr: string; en: string }> = {
  // 1–3 Şevval
  ramazan: { month: 10, day: 1, length: 3, tr: 'Ramazan Bayramı', en: 'Eid al-Fitr' },
  // 10–13 Zilhicce
  kurban: { month: 12, day: 10, length: 4, tr: 'Kurban Bayramı', en: 'Eid al-Adha' },
};

/**
 * First days where Diyanet's calendar (Turkey) differs from Umm al-Qura (Saudi Arabia), 1981–2032.
 * They differ because the month's start is decided by different rules: Diyanet follows the 1978
 * Istanbul criteria (the new moon visible anywhere on Earth), Umm al-Qura asks whether the moon sets
 * after the sun at Mecca. Source: Diyanet's Hijri–Gregorian converter
 * (vakithesaplama.diyanet.gov.tr/hicriden_miladiye.php), as collected by the python-holidays project.
 * Keyed by the Umm al-Qura date, so a unit test proves each key is what Intl really computes.
 */
const DIYANET_DIFFERENCES: Readonly<Record<Feast, Readonly<Record<string, string>>>> = {
  ramazan: {
    '1989-05-07': '1989-05-06',
    '1992-04-05': '1992-04-04',
    '1993-03-25': '1993-03-24',
    '1994-03-14': '1994-03-13',
    '2007-10-13': '2007-10-12',
    '2008-10-01': '2008-09-30',
    '2010-09-10': '2010-09-09',
    '2016-07-06': '2016-07-05',
  },
  kurban: {
    '1982-09-28': '1982-09-27',
    '2005-01-21': '2005-01-20',
    '2012-10-26': '2012-10-25',
    '2015-09-23': '2015-09-24',
    '2016-09-11': '2016-09-12',
  },
};

/** The Diyanet corrections, for tests and for anyone asking why a date is not Umm al-Qura's. */
export const diyanetDifferences = (): { feast: Feast; umalqura: string; diyanet: string }[] =>
  (Object.keys(DIYANET_DIFFERENCES) as Feast[]).flatMap((feast) =>
    Object.entries(DIYANET_DIFFERENCES[feast]).map(([umalqura, diyanet]) => ({ feast, umalqura, diyanet })),
  );

const FIXED: { month: number; day: number; name: string; nameEn: string; since?: number }[] = [
  { month: 1, day: 1, name: 'Yılbaşı', nameEn: "New Year's Day" },
  { month: 4, day: 23, name: 'Ulusal Egemenlik ve Çocuk Bayramı', nameEn: "National Sovereignty and Children's Day" },
  // Restored by Law 5892 in 2009 (it was Bahar Bayramı until 1980).
  { month: 5, day: 1, name: 'Emek ve Dayanışma Günü', nameEn: 'Labour and Solidarity Day', since: 2009 },
  {
    month: 5,
    day: 19,
    name: "Atatürk'ü Anma, Gençlik ve Spor Bayramı",
    nameEn: 'Commemoration of Atatürk, Youth and Sports Day',
  },
  // Added by Law 7061 after 15 July 2016.
  {
    month: 7,
    day: 15,
    name: 'Demokrasi ve Millî Birlik Günü',
    nameEn: 'Democracy and National Unity Day',
    since: 2017,
  },
  { month: 8, day: 30, name: 'Zafer Bayramı', nameEn: 'Victory Day' },
  { month: 10, day: 29, name: 'Cumhuriyet Bayramı', nameEn: 'Republic Day' },
];

const DAY_MS = 86_400_000;
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const pad = (n: number): string => String(n).padStart(2, '0');

let hijriFormat: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura formatter, refusing to go on where ICU lacks the calendar (it would silently give Gregorian). */
function umalqura(): Intl.DateTimeFormat {
  if (hijriFormat) return hijriFormat;
  const format = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  if (format.resolvedOptions().calendar !== 'islamic-umalqura')
    throw new Error('Bu ortamda Hicri takvim (islamic-umalqura) yok: dini bayramlar hesaplanamaz');
  return (hijriFormat = format);
}

function hijriMonthDay(ms: number): { month: number; day: number } {
  let month = 0;
  let day = 0;
  for (const part of umalqura().formatToParts(new Date(ms))) {
    if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { month, day };
}

/** First days (Turkish calendar) of each feast whose eve or days touch `year`. */
function feastStarts(year: number): { feast: Feast; first: string }[] {
  const starts: { feast: Feast; first: string }[] = [];
  // A feast that began late in December (or whose eve is 31 December) still reaches into the year;
  // a day either side covers a Diyanet date one day off Umm al-Qura's.
  const from = Date.UTC(year - 1, 11, 20);
  const to = Date.UTC(year, 11, 31) + 2 * DAY_MS;
  for (let ms = from; ms <= to; ms += DAY_MS) {
    const { month, day } = hijriMonthDay(ms);
    for (const feast of Object.keys(FEASTS) as Feast[]) {
      if (FEASTS[feast].month !== month || FEASTS[feast].day !== day) continue;
      const ummAlQura = isoOf(ms);
      starts.push({ feast, first: DIYANET_DIFFERENCES[feast][ummAlQura] ?? ummAlQura });
    }
  }
  return starts;
}

function religiousDays(year: number): Holiday[] {
  const days: Holiday[] = [];
  for (const { feast, first } of feastStarts(year)) {
    const { length, tr, en } = FEASTS[feast];
    const estimated = Number(first.slice(0, 4)) > DIYANET_CHECKED_UNTIL;
    const start = msOf(first);
    days.push({
      date: isoOf(start - DAY_MS),
      name: `${tr} arifesi`,
      nameEn: `${en} eve`,
      kind: 'arife-half-day',
      startsAt: '13:00',
      estimated,
    });
    for (let i = 0; i < length; i++) {
      const date = isoOf(start + i * DAY_MS);
      days.push({ date, name: `${tr} ${i + 1}. gün`, nameEn: `${en} day ${i + 1}`, kind: 'religious', estimated });
    }
  }
  return days.filter((d) => d.date.startsWith(`${year}-`));
}

function officialDays(year: number): Holiday[] {
  const days: Holiday[] = FIXED.filter((f) => !f.since || year >= f.since).map((f) => ({
    date: `${year}-${pad(f.month)}-${pad(f.day)}`,
    name: f.name,
    nameEn: f.nameEn,
    kind: 'official' as const,
    estimated: false,
  }));
  days.push({
    date: `${year}-10-28`,
    name: 'Cumhuriyet Bayramı arifesi',
    nameEn: 'Republic Day eve',
    kind: 'arife-half-day',
    startsAt: '13:00',
    estimated: false,
  });
  return days;
}

const KIND_ORDER: Record<HolidayKind, number> = { official: 0, religious: 1, 'arife-half-day': 2 };

/** Every public holiday and half day of `year` in Turkey, sorted by date; HolidayYearError outside HOLIDAY_YEARS. */
export function turkishHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < HOLIDAY_YEARS.first || year > HOLIDAY_YEARS.last)
    throw new HolidayYearError(year);
  return [...officialDays(year), ...religiousDays(year)].sort(
    (a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}
