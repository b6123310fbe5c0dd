/**
 * The keys under which two names count as "the same name" for duplicate detection.
 * Computed in JS (one pass over the live cards' names) because SQLite cannot fold
 * Turkish ı, and because stripping legal forms from a title is word work.
 */
import { foldForSearch } from '../../../src-shared/domain/turkish-text';

/** Folded, punctuation gone, one space between words: "  AYŞE  Kaya-Işık " → "ayse kaya isik". */
function words(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function personNameKey(firstName: string, lastName: string): string {
  return words(`${firstName} ${lastName}`).join(' ');
}

/** Abbreviated legal forms written with dots and spaces in many ways, made one word before splitting. */
const DOTTED_FORMS: [RegExp, string][] = [
  [/\bt\s*\.\s*a\s*\.\s*s\b\.?/g, ' tas '],
  [/\ba\s*\.\s*s\b\.?/g, ' as '],
  [/\bltd\s*\.?\s*sti\b\.?/g, ' ltd sti '],
];

/**
 * Words of the legal form and its customary tail (A.Ş., Ltd. Şti., Limited Şirketi,
 * San. ve Tic., İth. İhr. …): "Kaya Gıda San. ve Tic. A.Ş." and "KAYA GIDA LTD. ŞTİ."
 * are the same firm to a person, so only the words before them make the key.
 */
const LEGAL_WORDS = new Set([
  'as',
  'tas',
  'anonim',
  'ltd',
  'sti',
  'limited',
  'sirketi',
  'sirket',
  'san',
  'sanayi',
  'sanayii',
  've',
  'tic',
  'ticaret',
  'ith',
  'ihr',
  'ithalat',
  'ihracat',
  'ic',
  'dis',
  'paz',
  'pazarlama',
  'koll',
  'kollektif',
  'kom',
  'komandit',
  'co',
  'inc',
  'llc',
  'gmbh',
]);

export function institutionNameKey(title: string): string {
  let folded = foldForSearch(title);
  for (const [pattern, replacement] of DOTTED_FORMS) folded = folded.replace(pattern, replacement);
  const all = words(folded);
  let end = all.length;
  while (end > 0 && LEGAL_WORDS.has(all[end - 1]!)) end--;
  // A title that is nothing but a legal form keeps its words: better than one key for all of them.
  return (end > 0 ? all.slice(0, end) : all).join(' ');
}
