import { z } from 'zod';

// Pure validators for the identifiers a Turkish office keeps on its cards: the
// T.C. Kimlik No of a person, the Vergi Kimlik No of a company and IBANs. Shared
// by main and renderer, so nothing here may touch Node or the DOM.

const CHECKSUM_FAILED = 'denetim hanesi tutmuyor';

function digitsOf(value: string): number[] {
  return Array.from(value, Number);
}

// ---------------------------------------------------------------------------
// T.C. Kimlik No (TCKN)
// ---------------------------------------------------------------------------

/**
 * Why a T.C. Kimlik No is not acceptable, as a Turkish sentence for the user;
 * null when it is valid. Surrounding whitespace is ignored, nothing else is.
 *
 * Rule (Nüfus ve Vatandaşlık İşleri): 11 digits, the first not 0;
 * digit 10 = (7 × (d1+d3+d5+d7+d9) − (d2+d4+d6+d8)) mod 10;
 * digit 11 = (d1+…+d10) mod 10.
 */
export function tcknProblem(value: string): string | null {
  const tckn = value.trim();
  if (tckn === '') return 'T.C. Kimlik No boş olamaz';
  if (!/^\d+$/.test(tckn)) return 'T.C. Kimlik No yalnızca rakamlardan oluşmalı';
  if (tckn.length !== 11) return 'T.C. Kimlik No 11 haneli olmalı';
  if (tckn.startsWith('0')) return 'T.C. Kimlik No 0 ile başlayamaz';
  const d = digitsOf(tckn) as [number, number, number, number, number, number, number, number, number, number, number];
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((sum, digit) => sum + digit, 0) % 10;
  if (d[9] !== tenth || d[10] !== eleventh) return `"${tckn}" geçerli bir T.C. Kimlik No değil (${CHECKSUM_FAILED})`;
  return null;
}

/** Turkish national ID number (T.C. Kimlik No) with both check digits. */
export function isValidTckn(value: string): boolean {
  return tcknProblem(value) === null;
}

/**
 * For display only (the full number is stored): the first 3 and last 2
 * characters, the rest as '*', e.g. "123******50". Anything too short to keep
 * 3 + 2 characters and still hide something is masked completely.
 */
export function maskTckn(value: string): string {
  const tckn = value.trim();
  if (tckn.length < 6) return '*'.repeat(tckn.length);
  return `${tckn.slice(0, 3)}${'*'.repeat(tckn.length - 5)}${tckn.slice(-2)}`;
}

// ---------------------------------------------------------------------------
// Vergi Kimlik No (VKN)
// ---------------------------------------------------------------------------

/**
 * Check digit (0–9) of a VKN from its first 9 digits.
 *
 * The Gelir İdaresi Başkanlığı rule, as implemented in python-stdnum
 * (stdnum/tr/vkn.py, which points to
 * https://www.turkiye.gov.tr/gib-intvrg-vergi-kimlik-numarasi-dogrulama and
 * checks it against 200 VKNs published online) and described in the same form
 * by Turkish write-ups such as https://simlict.com/VergiNo.html: for the digit
 * d at position p = 1…9, t = (d + 10 − p) mod 10; t = 9 contributes 9, any
 * other t contributes (t × 2^(10 − p)) mod 9 (so t = 0 contributes 0). The
 * check digit is (10 − (sum mod 10)) mod 10.
 *
 * Some copies online map a zero product to 9 even when t = 0; that variant
 * rejects most of the published real numbers, so it is not used here.
 */
function vknCheckDigit(firstNine: readonly number[]): number {
  let sum = 0;
  firstNine.forEach((digit, index) => {
    const position = index + 1;
    const t = (digit + 10 - position) % 10;
    sum += t === 9 ? 9 : (t * 2 ** (10 - position)) % 9;
  });
  return (10 - (sum % 10)) % 10;
}

/**
 * Why a Vergi Kimlik No is not acceptable, as a Turkish sentence for the user;
 * null when it is valid. Surrounding whitespace is ignored, nothing else is.
 */
