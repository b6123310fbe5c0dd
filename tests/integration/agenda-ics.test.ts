import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CallOutput } from '../../src-shared/contract';
import { importIcsText } from '../../src-main/services/agenda/ics-import';
import { actingStamp } from '../../src-main/core/context';
import { useTestApp } from './test-app';

const t = useTestApp();
const FIXTURES = path.join(__dirname, '../fixtures/ics');

async function calendar(name: string, kind: 'general' | 'room' = 'general') {
  return t.call('agenda.saveCalendar', { name, kind, color: '#1c7ed6' });
}

async function upload(bytes: Buffer, fileName = 'takvim.ics'): Promise<string> {
  return (await t.call('transfer.upload', { fileName, offset: 0, data: bytes.toString('base64') })).uploadId;
}

async function importFixture(file: string, calendarId: string) {
  const uploadId = await upload(fs.readFileSync(path.join(FIXTURES, file)), file);
  return t.call('agenda.importIcs', { uploadId, calendarId });
}

type Occurrence = CallOutput<'agenda.range'>['occurrences'][number];
const show = (o: Occurrence) => [o.title, o.start, o.end];

async function occurrences(calendarId: string, from = '2026-01-01T00:00:00+03:00', to = '2027-01-01T00:00:00+03:00') {
  const result = await t.call('agenda.range', { from, to, calendarIds: [calendarId] });
  expect(result.truncated).toBe(false);
  return result.occurrences;
}

/** A calendar file of the given VEVENT bodies (lines without BEGIN/END:VEVENT). */
function icsOf(...events: string[][]): string {
  const blocks = events.map((lines) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT']);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//TR', ...blocks.flat(), 'END:VCALENDAR', ''].join('\r\n');
}

async function importText(text: string, calendarId: string) {
  return t.call('agenda.importIcs', { uploadId: await upload(Buffer.from(text)), calendarId });
}

function eventCount(): number {
  return t.app().ctx.db.$client.prepare('select count(*) from events').pluck().get() as number;
}

