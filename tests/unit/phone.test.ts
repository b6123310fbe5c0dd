import { describe, expect, it } from 'vitest';
import { likelyPhoneKind, normalisePhone } from '../../src-shared/domain/phone';

describe('normalisePhone: Turkish numbers as people type them', () => {
  it.each([
    '0532 123 45 67',
    '05321234567',
    '5321234567',
    '532 123 45 67',
    '+90 (532) 123-45-67',
    '+90 532 123 45 67',
    '+905321234567',
    '0090 532 123 45 67',
    '0 (532) 123 45 67',
    '0532-123-45-67',
    '0532.123.45.67',
    '  0532 123 45 67  ',
  ])('%s → +905321234567, shown as 0532 123 45 67', (raw) => {
    expect(normalisePhone(raw)).toEqual({ e164: '+905321234567', display: '0532 123 45 67' });
  });

  it('reads Istanbul, Ankara and İzmir landlines', () => {
    expect(normalisePhone('0212 555 12 34').e164).toBe('+902125551234');
    expect(normalisePhone('(0212) 555 12 34').e164).toBe('+902125551234');
    expect(normalisePhone('212 555 12 34').e164).toBe('+902125551234');
    expect(normalisePhone('0312 444 55 66').e164).toBe('+903124445566');
    expect(normalisePhone('+90 232 321 00 00').e164).toBe('+902323210000');
  });

  it('shows landlines in the national format with the area code in parentheses', () => {
    expect(normalisePhone('02125551234').display).toBe('(0212) 555 12 34');
    expect(normalisePhone('+90 312 444 55 66').display).toBe('(0312) 444 55 66');
  });

  it('shows other Turkish mobiles in the national 0 5xx format', () => {
    expect(normalisePhone('+905051112233')).toEqual({ e164: '+905051112233', display: '0505 111 22 33' });
    expect(normalisePhone('5441112233')).toEqual({ e164: '+905441112233', display: '0544 111 22 33' });
  });

  it('gives the same e164 for every spelling of one number (so duplicates can be found)', () => {
    const spellings = ['0532 123 45 67', '+90 (532) 123-45-67', '5321234567', '0090 532 123 4567'];
    expect(new Set(spellings.map((s) => normalisePhone(s).e164)).size).toBe(1);
  });
});

describe('normalisePhone: foreign numbers', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
    ['0044 20 7946 0958', '+442079460958', '+44 20 7946 0958'],
    ['+49 30 123456', '+4930123456', '+49 30 123456'],
    ['+1 (212) 555-0123', '+12125550123', '+1 212 555 0123'],
  ])('%s → %s, shown internationally as %s', (raw, e164, display) => {
    expect(normalisePhone(raw)).toEqual({ e164, display });
  });
});

describe('normalisePhone: junk', () => {
  it.each([
    '',
    '   ',
    'abc',
    'telefon yok',
    '12',
    '123 45',
    '-',
    '+',
    '+90',
    '0532 123 45 67 89 01 23',
    '+999 123 456',
  ])('%j → e164 null, display is the trimmed input', (raw) => {
    const result = normalisePhone(raw);
    expect(result.e164).toBeNull();
    expect(result.display).toBe(raw.trim());
  });
});

describe('likelyPhoneKind', () => {
  it.each([
    ['0532 123 45 67', 'mobile'],
    ['+90 505 111 22 33', 'mobile'],
    ['0212 555 12 34', 'work'],
    ['(0312) 444 55 66', 'work'],
    ['0462 321 00 00', 'work'],
    ['+49 30 1234567', null],
    ['12', null],
  ])('%s → %s', (raw, kind) => {
    expect(likelyPhoneKind(raw)).toBe(kind);
  });
});
