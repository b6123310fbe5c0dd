import { tokenMatches, type SearchTerm } from '../../../src-shared/domain/search-query';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../src-shared/contract/search';
import { PAGE_BREAK } from './search-index';

/** Words shown before and after the first match. */
const WORDS_BEFORE = 6;
const WORDS_AFTER = 14;

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

/**
 * Where the first word starting with `prefix` (or equal to it, for a phrase word)
 * begins in folded text, or -1. Native indexOf finds candidates, so a long body
 * costs a scan up to the match and no more.
 */
export function firstWordAt(text: string, word: string, exact: boolean, from = 0): number {
  for (let at = text.indexOf(word, from); at !== -1; at = text.indexOf(word, at + 1)) {
    if (isWordChar(text[at - 1])) continue;
    if (exact && isWordChar(text[at + word.length])) continue;
    return at;
  }
  return -1;
}

/** Whether a term occurs in folded text (a phrase: all of its words, enough for choosing where to look). */
export function termIn(text: string, term: SearchTerm): boolean {
  return term.words.every((w) => firstWordAt(text, w, term.phrase) !== -1);
}

/** The first place in the body where a term the name does not explain occurs; -1 when the name explains them all. */
export function firstBodyMatch(title: string, body: string, include: readonly SearchTerm[]): number {
  const unexplained = include.filter((t) => !termIn(title, t));
  let best = -1;
  for (const term of unexplained) {
    // A phrase is usually written with single spaces in folded text; else its first word is near enough.
    const whole = term.phrase ? firstWordAt(body, term.words.join(' '), true) : -1;
    const at = whole !== -1 ? whole : firstWordAt(body, term.words[0]!, term.phrase);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best;
}

/**
 * The 1-based page of a position in a document's body: the body is the name's
 * body text (none for documents) followed by each page after a PAGE_BREAK, so
 * the number of breaks before the position is the page. 0 breaks: not in a page.
 */
export function pageAt(body: string, position: number): number | null {
  let breaks = 0;
  for (let at = body.indexOf(PAGE_BREAK); at !== -1 && at < position; at = body.indexOf(PAGE_BREAK, at + 1)) breaks++;
  return breaks > 0 ? breaks : null;
}

/**
 * A few words of folded text around `position`, kept inside its page, with every
 * word the query asked for wrapped in the snippet markers (never HTML).
 */
export function snippetAt(body: string, position: number, include: readonly SearchTerm[]): string {
  const pageStart = body.lastIndexOf(PAGE_BREAK, position) + 1;
  const nextBreak = body.indexOf(PAGE_BREAK, position);
  const pageEnd = nextBreak === -1 ? body.length : nextBreak;
  // Enough characters either side for the words wanted, without splitting a huge page into words.
  let from = Math.max(pageStart, position - WORDS_BEFORE * 16);
  while (from > pageStart && from < position && isWordChar(body[from - 1])) from++;
  let to = Math.min(pageEnd, position + WORDS_AFTER * 16);
  while (to < pageEnd && to > position && isWordChar(body[to])) to--;
  const before = wordsOf(body.slice(from, position));
  const after = wordsOf(body.slice(position, to));
  const shown = [...before.slice(-WORDS_BEFORE), ...after.slice(0, WORDS_AFTER)];
  const cutBefore = before.length > WORDS_BEFORE || from > pageStart;
  const cutAfter = after.length > WORDS_AFTER || to < pageEnd;
  const text = shown.map((w) => markWords(w, include)).join(' ');
  return `${cutBefore ? '… ' : ''}${text}${cutAfter ? ' …' : ''}`;
}

/** Wraps the asked-for words of a chunk (e-mail addresses and numbers are one chunk of several words). */
function markWords(chunk: string, include: readonly SearchTerm[]): string {
  return chunk.replace(/[\p{L}\p{N}]+/gu, (w) =>
    tokenMatches(w, include) ? `${SNIPPET_OPEN}${w}${SNIPPET_CLOSE}` : w,
  );
}

/**
 * Words with what joins them inside e-mail addresses, numbers and dates kept;
 * other punctuation (brackets included, so the markers stay unambiguous) dropped.
 */
function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:[.,@/:'-][\p{L}\p{N}]+)*/gu) ?? [];
}