describe('.ics import from the programs offices use', () => {
  it('reads Outlook: Windows zone names, a series with an exception and a moved instance, all-day, alarms', async () => {
    const cal = await calendar('Outlook');
    expect(await importFixture('outlook-windows-zones.ics', cal.id)).toEqual({ imported: 4, skipped: 0, errors: [] });
    const all = await occurrences(cal.id);
    // "W. Europe Standard Time" is Berlin: 09:00 there is 08:00Z in winter, 07:00Z from 29 March; 16 March dropped.
    expect(all.filter((o) => o.title.startsWith('Berlin')).map(show)).toEqual([
      ['Berlin ortaklık görüşmesi', '2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-03-09T08:00:00.000Z', '2026-03-09T09:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-03-23T08:00:00.000Z', '2026-03-23T09:00:00.000Z'],
      ['Berlin ortaklık görüşmesi (kaydırıldı)', '2026-03-30T09:00:00.000Z', '2026-03-30T10:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-04-06T07:00:00.000Z', '2026-04-06T08:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-04-13T07:00:00.000Z', '2026-04-13T08:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-04-20T07:00:00.000Z', '2026-04-20T08:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-04-27T07:00:00.000Z', '2026-04-27T08:00:00.000Z'],
      ['Berlin ortaklık görüşmesi', '2026-05-04T07:00:00.000Z', '2026-05-04T08:00:00.000Z'],
    ]);
    const budget = all.find((o) => o.title === 'Bütçe toplantısı')!;
    expect(show(budget)).toEqual(['Bütçe toplantısı', '2026-11-24T07:00:00.000Z', '2026-11-24T08:00:00.000Z']);
    const stored = await t.call('agenda.getEvent', { id: budget.eventId! });
    expect(stored).toMatchObject({
      timeZone: 'Europe/Istanbul',
      location: 'Genel Müdürlük, 3. kat',
      description: 'Gündem: 2027 bütçesi, yatırım planı ve personel. Lütfen son çeyrek rakamlarını getirin.',
      remindMinutes: 15,
      uid: '040000008200E00074C5B7101A82E00800000000B0A1C2D3E4F5000000000000000010000000AA',
    });
    const series = await t.call('agenda.getEvent', { id: all[0]!.eventId! });
    expect(series).toMatchObject({ timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=MO' });
    expect(all.find((o) => o.allDay)).toMatchObject({
      title: 'Cumhuriyet Bayramı - ofis kapalı',
      start: '2026-10-29',
      end: '2026-10-30',
    });
  });

  it('reads Google: Europe/Istanbul, UNTIL in UTC, a cancelled and a moved instance, multi-day and UTC events', async () => {
    const cal = await calendar('Google');
    expect(await importFixture('google-istanbul.ics', cal.id)).toEqual({ imported: 4, skipped: 0, errors: [] });
    const all = await occurrences(cal.id);
    expect(all.map(show)).toEqual([
      ['Satış ekibi haftalık', '2026-11-02T06:30:00.000Z', '2026-11-02T07:00:00.000Z'],
      ['Satış ekibi haftalık', '2026-11-04T06:30:00.000Z', '2026-11-04T07:00:00.000Z'],
      ['Satış ekibi haftalık', '2026-11-09T06:30:00.000Z', '2026-11-09T07:00:00.000Z'],
      // 11 November was cancelled, 18 November moved to the afternoon.
      ['Satış ekibi haftalık', '2026-11-16T06:30:00.000Z', '2026-11-16T07:00:00.000Z'],
      ['Satış ekibi haftalık (öğleden sonra)', '2026-11-18T11:00:00.000Z', '2026-11-18T11:30:00.000Z'],
      ['Satış ekibi haftalık', '2026-11-23T06:30:00.000Z', '2026-11-23T07:00:00.000Z'],
      ['Satış ekibi haftalık', '2026-11-25T06:30:00.000Z', '2026-11-25T07:00:00.000Z'],
      ['Satış ekibi haftalık', '2026-11-30T06:30:00.000Z', '2026-11-30T07:00:00.000Z'],
      ['Müşteri ziyareti: Çağrı Işıkoğlu', '2026-12-03T12:00:00.000Z', '2026-12-03T13:00:00.000Z'],
      ['İzmir fuarı', '2026-12-07', '2026-12-10'],
    ]);
    const series = await t.call('agenda.getEvent', { id: all[0]!.eventId! });
    expect(series.exdates).toEqual(['2026-11-11T06:30:00.000Z']);
    const hits = await t.call('search.query', { q: 'cagri isikoglu', types: ['event'] });
    expect(hits.groups.flatMap((g) => g.hits.map((h) => h.title))).toEqual(['Müşteri ziyareti: Çağrı Işıkoğlu']);
  });

  it('reads Apple: VTIMEZONE blocks, a custom zone name matched by its rules, a New York series across DST', async () => {
    const cal = await calendar('Apple');
    expect(await importFixture('apple-vtimezone.ics', cal.id)).toEqual({ imported: 3, skipped: 0, errors: [] });
    const all = await occurrences(cal.id);
    expect(all.map(show)).toEqual([
      // 10:00 in New York: EST (15:00Z), then EDT from 8 March (14:00Z).
      ['New York ofisiyle görüşme', '2026-03-03T15:00:00.000Z', '2026-03-03T16:00:00.000Z'],
      ['New York ofisiyle görüşme', '2026-03-10T14:00:00.000Z', '2026-03-10T15:00:00.000Z'],
      ['New York ofisiyle görüşme', '2026-03-17T14:00:00.000Z', '2026-03-17T15:00:00.000Z'],
      ['Ulusal Egemenlik ve Çocuk Bayramı etkinliği', '2026-04-23', '2026-04-24'],
      // "Orta Avrupa Saati" is defined only by its VTIMEZONE: Central European rules, summer time in July.
      ['Münih tedarikçi ziyareti', '2026-07-15T08:00:00.000Z', '2026-07-15T09:30:00.000Z'],
    ]);
    const munich = await t.call('agenda.getEvent', { id: all[4]!.eventId! });
    expect(munich.timeZone).toBe('Europe/Berlin');
  });

  it('imports again what went to the recycle bin; a changed instance counts as there only with its series', async () => {
    const cal = await calendar('Outlook');
    await importFixture('outlook-windows-zones.ics', cal.id);
    const berlin = (await occurrences(cal.id)).find((o) => o.title === 'Berlin ortaklık görüşmesi')!;
    const budget = (await occurrences(cal.id)).find((o) => o.title === 'Bütçe toplantısı')!;
    // The series goes to the bin (its moved instance row stays, unbinned, under it); the single event too.
    await t.call('agenda.deleteEvent', { id: berlin.eventId! });
    await t.call('agenda.deleteEvent', { id: budget.eventId! });
    // Both come back from the file: series with its moved instance (2) and the budget meeting; the rest is here.
    expect(await importFixture('outlook-windows-zones.ics', cal.id)).toEqual({ imported: 3, skipped: 1, errors: [] });
    const titles = (await occurrences(cal.id)).map((o) => o.title);
    expect(titles.filter((x) => x.startsWith('Berlin'))).toHaveLength(9);
    expect(titles.filter((x) => x === 'Bütçe toplantısı')).toHaveLength(1);
  });

  it('skips what it already has on a second import of the same file', async () => {
    const cal = await calendar('Outlook');
    await importFixture('outlook-windows-zones.ics', cal.id);
    const before = eventCount();
    expect(await importFixture('outlook-windows-zones.ics', cal.id)).toEqual({ imported: 0, skipped: 4, errors: [] });
    expect(eventCount()).toBe(before);
    // Another calendar is another place: the same file goes in there too.
    const other = await calendar('Yedek');
    expect((await importFixture('outlook-windows-zones.ics', other.id)).imported).toBe(4);
  });
});

describe('hostile and broken files', () => {
  it('reports each bad event with its reason and imports the rest, nothing half-written', async () => {
    const cal = await calendar('Şüpheli');
    const started = performance.now();
    const report = await importFixture('hostile.ics', cal.id);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.imported).toBe(5);
    expect(report.skipped).toBe(0);
    expect(report.errors.map((e) => [e.uid, e.reason])).toEqual([
      ['nul-1@test', 'NUL baytı içeriyor (bozuk ya da değiştirilmiş dosya); alınmadı'],
      ['tz-1@test', 'bilinmeyen saat dilimi "Mars/Olympus_Mons" (dosyada tanımı da yok)'],
      ['bad-date@test', expect.stringMatching(/^DTSTART okunamadı/)],
      ['no-end@test', expect.stringMatching(/etkinlik bozuk: END:VEVENT satırı eksik$/)],
      ['secondly@test', 'Saniyelik ya da dakikalık tekrar desteklenmiyor; en sık saatlik tekrar seçilebilir.'],
      ['never@test', 'Tekrar kuralı hiçbir tarihe denk gelmiyor (ör. 31 Şubat).'],
      ['backwards@test', 'Bitiş başlangıçtan sonra olmalı.'],
    ]);
    expect(report.errors.find((e) => e.uid === 'tz-1@test')?.summary).toBe('Mars saatiyle toplantı');
    expect(eventCount()).toBe(5);

    // The endless series (and the one with a billion instances) are expanded for the asked week only.
    const week = await occurrences(cal.id, '2031-03-03T00:00:00+03:00', '2031-03-10T00:00:00+03:00');
    expect(week.filter((o) => o.title === 'Sonsuz günlük toplantı')).toHaveLength(7);
    expect(week.filter((o) => o.title === 'Milyarlarca tekrar')).toHaveLength(7);
    const december = await occurrences(cal.id, '2026-12-01T00:00:00+03:00', '2026-12-31T00:00:00+03:00');
    expect(december.filter((o) => !o.recurring).map((o) => o.title)).toEqual([
      'Geçerli etkinlik',
      'Katlaması bozuk açıklama',
      'Bozuk etkinlikten sonraki',
    ]);
    // The line that lost its fold is joined back to the description it belongs to.
    const folded = december.find((o) => o.title === 'Katlaması bozuk açıklama')!;
    expect((await t.call('agenda.getEvent', { id: folded.eventId! })).description).toBe(
      'Birinci satır veikinci satır aynı açıklamanın parçası',
    );
  });

  it('stops at its time limit and reports what is left, so a heavy file cannot hold the database for long', async () => {
    const cal = await calendar('Ağır');
    const text = fs.readFileSync(path.join(FIXTURES, 'google-istanbul.ics'), 'utf8');
    const report = importIcsText(t.app().ctx.db, actingStamp(t.app().ctx), cal.id, text, 0);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => e.summary)).toEqual([
      'Satış ekibi haftalık',
      'İzmir fuarı',
      'Müşteri ziyareti: Çağrı Işıkoğlu',
    ]);
    expect(report.errors[0]!.reason).toBe(
      'içe aktarma 0 saniyelik süre sınırını aştı; bu etkinlik alınmadı (dosyayı bölün)',
    );
    expect(eventCount()).toBe(0);
  });

  it('refuses impossible yearly rules, without blaming an UNTIL the rule does not have', async () => {
    const cal = await calendar('Ağır kurallar');
    // The first Monday of April never falls on the 15th–21st: ical.js alone searches for it year after year.
    const never = 'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21';
    const text = icsOf(
      ...Array.from({ length: 10 }, (_, i) => [
        `UID:never-${i}@test`,
        `SUMMARY:Olmayan ${i}`,
        'DTSTART:20260105T070000Z',
        'DTEND:20260105T080000Z',
        never,
      ]),
    );
    // Each used to cost ical.js half a second or more (searching to year 20000); none may reach the time limit.
    const report = importIcsText(t.app().ctx.db, actingStamp(t.app().ctx), cal.id, text);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => e.reason)).toEqual(Array(10).fill('Tekrar kuralı hiçbir tarihe denk gelmiyor.'));
  });

  it('reports a series with more than 1000 exceptions, and a changed instance that names no instance', async () => {
    const cal = await calendar('Sınırlar');
    const exdates = Array.from({ length: 1001 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 5 + i)).toISOString().slice(0, 10).replaceAll('-', '');
      return `EXDATE:${day}T070000Z`;
    });
    const text = icsOf(
      [
        'UID:many@test',
        'SUMMARY:Çok istisna',
        'DTSTART:20260105T070000Z',
        'DTEND:20260105T080000Z',
        'RRULE:FREQ=DAILY',
      ].concat(exdates),
      [
        'UID:weekly@test',
        'SUMMARY:Haftalık',
        'DTSTART:20260105T070000Z',
        'DTEND:20260105T080000Z',
        'RRULE:FREQ=WEEKLY',
      ],
      // Monday 12 January is an instance; Tuesday 13 January is not (the series meets on Mondays).
      [
        'UID:weekly@test',
        'SUMMARY:Haftalık (kaydı)',
        'RECURRENCE-ID:20260112T070000Z',
        'DTSTART:20260112T090000Z',
        'DTEND:20260112T100000Z',
      ],
      [
        'UID:weekly@test',
        'SUMMARY:Haftalık (yanlış)',
        'RECURRENCE-ID:20260113T070000Z',
        'DTSTART:20260113T090000Z',
        'DTEND:20260113T100000Z',
      ],
    );
    const report = await importText(text, cal.id);
    expect(report.imported).toBe(2);
    expect(report.errors).toEqual([
      {
        uid: 'many@test',
        summary: 'Çok istisna',
        reason: 'Bir seride en çok 1000 istisna tarihi (silinmiş tekrar) olabilir; 1001 var.',
      },
      {
        uid: 'weekly@test',
        summary: 'Haftalık (yanlış)',
        reason: 'RECURRENCE-ID 2026-01-13T07:00:00.000Z serinin tekrarlarından biri değil; bu değişiklik alınmadı',
      },
    ]);
    const january = await occurrences(cal.id, '2026-01-12T00:00:00+03:00', '2026-01-14T00:00:00+03:00');
    expect(january.map(show)).toEqual([['Haftalık (kaydı)', '2026-01-12T09:00:00.000Z', '2026-01-12T10:00:00.000Z']]);
  });

  it('refuses a file that is not iCalendar at all, and writes nothing', async () => {
    const cal = await calendar('Boş');
    const uploadId = await upload(Buffer.from('Ad;Soyad\nAyşe;Yılmaz\n'), 'kisiler.csv');
    const error = await t.callError('agenda.importIcs', { uploadId, calendarId: cal.id });
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Dosya bir iCalendar (.ics) dosyası değil: BEGIN:VCALENDAR ile başlamıyor.',
    });
    expect(eventCount()).toBe(0);
  });

  it('refuses a series begun years ago whose later instances meet a booking', async () => {
    const room = await calendar('Toplantı Odası 1', 'room');
    await t.call('agenda.saveEvent', {
      calendarId: room.id,
      title: 'Bütçe',
      startsAt: '2026-11-24T10:00:00+03:00',
      endsAt: '2026-11-24T11:00:00+03:00',
    });
    const text = icsOf([
      'UID:old-weekly@test',
      'SUMMARY:Eski haftalık',
      'DTSTART;TZID=Europe/Istanbul:20240102T100000',
      'DTEND;TZID=Europe/Istanbul:20240102T110000',
      'RRULE:FREQ=WEEKLY;BYDAY=TU',
    ]);
    expect((await importText(text, room.id)).errors).toEqual([
      {
        uid: 'old-weekly@test',
        summary: 'Eski haftalık',
        reason: '«Toplantı Odası 1» 24.11.2026 10:00–11:00 arasında dolu: «Bütçe» (Yönetici)',
      },
    ]);
  });

  it('reports resource conflicts per event and imports the others', async () => {
    const room = await calendar('Toplantı Odası 1', 'room');
    await t.call('agenda.saveEvent', {
      calendarId: room.id,
      title: 'Yönetim toplantısı',
      startsAt: '2026-11-24T10:30:00+03:00',
      endsAt: '2026-11-24T12:00:00+03:00',
    });
    const report = await importFixture('outlook-windows-zones.ics', room.id);
    expect(report.imported).toBe(3);
    expect(report.errors).toEqual([
      {
        uid: '040000008200E00074C5B7101A82E00800000000B0A1C2D3E4F5000000000000000010000000AA',
        summary: 'Bütçe toplantısı',
        reason: '«Toplantı Odası 1» 24.11.2026 10:30–12:00 arasında dolu: «Yönetim toplantısı» (Yönetici)',
      },
    ]);
  });
});

