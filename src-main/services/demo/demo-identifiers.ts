import { isValidTckn, isValidVkn } from '../../../src-shared/domain/tr-identifiers';
import type { Random } from './random';

const digits = (rng: Random, n: number, firstNonZero = false) =>
  Array.from({ length: n }, (_, i) => String(rng.int(firstNonZero && i === 0 ? 1 : 0, 9))).join('');

/** A made-up VKN that passes the checksum: the one check digit that fits nine random digits. */
export function demoVkn(rng: Random): string {
  const nine = digits(rng, 9);
  for (let d = 0; d <= 9; d++) if (isValidVkn(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error(`no VKN check digit for ${nine}`);
}

/** A made-up T.C. Kimlik No that passes the checksum (the two check digits that fit). */
export function demoTckn(rng: Random): string {
  const nine = digits(rng, 9, true);
  for (let d = 0; d <= 99; d++) {
    const candidate = `${nine}${String(d).padStart(2, '0')}`;
    if (isValidTckn(candidate)) return candidate;
  }
  throw new Error(`no TCKN check digits for ${nine}`);
}

/** A birth date between 1955 and 2003 (working age in the demo's year). */
export function demoBirthDate(rng: Random): string {
  const year = rng.int(1955, 2003);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
