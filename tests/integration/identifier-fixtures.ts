/**
 * Valid Turkish identifiers for tests, computed with the published rules and
 * independent of the app's own validators (so a bug there cannot hide itself).
 */

/** A valid TCKN from nine digits. */
export function tcknFrom(nine: string): string {
  const d = [...nine].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = (d.reduce((a, b) => a + b, 0) + tenth) % 10;
  return `${nine}${tenth}${eleventh}`;
}

/** A valid VKN from nine digits (Gelir İdaresi rule). */
export function vknFrom(nine: string): string {
  let sum = 0;
  [...nine].forEach((ch, i) => {
    const t = (Number(ch) + 10 - (i + 1)) % 10;
    sum += t === 9 ? 9 : (t * 2 ** (10 - (i + 1))) % 9;
  });
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

/** A valid Turkish IBAN for a 22-digit BBAN (ISO 13616 mod-97 check digits). */
export function ibanFrom(bban: string): string {
  const digits = `${bban}2927` + '00'; // "TR" = 29 27
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return `TR${String(98 - rest).padStart(2, '0')}${bban}`;
}
