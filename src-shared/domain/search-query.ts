import { foldForSearch } from './turkish-text';

/** One thing the user asked for: a word (matched as a prefix) or a "quoted phrase" (exact words in order). */
export interface SearchTerm {
  /** Folded words, as the tokenizer splits them. */
  words: string[];
  phrase: boolean;
}

export interface ParsedQuery {
  /** Every one must match. */
  include: SearchTerm[];
  /** None may match. */
  exclude: SearchTerm[];
}

/**
 * Reads what a person types: words, "quoted phrases", `-word` and `-"phrase"`
 * exclusions, all folded with the same function as the index. A word that the
 * tokenizer splits (Ak-Sa, e-posta) becomes several words that must all match.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const parsed: ParsedQuery = { include: [], exclude: [] };
  const re = /(-?)"([^"]*)"|(-?)(\S+)/g;
  for (const m of input.matchAll(re)) {
    const negated = (m[1] ?? m[3]) === '-';
    const isPhrase = m[2] !== undefined;
    const words = splitWords(isPhrase ? m[2]! : m[4]!);
    if (words.length === 0) continue;
    const terms = isPhrase ? [{ words, phrase: true }] : words.map((w) => ({ words: [w], phrase: false }));
    (negated ? parsed.exclude : parsed.include).push(...(negated && !isPhrase ? [{ words, phrase: false }] : terms));
  }
  return parsed;
}

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
  const { include, exclude } = parseSearchQuery(input);
  if (include.length === 0) return null;
  const positive = include.map(ftsTerm).join(' ');
  return exclude.length ? `${positive} NOT (${exclude.map(ftsTerm).join(' OR ')})` : positive;
}

function ftsTerm(term: SearchTerm): string {
  return term.phrase ? `"${term.words.join(' ')}"` : term.words.map((w) => `"${w}"*`).join(' ');
}

/** Folded words as FTS5's unicode61 tokenizer would split them. */
export function splitWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether a folded token is one the query asked for (for highlighting):
 * a prefix of a word, or exactly one of a phrase's words.
 */
export function tokenMatches(token: string, terms: readonly SearchTerm[]): boolean {
  return terms.some((t) => (t.phrase ? t.words.includes(token) : t.words.some((w) => token.startsWith(w))));
}