describe('.ics export', () => {
  it('names an instance changed to all-day by its series’ time, and reads back without a duplicate', async () => {
    const source = await calendar('Kaynak');
    const weekly = await t.call('agenda.saveEvent', {
      calendarId: source.id,
      title: 'Haftalık',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsAt: '2026-11-03T10:00',
      endsAt: '2026-11-03T11:00',
      timeZone: 'Europe/Berlin',
    });
    await t.call('agenda.saveEvent', {
      id: weekly.id,
      calendarId: source.id,
      title: 'Haftalık (tüm gün)',
      allDay: true,
      startsAt: '2026-11-10',
      endsAt: '2026-11-10',
      occurrenceStart: '2026-11-10T10:00',
    });
    const { ics } = await t.call('agenda.exportIcs', { calendarIds: [source.id] });
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20261110T100000');
    expect(ics).not.toContain('NaN');
    const copy = await calendar('Kopya');
    expect(await importText(ics, copy.id)).toEqual({ imported: 2, skipped: 0, errors: [] });
    const week = (id: string) =>
      occurrences(id, '2026-11-09T00:00:00+03:00', '2026-11-12T00:00:00+03:00').then((all) =>
        all.map((o) => [o.title, o.start, o.allDay]),
      );
    expect(await week(copy.id)).toEqual([['Haftalık (tüm gün)', '2026-11-10', true]]);
    expect(await week(copy.id)).toEqual(await week(source.id));
  });

  it('writes valid iCalendar that reads back to the same agenda (round trip)', async () => {
    const source = await calendar('Kaynak');
    await importFixture('outlook-windows-zones.ics', source.id);
    await importFixture('google-istanbul.ics', source.id);
    await importFixture('apple-vtimezone.ics', source.id);
    const { fileName, ics } = await t.call('agenda.exportIcs', { calendarIds: [source.id] });
    expect(fileName).toBe('kaynak.ics');
    // Valid for another reader: ical.js parses it, with a VTIMEZONE for every zone used.
    const parsed = new ICAL.Component(ICAL.parse(ics));
    const zones = parsed.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(['America/New_York', 'Europe/Berlin', 'Europe/Istanbul']);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO');
    expect(ics).toContain('EXDATE;TZID=Europe/Berlin:20260316T090000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000');
    expect(ics).toContain('EXDATE;TZID=Europe/Istanbul:20261111T093000');
    expect(ics.split('\r\n').every((line) => line.length <= 200)).toBe(true);

    const copy = await calendar('Kopya');
    const uploadId = await upload(Buffer.from(ics), fileName);
    expect(await t.call('agenda.importIcs', { uploadId, calendarId: copy.id })).toEqual({
      imported: 11,
      skipped: 0,
      errors: [],
    });
    const original = (await occurrences(source.id)).map((o) => [...show(o), o.allDay, o.recurring]);
    expect((await occurrences(copy.id)).map((o) => [...show(o), o.allDay, o.recurring])).toEqual(original);
    const budget = (await occurrences(copy.id)).find((o) => o.title === 'Bütçe toplantısı')!;
    expect((await t.call('agenda.getEvent', { id: budget.eventId! })).remindMinutes).toBe(15);
  });

  it('exports a date range or chosen events; a changed instance goes out with its series', async () => {
    const source = await calendar('Kaynak');
    await importFixture('outlook-windows-zones.ics', source.id);
    const november = await t.call('agenda.exportIcs', {
      calendarIds: [source.id],
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const summaries = (ics: string) =>
      new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries(november.ics)).toEqual(['Bütçe toplantısı']);
    const moved = (await occurrences(source.id)).find((o) => o.title.endsWith('(kaydırıldı)'))!;
    const chosen = await t.call('agenda.exportIcs', { eventIds: [moved.eventId!] });
    expect(summaries(chosen.ics)).toEqual(['Berlin ortaklık görüşmesi', 'Berlin ortaklık görüşmesi (kaydırıldı)']);
  });
});
