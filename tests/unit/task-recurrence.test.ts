import { describe, expect, it } from 'vitest';
import {
  checkTaskRule,
  nextOccurrence,
  nextOccurrences,
  RecurrenceRuleError,
} from '../../src-main/services/tasks/task-recurrence';

describe('task recurrence (RRULE over calendar days)', () => {
  it('every first Monday of the month', () => {
    // 2 March 2026 is a Monday, the first of its month.
    expect(nextOccurrences('FREQ=MONTHLY;BYDAY=1MO', '2026-03-02', '2026-03-02', 4)).toEqual([
      '2026-04-06',
      '2026-05-04',
      '2026-06-01',
      '2026-07-06',
    ]);
    // A series started on a Thursday still lands on first Mondays only.
    expect(nextOccurrence('FREQ=MONTHLY;BYDAY=1MO', '2026-03-05', '2026-03-05')).toBe('2026-04-06');
  });

  it('monthly on the 31st skips the months that have no 31st', () => {
    expect(nextOccurrences('FREQ=MONTHLY', '2026-01-31', '2026-01-31', 4)).toEqual([
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
    ]);
    expect(nextOccurrence('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', '2026-03-31')).toBe('2026-05-31');
    // "The last day" is what someone wanting every month's end should write.
    expect(nextOccurrences('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-31', '2026-01-31', 3)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('yearly on 29 February comes round in leap years only', () => {
    expect(nextOccurrences('FREQ=YEARLY', '2024-02-29', '2024-02-29', 3)).toEqual([
      '2028-02-29',
      '2032-02-29',
      '2036-02-29',
    ]);
    expect(nextOccurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2024-02-29', '2025-01-01')).toBe('2028-02-29');
    // An ordinary day is not disturbed by the leap-day handling.
    expect(nextOccurrences('FREQ=YEARLY', '2026-03-02', '2026-03-02', 2)).toEqual(['2027-03-02', '2028-03-02']);
  });

  it('weekly on two weekdays, and every other week', () => {
    expect(nextOccurrences('FREQ=WEEKLY;BYDAY=TU,TH', '2026-03-03', '2026-03-03', 4)).toEqual([
      '2026-03-05',
      '2026-03-10',
      '2026-03-12',
      '2026-03-17',
    ]);
    expect(nextOccurrences('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', '2026-03-02', '2026-03-02', 3)).toEqual([
      '2026-03-04',
      '2026-03-16',
      '2026-03-18',
    ]);
  });

  it('counts from the series start, whatever date it is asked after', () => {
    // The fourth date of a three-date series does not exist, also when asked from the middle.
    expect(nextOccurrences('FREQ=DAILY;COUNT=3', '2026-03-02', '2026-03-02', 5)).toEqual(['2026-03-03', '2026-03-04']);
    expect(nextOccurrence('FREQ=DAILY;COUNT=3', '2026-03-02', '2026-03-03')).toBe('2026-03-04');
    expect(nextOccurrence('FREQ=DAILY;COUNT=3', '2026-03-02', '2026-03-04')).toBeNull();
  });

  it('ends on its UNTIL day (inclusive)', () => {
    expect(nextOccurrences('FREQ=WEEKLY;UNTIL=20260316', '2026-03-02', '2026-03-02', 5)).toEqual([
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(nextOccurrence('FREQ=WEEKLY;UNTIL=20260316', '2026-03-02', '2026-03-16')).toBeNull();
  });

  it('refuses rules it cannot honour, naming the part in Turkish', () => {
    const refusal = (rule: string, start = '2026-03-02') => {
      try {
        checkTaskRule(rule, start);
      } catch (error) {
        expect(error).toBeInstanceOf(RecurrenceRuleError);
        return (error as Error).message;
      }
      throw new Error(`${rule} was accepted`);
    };
    expect(refusal('FREQ=DAILY;BYFOO=2')).toContain('bilinmeyen bölüm: "BYFOO"');
    expect(refusal('FREQ=DAILY;X-SOMETHING=1')).toContain('"X-SOMETHING"');
    expect(refusal('FREQ=FORTNIGHTLY')).toContain('en sık her gün');
    expect(refusal('FREQ=HOURLY')).toContain('en sık her gün');
    expect(refusal('FREQ=DAILY;BYHOUR=9')).toContain('"BYHOUR" görevlerde kullanılamaz');
    expect(refusal('FREQ=WEEKLY;BYDAY=XX')).toContain('"BYDAY=XX" geçersiz');
    expect(refusal('FREQ=DAILY;INTERVAL=abc')).toContain('"INTERVAL=ABC" geçersiz');
    expect(refusal('FREQ=MONTHLY;BYMONTHDAY=32')).toContain('"BYMONTHDAY=32" geçersiz');
    expect(refusal('FREQ=DAILY;COUNT=0')).toContain('COUNT en az 1');
    expect(refusal('FREQ=DAILY;FREQ=WEEKLY')).toContain('iki kez');
    expect(refusal('FREQ=DAILY;BYDAY')).toContain('anlaşılmadı');
    // Readable, but no date after the start: a series of one, an end in the past, a day that never comes.
    expect(refusal('FREQ=DAILY;COUNT=1')).toContain('hiçbir tarih vermiyor');
    expect(refusal('FREQ=DAILY;UNTIL=20200101')).toContain('hiçbir tarih vermiyor');
    expect(refusal('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toContain('hiçbir tarih vermiyor');
  });

  it('accepts usual rules, also lower-case and with a trailing semicolon', () => {
    expect(checkTaskRule('freq=weekly;byday=mo;', '2026-03-02')).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(nextOccurrence('freq=weekly;byday=mo;', '2026-03-02', '2026-03-02')).toBe('2026-03-09');
    expect(() => checkTaskRule('FREQ=MONTHLY;BYDAY=-1FR', '2026-03-02')).not.toThrow();
  });
});
