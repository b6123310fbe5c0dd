import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayIn,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  wallClockIn,
  zonedToUtc,
} from '../../src-shared/domain/zoned-time';

const utc = (date: string, time: string, zone: string) => zonedToUtc(date, time, zone).toISOString();

describe('zoned time', () => {
  it('Istanbul is UTC+3 all year (no DST since 2016)', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Istanbul');
    expect(utc('2026-01-15', '09:00', 'Europe/Istanbul')).toBe('2026-01-15T06:00:00.000Z');
    expect(utc('2026-07-15', '09:00', 'Europe/Istanbul')).toBe('2026-07-15T06:00:00.000Z');
    // Before 2016 Istanbul still had summer time (EEST, +3) and winter time (EET, +2).
    expect(utc('2015-01-15', '09:00', 'Europe/Istanbul')).toBe('2015-01-15T07:00:00.000Z');
    // Just after midnight in Istanbul is still the previous day in UTC.
    expect(utc('2026-03-02', '00:30', 'Europe/Istanbul')).toBe('2026-03-01T21:30:00.000Z');
  });

  it('Berlin: a time in the spring gap becomes the same clock time after the jump', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
    expect(utc('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockIn(new Date('2026-03-29T01:30:00.000Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
    // Either side of the gap is exact.
    expect(utc('2026-03-29', '01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29', '03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('Berlin: a time in the autumn overlap is its first occurrence (summer time)', () => {
    // 25 October 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice (00:30Z and 01:30Z).
    expect(utc('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25', '03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
    expect(utc('2026-10-25', '01:30', 'Europe/Berlin')).toBe('2026-10-24T23:30:00.000Z');
  });

  it('New York: both DST changes (behind UTC)', () => {
    expect(utc('2026-03-07', '09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(utc('2026-03-08', '09:00', 'America/New_York')).toBe('2026-03-08T13:00:00.000Z');
    expect(utc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(utc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(utc('2026-11-02', '09:00', 'America/New_York')).toBe('2026-11-02T14:00:00.000Z');
  });

  it('dayIn puts instants near midnight on the right day of each zone', () => {
    expect(dayIn(new Date('2026-03-01T20:59:59.999Z'), 'Europe/Istanbul')).toBe('2026-03-01');
    expect(dayIn(new Date('2026-03-01T21:00:00.000Z'), 'Europe/Istanbul')).toBe('2026-03-02');
    expect(dayIn(new Date('2026-03-02T04:59:59.000Z'), 'America/New_York')).toBe('2026-03-01');
    expect(dayIn(new Date('2026-03-02T05:00:00.000Z'), 'America/New_York')).toBe('2026-03-02');
    // New Year's Eve: the year changes with the day.
    expect(dayIn(new Date('2026-12-31T21:00:00.000Z'), 'Europe/Istanbul')).toBe('2027-01-01');
    // Round trip: midnight of a day is on that day, a millisecond earlier is the day before.
    const midnight = zonedToUtc('2026-10-25', '00:00', 'Europe/Berlin');
    expect(dayIn(midnight, 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayIn(new Date(midnight.getTime() - 1), 'Europe/Berlin')).toBe('2026-10-24');
  });

  it('addDays is calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -30)).toBe('2025-12-02');
    // The DST day is still one calendar day.
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
  });

  it('knows which time zone names are real', () => {
    expect(isTimeZone('Europe/Istanbul')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Europe/Ankara')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
