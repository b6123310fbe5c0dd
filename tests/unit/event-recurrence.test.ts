import { describe, expect, it } from 'vitest';
import {
  checkSeries,
  expandSeries,
  instanceKey,
  isInstanceOf,
  MAX_ITERATIONS,
  RecurrenceError,
  rekey,
  type SeriesSpec,
} from '../../src-main/services/agenda/event-recurrence';

const ms = (iso: string) => Date.parse(iso);
const starts = (spec: SeriesSpec, from: string, to: string) =>
  expandSeries(spec, ms(from), ms(to)).instances.map((i) => i.start);

/** A weekly Monday meeting, 10:00–11:00 on the wall clock of `timeZone`, first on Monday 2 March 2026. */
function mondays(timeZone: string, startsAt: string, endsAt: string, rrule = 'FREQ=WEEKLY;BYDAY=MO'): SeriesSpec {
  return { allDay: false, startsAt, endsAt, timeZone, rrule };
}

describe('series expanded in their own time zone', () => {
  // Berlin: 10:00 CET is 09:00Z until 29 March 2026, 10:00 CEST is 08:00Z until 25 October, then 09:00Z again.
  const berlin = mondays('Europe/Berlin', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z');

  it('keeps 10:00 in Berlin across the March change (the UTC time moves an hour)', () => {
    expect(starts(berlin, '2026-03-16T00:00Z', '2026-04-07T00:00Z')).toEqual([
      '2026-03-16T09:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ]);
  });

  it('keeps 10:00 in Berlin across the October change, and each instance lasts one hour', () => {
    const { instances } = expandSeries(berlin, ms('2026-10-19T00:00Z'), ms('2026-11-03T00:00Z'));
    expect(instances.map((i) => [i.start, i.end])).toEqual([
      ['2026-10-19T08:00:00.000Z', '2026-10-19T09:00:00.000Z'],
      ['2026-10-26T09:00:00.000Z', '2026-10-26T10:00:00.000Z'],
      ['2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z'],
    ]);
  });

  it('follows New York’s own dates (second Sunday of March, first of November), not Europe’s', () => {
    // 10:00 EST is 15:00Z; EDT (from 8 March 2026) 14:00Z; back to EST on 1 November.
    const newYork = mondays('America/New_York', '2026-03-02T15:00:00.000Z', '2026-03-02T16:00:00.000Z');
    expect(starts(newYork, '2026-03-02T00:00Z', '2026-03-17T00:00Z')).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-16T14:00:00.000Z',
    ]);
    expect(starts(newYork, '2026-10-26T00:00Z', '2026-11-10T00:00Z')).toEqual([
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
      '2026-11-09T15:00:00.000Z',
    ]);
  });

  it('keeps Istanbul at +03:00 all year (no DST since 2016)', () => {
    const istanbul = mondays('Europe/Istanbul', '2026-03-02T07:00:00.000Z', '2026-03-02T08:00:00.000Z');
    const all = starts(istanbul, '2026-01-01T00:00Z', '2027-01-01T00:00Z');
    expect(all.every((s) => s.endsWith('T07:00:00.000Z'))).toBe(true);
    expect(all).toHaveLength(44);
  });
});

describe('exceptions', () => {
  const berlin = mondays('Europe/Berlin', '2026-03-02T09:00:00.000Z', '2026-03-02T10:00:00.000Z');

  it('leaves out exdates and changed instances (by their original start)', () => {
    const spec = { ...berlin, skip: new Set(['2026-03-30T08:00:00.000Z', '2026-03-16T09:00:00.000Z']) };
    expect(starts(spec, '2026-03-09T00:00Z', '2026-04-07T00:00Z')).toEqual([
      '2026-03-09T09:00:00.000Z',
      '2026-03-23T09:00:00.000Z',
      '2026-04-06T08:00:00.000Z',
    ]);
  });

  it('reads an exception the way people and files write it: offset, wall clock, or a bare date', () => {
    expect(instanceKey(berlin, '2026-03-30T10:00:00+02:00')).toBe('2026-03-30T08:00:00.000Z');
    expect(instanceKey(berlin, '2026-03-30T10:00')).toBe('2026-03-30T08:00:00.000Z');
    // EXDATE;VALUE=DATE on a timed series means that day's instance.
    expect(instanceKey(berlin, '2026-03-30')).toBe('2026-03-30T08:00:00.000Z');
    expect(instanceKey(berlin, 'next monday')).toBeNull();
    expect(isInstanceOf(berlin, '2026-03-30T08:00:00.000Z')).toBe(true);
    // 10:00 in Berlin is 08:00Z in summer: 09:00Z on that day is no instance.
    expect(isInstanceOf(berlin, '2026-03-30T09:00:00.000Z')).toBe(false);
  });

  it('moves exceptions with the series when its time of day changes, keeping their dates', () => {
    const later = { ...berlin, startsAt: '2026-03-02T10:00:00.000Z', endsAt: '2026-03-02T11:00:00.000Z' };
    expect(rekey('2026-03-30T08:00:00.000Z', berlin, later)).toBe('2026-03-30T09:00:00.000Z');
    expect(rekey('2026-03-30T08:00:00.000Z', berlin, { ...later, allDay: true, startsAt: '2026-03-02' })).toBe(
      '2026-03-30',
    );
  });
});

describe('ends: COUNT and UNTIL', () => {
  const istanbul = mondays('Europe/Istanbul', '2026-03-02T07:00:00.000Z', '2026-03-02T08:00:00.000Z');

  it('stops after COUNT instances, and the series ends with the last one', () => {
    const spec = { ...istanbul, rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' };
    expect(starts(spec, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-09T07:00:00.000Z',
      '2026-03-16T07:00:00.000Z',
    ]);
    expect(checkSeries(spec).seriesEndsAt).toBe('2026-03-16T08:00:00.000Z');
  });

  it('reads UNTIL as a date, a wall-clock time or UTC, and stores it in UTC as RFC 5545 asks', () => {
    const byDate = checkSeries({ ...istanbul, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316' });
    expect(byDate).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T205959Z',
      seriesEndsAt: '2026-03-16T08:00:00.000Z',
    });
    // Until 09:59 UTC on the 16th: the 16th (07:00Z) is still in.
    const byUtc = { ...istanbul, rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260316T065959Z' };
    expect(starts(byUtc, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toHaveLength(2);
  });

  it('counts whole days for all-day series, in the series’ zone', () => {
    const spec: SeriesSpec = {
      allDay: true,
      startsAt: '2026-01-31',
      endsAt: '2026-02-01',
      timeZone: 'Europe/Istanbul',
      rrule: 'FREQ=MONTHLY;UNTIL=20260701',
    };
    // The 31st: only the months that have one (RFC 5545 skips the others).
    expect(expandSeries(spec, 0, ms('2027-01-01T00:00Z')).instances.map((i) => i.start)).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
    expect(checkSeries(spec).seriesEndsAt).toBe('2026-05-31T21:00:00.000Z');
  });

  it('puts a yearly 29 February only on leap years', () => {
    const spec = mondays('Europe/Istanbul', '2024-02-29T07:00:00.000Z', '2024-02-29T08:00:00.000Z', 'FREQ=YEARLY');
    expect(starts(spec, '2024-01-01T00:00Z', '2033-01-01T00:00Z')).toEqual([
      '2024-02-29T07:00:00.000Z',
      '2028-02-29T07:00:00.000Z',
      '2032-02-29T07:00:00.000Z',
    ]);
  });

  it('shows no 1 March for a yearly 29 February when a common year is asked on its own', () => {
    // Asked for one year, the expansion starts near it instead of in 2024: ical.js would roll 29 February over.
    const spec = mondays('Europe/Istanbul', '2024-02-29T07:00:00.000Z', '2024-02-29T08:00:00.000Z', 'FREQ=YEARLY');
    expect(starts(spec, '2027-01-01T00:00Z', '2028-01-01T00:00Z')).toEqual([]);
    expect(starts(spec, '2026-02-20T00:00Z', '2026-03-10T00:00Z')).toEqual([]);
    expect(starts(spec, '2028-01-01T00:00Z', '2029-01-01T00:00Z')).toEqual(['2028-02-29T07:00:00.000Z']);
    const allDay: SeriesSpec = {
      allDay: true,
      startsAt: '2024-02-29',
      endsAt: '2024-03-01',
      timeZone: 'Europe/Istanbul',
      rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    };
    expect(starts(allDay, '2027-01-01T00:00Z', '2028-01-01T00:00Z')).toEqual([]);
    expect(starts(allDay, '2031-02-01T00:00Z', '2031-03-05T00:00Z')).toEqual([]);
    expect(starts(allDay, '2032-02-01T00:00Z', '2032-03-05T00:00Z')).toEqual(['2032-02-29']);
  });

  it('gives an hourly series one instance at the hour clocks skip, not two', () => {
    // Berlin, 29 March 2026: 02:00 does not exist; read as 03:00, the same instant as the next instance.
    const hourly = mondays(
      'Europe/Berlin',
      '2026-03-28T23:00:00.000Z',
      '2026-03-28T23:30:00.000Z',
      'FREQ=HOURLY;COUNT=5',
    );
    expect(starts(hourly, '2026-03-28T00:00Z', '2026-03-30T00:00Z')).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('treats a COUNT running past the check’s century as going on, not as ending there', () => {
    const yearly = mondays(
      'Europe/Istanbul',
      '2026-03-02T07:00:00.000Z',
      '2026-03-02T08:00:00.000Z',
      'FREQ=YEARLY;COUNT=150',
    );
    expect(checkSeries(yearly).seriesEndsAt).toBeNull();
    expect(starts(yearly, '2160-01-01T00:00Z', '2161-01-01T00:00Z')).toEqual(['2160-03-02T07:00:00.000Z']);
    expect(starts(yearly, '2180-01-01T00:00Z', '2181-01-01T00:00Z')).toEqual([]);
  });
});

describe('endless rules', () => {
  it('are expanded only for the asked range, however far from the first date', () => {
    const daily = mondays('Europe/Istanbul', '2017-01-02T07:00:00.000Z', '2017-01-02T07:30:00.000Z', 'FREQ=DAILY');
    expect(checkSeries(daily).seriesEndsAt).toBeNull();
    const week = expandSeries(daily, ms('2090-06-01T00:00Z'), ms('2090-06-08T00:00Z'));
    expect(week.instances).toHaveLength(7);
    expect(week.instances[0]!.start).toBe('2090-06-01T07:00:00.000Z');
    expect(week.truncated).toBe(false);
    // 10:00 in Istanbul: +02:00 in 1990, +03:00 now.
    const monthly = mondays(
      'Europe/Istanbul',
      '1990-01-01T08:00:00.000Z',
      '1990-01-01T09:00:00.000Z',
      'FREQ=MONTHLY;BYDAY=1MO',
    );
    expect(starts(monthly, '2090-01-01T00:00Z', '2090-04-01T00:00Z')).toEqual([
      '2090-01-02T07:00:00.000Z',
      '2090-02-06T07:00:00.000Z',
      '2090-03-06T07:00:00.000Z',
    ]);
  });

  it('say truncated when a range holds more instances than one call looks at', () => {
    const hourly = mondays('Europe/Istanbul', '2026-01-01T07:00:00.000Z', '2026-01-01T07:30:00.000Z', 'FREQ=HOURLY');
    const result = expandSeries(hourly, ms('2026-01-01T00:00Z'), ms('2028-01-01T00:00Z'));
    expect(result.truncated).toBe(true);
    expect(result.instances.length).toBeLessThanOrEqual(MAX_ITERATIONS);
  });
});

describe('rules that cannot be used', () => {
  const spec = mondays('Europe/Istanbul', '2026-03-02T07:00:00.000Z', '2026-03-02T08:00:00.000Z');
  it.each([
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31', 'hiçbir tarihe denk gelmiyor'],
    ['FREQ=DAILY;INTERVAL=7;BYDAY=TU', 'hiçbir tarihe denk gelmiyor'],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', 'ilk tarihten sonra hiçbir tarihe denk gelmiyor'],
    ['FREQ=WEEKLY;BYMONTHDAY=3', 'kullanılamaz'],
    ['FREQ=FORTNIGHTLY', 'okunamadı'],
    ['FREQ=MINUTELY', 'dakikalık'],
    ['FREQ=DAILY;UNTIL=20200101', 'hiç tarih üretmiyor'],
    ['FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21', 'hiçbir tarihe denk gelmiyor.'],
    ['FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21;COUNT=3', 'hiçbir tarihe denk gelmiyor.'],
  ])('%s is refused with a reason, quickly', (rrule, reason) => {
    const started = performance.now();
    expect(() => checkSeries({ ...spec, rrule })).toThrow(RecurrenceError);
    expect(() => checkSeries({ ...spec, rrule })).toThrow(reason);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('answers an impossible yearly rule in milliseconds, naming UNTIL only when the rule has one', () => {
    const never = 'FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21';
    const started = performance.now();
    for (let i = 0; i < 10; i++) {
      expect(() => checkSeries({ ...spec, rrule: never })).toThrow(/^Tekrar kuralı hiçbir tarihe denk gelmiyor\.$/);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(() => checkSeries({ ...spec, rrule: `${never};UNTIL=20300101` })).toThrow('UNTIL başlangıçtan önce mi?');
    // Expanding one stored anyway (from an older version) is as quick.
    const expandStarted = performance.now();
    expect(expandSeries({ ...spec, rrule: never }, ms('2030-01-01T00:00Z'), ms('2031-01-01T00:00Z')).instances).toEqual(
      [],
    );
    expect(performance.now() - expandStarted).toBeLessThan(200);
  });
});
