import { describe, expect, it } from 'vitest';
import {
  formatIban,
  ibanSchema,
  isValidIban,
  isValidTckn,
  isValidVkn,
  maskTckn,
  normaliseIban,
  tcknSchema,
  vknSchema,
} from '../../src-shared/domain/tr-identifiers';

// Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDigits(next: () => number, count: number, firstNonZero: boolean): number[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 && firstNonZero ? 1 + Math.floor(next() * 9) : Math.floor(next() * 10),
  );
}

/** Every string that differs from `value` in exactly one position, using the given alphabet. */
function singleCharMutations(value: string, alphabetAt: (index: number) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (const c of alphabetAt(i)) {
      if (c !== value[i]) out.push(value.slice(0, i) + c + value.slice(i + 1));
    }
  }
  return out;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// ---------------------------------------------------------------------------
// TCKN
// ---------------------------------------------------------------------------

/** Independent construction of the two TCKN check digits from a 9-digit prefix. */
function completeTckn(prefix: number[]): string {
  let odd = 0;
  let even = 0;
  prefix.forEach((d, i) => {
    if (i % 2 === 0) odd += d;
    else even += d;
  });
  let tenth = (odd * 7 - even) % 10;
  if (tenth < 0) tenth += 10;
  const eleventh = (prefix.reduce((a, b) => a + b, 0) + tenth) % 10;
  return [...prefix, tenth, eleventh].join('');
}

const randomTckns = (() => {
  const next = rng(20240611);
  return Array.from({ length: 300 }, () => completeTckn(randomDigits(next, 9, true)));
})();

