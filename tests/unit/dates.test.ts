import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate, parseTypedDate, todayInIstanbul } from '../../src-shared/domain/dates';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '1999-12-31', '2000-01-01'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2025-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '01.02.2024', ''])(
    'refuses %s',
    (d) => expect(isIsoDate(d)).toBe(false),
  );
});

describe('ageOn', () => {
  it('counts full years, turning a year older on the birthday itself', () => {
    expect(ageOn('1980-06-15', '2026-06-14')).toBe(45);
    expect(ageOn('1980-06-15', '2026-06-15')).toBe(46);
    expect(ageOn('1980-06-15', '2026-12-31')).toBe(46);
  });
  it('handles 29 February birthdays (a year older on 1 March in common years)', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
  });
});

describe('todayInIstanbul', () => {
  it('uses the Istanbul calendar day, not UTC', () => {
    // 22:30 UTC on 31 December is already 1 January in Istanbul (UTC+3).
    expect(todayInIstanbul(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
    expect(todayInIstanbul(new Date('2025-12-31T20:30:00Z'))).toBe('2025-12-31');
  });
});

describe('parseTypedDate', () => {
  it.each([
    ['15.06.1980', '1980-06-15'],
    ['5.6.1980', '1980-06-05'],
    ['15/06/1980', '1980-06-15'],
    [' 1980-06-15 ', '1980-06-15'],
  ])('reads %s as %s', (typed, iso) => expect(parseTypedDate(typed)).toBe(iso));
  it.each(['31.02.1980', '06.15.1980', '15.06.80', 'dün', ''])('refuses %s', (typed) =>
    expect(parseTypedDate(typed)).toBeNull(),
  );
});
