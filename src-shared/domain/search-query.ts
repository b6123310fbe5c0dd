import { foldForSearch } from './turkish-text';

/**
 * Turns what a person types into an FTS5 MATCH expression over folded text.
 *
 * - every word must match (AND), each as a prefix: `müşt` finds "Müşteri";
 * - "quoted words" match as a phrase;
 * - `-word` excludes.
 * Everything is folded with the same function as the index, and every term is
 * quoted so that FTS5 operators typed by the user (NEAR, OR, *, :) stay plain text.
 * Returns null when nothing searchable is left (e.g. only punctuation).
 */
export function toFtsQuery(input: string): string | null {
  const include: string[] = [];
  const exclude: string[] = [];
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (const m of input.matchAll(re)) {
    const negated = (m[1] ?? m[3]) === '-';
    const isPhrase = m[2] !== undefined;
    const words = splitWords(isPhrase ? m[2]! : m[4]!);
    if (words.length === 0) continue;
    const term = isPhrase ? `"${words.join(' ')}"` : words.map((w) => `"${w}"*`).join(' ');
    (negated ? exclude : include).push(term);
  }
  if (include.length === 0) return null;
  const positive = include.join(' ');
  return exclude.length ? `${positive} NOT (${exclude.join(' OR ')})` : positive;
}

/** Folded words as FTS5's unicode61 tokenizer would split them. */
export function splitWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