describe('isValidTckn', () => {
  it('accepts TCKNs whose check digits are computed from random 9-digit prefixes', () => {
    const rejected = randomTckns.filter((t) => !isValidTckn(t));
    expect(rejected).toEqual([]);
  });

  it('covers the case where 7×odd − even is negative (needs a positive modulo)', () => {
    // odd positions 1+0+0+0+0 = 1, even positions 9+9+9+9 = 36: 7 − 36 = −29 → 1
    expect(completeTckn([1, 9, 0, 9, 0, 9, 0, 9, 0])).toBe('19090909018');
    expect(isValidTckn('19090909018')).toBe(true);
    // with JavaScript's plain % the tenth digit would come out as −9, never a digit
    expect(isValidTckn('19090909098')).toBe(false);
    // random prefixes rarely get there, so build some: odd positions small, even positions large
    const next = rng(7);
    for (let n = 0; n < 50; n++) {
      const prefix = [1, 0, 0, 0, 0, 0, 0, 0, 0].map((d, i) =>
        i === 0 ? 1 + Math.floor(next() * 2) : i % 2 === 0 ? d : 5 + Math.floor(next() * 5),
      );
      const odd = prefix[0]! + prefix[2]! + prefix[4]! + prefix[6]! + prefix[8]!;
      const even = prefix[1]! + prefix[3]! + prefix[5]! + prefix[7]!;
      expect(7 * odd - even).toBeLessThan(0);
      expect(isValidTckn(completeTckn(prefix)), prefix.join('')).toBe(true);
    }
  });

  it('accepts the widely published example 10000000146 and the 12345678950 of the mask example', () => {
    expect(isValidTckn('10000000146')).toBe(true);
    expect(isValidTckn('12345678950')).toBe(true);
  });

  it('rejects every single-digit change of a valid TCKN', () => {
    for (const tckn of randomTckns.slice(0, 40)) {
      const accepted = singleCharMutations(tckn, () => DIGITS).filter(isValidTckn);
      expect(accepted, tckn).toEqual([]);
    }
  });

  it('rejects a first digit 0 even when both check digits fit', () => {
    const withZero = completeTckn([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(withZero).toMatch(/^0\d{10}$/);
    expect(isValidTckn(withZero)).toBe(false);
  });

  it('rejects 10 and 12 digits', () => {
    const tckn = randomTckns[0]!;
    expect(isValidTckn(tckn.slice(0, 10))).toBe(false);
    expect(isValidTckn(`${tckn}0`)).toBe(false);
    expect(isValidTckn(`1${tckn}`)).toBe(false);
  });

  it('accepts surrounding whitespace but nothing else around or inside the digits', () => {
    expect(isValidTckn('  10000000146 ')).toBe(true);
    expect(isValidTckn('\t10000000146\n')).toBe(true);
    for (const bad of [
      '100 000 001 46',
      '1000000014 6',
      '10000000146a',
      'a10000000146',
      '1000000014O',
      '+10000000146',
    ]) {
      expect(isValidTckn(bad), bad).toBe(false);
    }
    expect(isValidTckn('1000000014-6')).toBe(false);
    expect(isValidTckn('١٠٠٠٠٠٠٠١٤٦')).toBe(false); // Arabic-Indic digits are not digits here
    expect(isValidTckn('')).toBe(false);
    expect(isValidTckn('   ')).toBe(false);
  });
});

describe('maskTckn', () => {
  it('keeps the first 3 and last 2 digits', () => {
    expect(maskTckn('12345678950')).toBe('123******50');
    expect(maskTckn('10000000146')).toBe('100******46');
  });

  it('ignores surrounding whitespace', () => {
    expect(maskTckn(' 12345678950  ')).toBe('123******50');
  });

  it('never shows more than 5 characters of something that is not 11 digits long', () => {
    expect(maskTckn('1234567')).toBe('123**67');
    expect(maskTckn('12345')).toBe('*****');
    expect(maskTckn('')).toBe('');
  });
});

// ---------------------------------------------------------------------------
// VKN
// ---------------------------------------------------------------------------

/**
 * Independent VKN check digit, written the other way round from the
 * implementation (walking the prefix from the right, as python-stdnum does).
 */
function vknCheckDigitReference(prefix: number[]): number {
  let s = 0;
  [...prefix].reverse().forEach((n, idx) => {
    const i = idx + 1;
    const c1 = (n + i) % 10;
    if (c1 !== 0) {
      const c2 = (c1 * 2 ** i) % 9;
      s += c2 === 0 ? 9 : c2;
    }
  });
  return (((10 - s) % 10) + 10) % 10;
}

const randomVkns = (() => {
  const next = rng(4540536);
  return Array.from({ length: 300 }, () => {
    const prefix = randomDigits(next, 9, false);
    return [...prefix, vknCheckDigitReference(prefix)].join('');
  });
})();

// Published numbers: 4540536920 is the python-stdnum docstring example
// (stdnum/tr/vkn.py); the rest are from python-stdnum's tests/test_tr_vkn.doctest
// ("These have been found online and should all be valid numbers").
const PUBLISHED_VKNS = ['4540536920', '0010213576', '1050060784', '3250536363', '6130847655', '9990112519'];

describe('isValidVkn', () => {
  it('accepts published VKNs', () => {
    for (const vkn of PUBLISHED_VKNS) expect(isValidVkn(vkn), vkn).toBe(true);
  });

  it('agrees with the reference check digit on the published numbers', () => {
    for (const vkn of PUBLISHED_VKNS) {
      expect(vknCheckDigitReference(Array.from(vkn.slice(0, 9), Number)), vkn).toBe(Number(vkn[9]));
    }
  });

  it('rejects the published wrong-checksum example 4540536921', () => {
    expect(isValidVkn('4540536921')).toBe(false);
  });

  it('accepts VKNs whose check digit is computed independently from random prefixes', () => {
    expect(randomVkns.filter((v) => !isValidVkn(v))).toEqual([]);
  });

  it('accepts exactly one check digit for every prefix', () => {
    for (const vkn of randomVkns.slice(0, 50)) {
      const accepted = Array.from(DIGITS, (d) => vkn.slice(0, 9) + d).filter(isValidVkn);
      expect(accepted, vkn).toEqual([vkn]);
    }
  });

  it('counts a position whose shifted digit is 0 as 0, not 9 (the published numbers need it)', () => {
    // Some copies online map every zero product to 9, including t = 0. In 1050060784 the first
    // digit 1 gives t = (1 + 10 − 1) mod 10 = 0; that variant wants another check digit.
    const zeroAsNine = (vkn: string): number => {
      let sum = 0;
      for (let i = 0; i < 9; i++) {
        const product = ((Number(vkn[i]) + 9 - i) % 10) * 2 ** (9 - i);
        sum += product % 9 === 0 ? 9 : product % 9;
      }
      return (10 - (sum % 10)) % 10;
    };
    expect(zeroAsNine('1050060784')).not.toBe(4);
    expect(isValidVkn('1050060784')).toBe(true);
    expect(isValidVkn(`105006078${zeroAsNine('1050060784')}`)).toBe(false);
  });

  it('rejects every single-digit change of a valid VKN', () => {
    for (const vkn of [...PUBLISHED_VKNS, ...randomVkns.slice(0, 40)]) {
      const accepted = singleCharMutations(vkn, () => DIGITS).filter(isValidVkn);
      expect(accepted, vkn).toEqual([]);
    }
  });

  it('rejects wrong lengths, non-digits and inner spaces; allows surrounding whitespace', () => {
    expect(isValidVkn('454053692')).toBe(false);
    expect(isValidVkn('45405369200')).toBe(false);
    expect(isValidVkn('454053692O')).toBe(false);
    expect(isValidVkn('454 053 6920')).toBe(false);
    expect(isValidVkn('')).toBe(false);
    expect(isValidVkn(' 4540536920 ')).toBe(true);
  });

  it('does not take an 11-digit TCKN as a VKN', () => {
    expect(isValidVkn('10000000146')).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------

// Example IBANs from the SWIFT IBAN registry / ECBS.
const EXAMPLE_IBANS = [
  'GB82 WEST 1234 5698 7654 32',
  'DE89 3704 0044 0532 0130 00',
  'TR33 0006 1005 1978 6457 8413 26',
  'NL91 ABNA 0417 1643 00',
  'FR14 2004 1010 0505 0001 3M02 606',
  'IT60 X054 2811 1010 0000 0123 456',
  'ES91 2100 0418 4502 0005 1332',
  'CH93 0076 2011 6238 5295 7',
  'AT61 1904 3002 3457 3201',
  'BE68 5390 0754 7034',
];

describe('normaliseIban', () => {
  it('removes spaces and upper-cases', () => {
    expect(normaliseIban(' tr33 0006 1005 1978 6457 8413 26 ')).toBe('TR330006100519786457841326');
    expect(normaliseIban('gb82west12345698765432')).toBe('GB82WEST12345698765432');
    expect(normaliseIban('NL91\tABNA\u00a00417 1643 00')).toBe('NL91ABNA0417164300');
  });
});

describe('isValidIban', () => {
  it.each(EXAMPLE_IBANS)('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(isValidIban(iban.replace(/ /g, ''))).toBe(true);
    expect(isValidIban(iban.toLowerCase())).toBe(true);
  });

  it('accepts lowercase and oddly spaced input', () => {
    expect(isValidIban('tr330006100519786457841326')).toBe(true);
    expect(isValidIban('  TR 33 00061 0 0519786457841326  ')).toBe(true);
    expect(isValidIban('de89370400440532013000')).toBe(true);
  });

  it.each(EXAMPLE_IBANS)('rejects every single-character change of %s', (iban) => {
    const compact = normaliseIban(iban);
    const mutations = singleCharMutations(compact, (i) => (/\d/.test(compact[i]!) ? DIGITS : LETTERS));
    expect(mutations.length).toBeGreaterThan(100);
    expect(mutations.filter(isValidIban)).toEqual([]);
  });

  it('rejects two swapped neighbouring characters in the account number', () => {
    expect(isValidIban('TR330006100519786457841362')).toBe(false);
    expect(isValidIban('DE89370400440532013000'.replace('0532', '5032'))).toBe(false);
  });

  it('rejects TR IBANs of the wrong length', () => {
    expect(isValidIban('TR33000610051978645784132')).toBe(false);
    expect(isValidIban('TR3300061005197864578413260')).toBe(false);
  });

  it('rejects a TR IBAN whose reserved digit after the bank code is not 0, even with fitting check digits', () => {
    // TR + check digits + bank 00061 + reserved 1 + account, check digits recomputed so mod 97 holds
    const bban = '000611' + '0519786457841326';
    const check = 98 - Number(BigInt(`${bban}292700`) % 97n);
    const iban = `TR${String(check).padStart(2, '0')}${bban}`;
    expect(BigInt(`${bban}2927${iban.slice(2, 4)}`) % 97n).toBe(1n);
    expect(isValidIban(iban)).toBe(false);
  });

  it('checks the length table for the listed countries', () => {
    expect(isValidIban('GB82WEST123456987654320')).toBe(false);
    expect(isValidIban('BE68539007547034' + '0')).toBe(false);
  });

  it('accepts unknown countries of 15–34 characters when the checksum passes', () => {
    expect(isValidIban('NO93 8601 1117 947')).toBe(true); // Norway, 15
    expect(isValidIban('MT84 MALT 0110 0001 2345 MTLC AST0 01S')).toBe(true); // Malta, 31
    expect(isValidIban('NO93 8601 1117 948')).toBe(false);
  });

  it('rejects malformed values', () => {
    for (const bad of [
      '',
      '   ',
      'TR',
      'TR33',
      '33TR0006100519786457841326',
      'T330006100519786457841326',
      'TR3X0006100519786457841326',
      'TR33-0006-1005-1978-6457-8413-26',
      'TR33 0006 1005 1978 6457 8413 2Ö',
      'XX00 0000 0000 0000', // check digits 00 are never valid
    ]) {
      expect(isValidIban(bad), bad).toBe(false);
    }
  });
});

describe('formatIban', () => {
  it('prints groups of 4', () => {
    expect(formatIban('TR330006100519786457841326')).toBe('TR33 0006 1005 1978 6457 8413 26');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });

  it('normalises before grouping', () => {
    expect(formatIban(' tr33 00061 005197 8645784132 6 ')).toBe('TR33 0006 1005 1978 6457 8413 26');
    expect(formatIban('')).toBe('');
  });
});

// ---------------------------------------------------------------------------
// Contract schemas
// ---------------------------------------------------------------------------

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('tcknSchema', () => {
  it('passes a valid TCKN through trimmed', () => {
    expect(tcknSchema.parse('  10000000146 ')).toBe('10000000146');
  });

  it('names a failed checksum', () => {
    expect(messages(tcknSchema.safeParse('12345678901'))).toEqual([
      '"12345678901" geçerli bir T.C. Kimlik No değil (denetim hanesi tutmuyor)',
    ]);
  });

  it('tells wrong length and non-digits apart from the checksum', () => {
    expect(messages(tcknSchema.safeParse('1234567890'))).toEqual(['T.C. Kimlik No 11 haneli olmalı']);
    expect(messages(tcknSchema.safeParse('123456789012'))).toEqual(['T.C. Kimlik No 11 haneli olmalı']);
    expect(messages(tcknSchema.safeParse('1234567890a'))).toEqual(['T.C. Kimlik No yalnızca rakamlardan oluşmalı']);
    expect(messages(tcknSchema.safeParse('123 456 789 01'))).toEqual(['T.C. Kimlik No yalnızca rakamlardan oluşmalı']);
    expect(messages(tcknSchema.safeParse('01234567890'))).toEqual(['T.C. Kimlik No 0 ile başlayamaz']);
    expect(messages(tcknSchema.safeParse(' '))).toEqual(['T.C. Kimlik No boş olamaz']);
  });

  it('refuses non-strings', () => {
    expect(tcknSchema.safeParse(10000000146).success).toBe(false);
  });
});

describe('vknSchema', () => {
  it('passes a valid VKN through trimmed', () => {
    expect(vknSchema.parse(' 4540536920\n')).toBe('4540536920');
  });

  it('names a failed checksum', () => {
    expect(messages(vknSchema.safeParse('4540536921'))).toEqual([
      '"4540536921" geçerli bir VKN değil (denetim hanesi tutmuyor)',
    ]);
  });

  it('tells wrong length and non-digits apart from the checksum', () => {
    expect(messages(vknSchema.safeParse('454053692'))).toEqual(['VKN 10 haneli olmalı']);
    expect(messages(vknSchema.safeParse('10000000146'))).toEqual(['VKN 10 haneli olmalı']);
    expect(messages(vknSchema.safeParse('45405369-0'))).toEqual(['VKN yalnızca rakamlardan oluşmalı']);
    expect(messages(vknSchema.safeParse(''))).toEqual(['VKN boş olamaz']);
  });
});

describe('ibanSchema', () => {
  it('normalises a valid IBAN to the stored form', () => {
    expect(ibanSchema.parse(' tr33 0006 1005 1978 6457 8413 26 ')).toBe('TR330006100519786457841326');
  });

  it('names a failed checksum, showing the IBAN grouped', () => {
    expect(messages(ibanSchema.safeParse('TR12 0006 1005 1978 6457 8413 26'))).toEqual([
      '"TR12 0006 1005 1978 6457 8413 26" geçerli bir IBAN değil (denetim hanesi tutmuyor)',
    ]);
  });

  it('tells wrong length and bad characters apart from the checksum', () => {
    expect(messages(ibanSchema.safeParse('TR33 0006 1005 1978 6457 8413 2'))).toEqual(["TR IBAN'ı 26 karakter olmalı"]);
    expect(messages(ibanSchema.safeParse('DE89 3704 0044 0532 0130'))).toEqual(["DE IBAN'ı 22 karakter olmalı"]);
    expect(messages(ibanSchema.safeParse('TR33-0006-1005'))).toEqual(['IBAN yalnızca harf ve rakamlardan oluşmalı']);
    expect(messages(ibanSchema.safeParse('XX12 3456'))).toEqual(['IBAN 15 ile 34 karakter arasında olmalı']);
    expect(messages(ibanSchema.safeParse('1234 5678 9012 3456'))[0]).toMatch(/^IBAN iki harfli ülke kodu/);
    expect(messages(ibanSchema.safeParse('  '))).toEqual(['IBAN boş olamaz']);
  });
});