export function vknProblem(value: string): string | null {
  const vkn = value.trim();
  if (vkn === '') return 'VKN boş olamaz';
  if (!/^\d+$/.test(vkn)) return 'VKN yalnızca rakamlardan oluşmalı';
  if (vkn.length !== 10) return 'VKN 10 haneli olmalı';
  const digits = digitsOf(vkn);
  if (vknCheckDigit(digits.slice(0, 9)) !== digits[9]) return `"${vkn}" geçerli bir VKN değil (${CHECKSUM_FAILED})`;
  return null;
}

/** Turkish tax number (Vergi Kimlik No, 10 digits) with the Gelir İdaresi check digit. */
export function isValidVkn(value: string): boolean {
  return vknProblem(value) === null;
}

// ---------------------------------------------------------------------------
// IBAN (ISO 13616)
// ---------------------------------------------------------------------------

/** Total IBAN length per country (SWIFT IBAN registry); others get the generic 15–34. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  TR: 26,
  DE: 22,
  GB: 22,
  FR: 27,
  NL: 18,
  IT: 27,
  ES: 24,
  CH: 21,
  AT: 20,
  BE: 16,
};

/** TR: 5-digit bank code, 1 reserved digit that is always 0, 16-character account number. */
const TR_BBAN = /^\d{5}0[0-9A-Z]{16}$/;

/** Upper-case, without spaces (or any other whitespace): the form IBANs are stored in. */
export function normaliseIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 MOD 97-10 over the rearranged IBAN, digit by digit so no big numbers are needed. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    // '0'–'9' stay digits; 'A'–'Z' become 10–35.
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

/**
 * Why an IBAN is not acceptable, as a Turkish sentence for the user; null when
 * it is valid. The value is normalised first (spaces removed, upper-cased).
 */
export function ibanProblem(value: string): string | null {
  const iban = normaliseIban(value);
  if (iban === '') return 'IBAN boş olamaz';
  if (!/^[0-9A-Z]+$/.test(iban)) return 'IBAN yalnızca harf ve rakamlardan oluşmalı';
  if (!/^[A-Z]{2}\d{2}/.test(iban))
    return 'IBAN iki harfli ülke kodu ve iki haneli denetim numarasıyla başlamalı (ör. TR12…)';
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected !== undefined && iban.length !== expected) return `${country} IBAN'ı ${expected} karakter olmalı`;
  if (expected === undefined && (iban.length < 15 || iban.length > 34))
    return 'IBAN 15 ile 34 karakter arasında olmalı';
  if (country === 'TR' && !TR_BBAN.test(iban.slice(4))) {
    return "TR IBAN'ında ülke kodu ve denetim hanelerinden sonra 5 haneli banka kodu ve 0 gelmeli";
  }
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98 || ibanRemainder(iban) !== 1) {
    return `"${formatIban(iban)}" geçerli bir IBAN değil (${CHECKSUM_FAILED})`;
  }
  return null;
}

/** ISO 13616 IBAN: country length (where known) and the mod-97 check digits. */
export function isValidIban(value: string): boolean {
  return ibanProblem(value) === null;
}

/** Normalised and in groups of 4, the way it is printed: "TR33 0006 1005 1978 6457 8413 26". */
export function formatIban(value: string): string {
  return normaliseIban(value).replace(/(.{4})(?=.)/g, '$1 ');
}

// ---------------------------------------------------------------------------
// Contract schemas
// ---------------------------------------------------------------------------

function problemCheck(problem: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx<string>): void => {
    const message = problem(value);
    if (message !== null) ctx.addIssue({ code: 'custom', message, input: value });
  };
}

/** A T.C. Kimlik No, trimmed; the error says whether the length/characters or the check digits are wrong. */
export const tcknSchema = z.string().trim().superRefine(problemCheck(tcknProblem));

/** A Vergi Kimlik No, trimmed; the error says whether the length/characters or the check digit is wrong. */
export const vknSchema = z.string().trim().superRefine(problemCheck(vknProblem));

/** An IBAN, normalised to upper case without spaces (the stored form). */
export const ibanSchema = z.string().trim().overwrite(normaliseIban).superRefine(problemCheck(ibanProblem));
