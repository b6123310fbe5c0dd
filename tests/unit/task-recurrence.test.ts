import { spawnSync } from 'node:child_process';
import path from 'node:path';
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
    expect(refusal('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30')).toContain('hiçbir tarihe denk gelmiyor');
  });

  it('accepts usual rules, also lower-case and with a trailing semicolon', () => {
    expect(checkTaskRule('freq=weekly;byday=mo;', '2026-03-02')).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(nextOccurrence('freq=weekly;byday=mo;', '2026-03-02', '2026-03-02')).toBe('2026-03-09');
    expect(() => checkTaskRule('FREQ=MONTHLY;BYDAY=-1FR', '2026-03-02')).not.toThrow();
  });

  it('refuses parts that do not go together with a Turkish reason instead of an ical.js error', () => {
    const refusal = (rule: string) => {
      try {
        checkTaskRule(rule, '2026-03-02');
      } catch (error) {
        expect(error).toBeInstanceOf(RecurrenceRuleError);
        return (error as Error).message;
      }
      throw new Error(`${rule} was accepted`);
    };
    expect(refusal('FREQ=WEEKLY;BYMONTHDAY=30')).toContain('Haftalık kuralda (FREQ=WEEKLY) BYMONTHDAY kullanılamaz');
    expect(refusal('FREQ=DAILY;BYYEARDAY=40')).toContain('"BYYEARDAY" yalnızca yıllık kurallarda');
    expect(refusal('FREQ=YEARLY;BYYEARDAY=40;BYMONTH=2')).toContain('BYYEARDAY ile BYMONTH birlikte');
    // ical.js gets week numbers wrong (every Monday instead of week 10's), so the part is refused outright.
    expect(refusal('FREQ=MONTHLY;BYWEEKNO=3')).toContain('BYWEEKNO');
    expect(refusal('FREQ=YEARLY;BYWEEKNO=10;BYDAY=MO')).toContain('BYWEEKNO');
    expect(refusal('FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31')).toContain('hiçbir tarihe denk gelmiyor');
    // A year-day rule that goes alone still works (day 60 is 1 March in a common year, 29 February in a leap one).
    expect(nextOccurrences('FREQ=YEARLY;BYYEARDAY=60', '2026-03-01', '2026-03-01', 2)).toEqual([
      '2027-03-01',
      '2028-02-29',
    ]);
  });

  it('keeps rare but real daily rules', () => {
    expect(nextOccurrence('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29', '2026-03-02', '2026-03-02')).toBe('2028-02-29');
    // The next Friday 13 February after 2026 is in 2032: eleven years of days tried one by one.
    expect(nextOccurrence('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=13;BYDAY=FR', '2026-03-02', '2026-03-02')).toBe(
      '2032-02-13',
    );
  });

  it('answers at once for rules that never meet a date, in main and in the form’s preview', () => {
    // Before, ical.js searched for ever inside iterator.next() (DAILY rules test one day at a time and look at
    // UNTIL only once a date is found): the app froze. A child process, so a hang fails instead of blocking.
    const script = `
      const main = await import(${JSON.stringify(path.resolve('src-main/services/tasks/task-recurrence.ts'))});
      const form = await import(${JSON.stringify(path.resolve('src-renderer/modules/tasks/recurrence.ts'))});
      const rules = ${JSON.stringify(NEVER_RULES)};
      const out = rules.map((rule) => {
        let check;
        try { check = main.checkTaskRule(rule, '2026-03-02'); } catch (error) { check = error.message; }
        return { rule, check, preview: form.previewDates(rule, '2026-03-02') };
      });
      console.log(JSON.stringify(out));`;
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal, 'timed out: a rule made ical.js spin').toBeNull();
    expect(run.stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(15_000);
    const answers = JSON.parse(run.stdout) as { rule: string; check: string; preview: unknown }[];
    for (const answer of answers) {
      expect(answer.check, answer.rule).toMatch(/hiçbir tarih|INTERVAL en çok/);
      expect(answer.preview, answer.rule).toEqual([]);
    }
    expect(answers).toHaveLength(NEVER_RULES.length);
  });
});

/** Rules that can never give a date after 2 March 2026 (a Monday), each of which once hung the app. */
const NEVER_RULES = [
  'FREQ=DAILY;BYMONTHDAY=31;BYMONTH=4',
  'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30,31',
  // Every 7th day from a Monday is never a Tuesday.
  'FREQ=DAILY;INTERVAL=7;BYDAY=TU',
  'FREQ=DAILY;INTERVAL=14;BYDAY=WE;BYMONTH=5',
  // A minute of ical.js stepping day by day; refused, and the preview shows nothing at once.
  'FREQ=DAILY;INTERVAL=99999999',
];
