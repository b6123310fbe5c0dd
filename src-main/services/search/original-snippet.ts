import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { tokenMatches, type SearchTerm } from '../../../src-shared/domain/search-query';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../src-shared/contract/search';

const WORDS_BEFORE = 6;
const WORDS_AFTER = 14;
/** Words with what joins them inside e-mail addresses, numbers and dates (as snippets.ts). */
const CHUNK = /[\p{L}\p{N}]+(?:[.,@/:'-][\p{L}\p{N}]+)*/gu;
const WORD = /[\p{L}\p{N}]+/gu;

const matches = (word: string, include: readonly SearchTerm[]) => tokenMatches(foldForSearch(word), include);

/**
 * A snippet in the text as it was written ("Sözleşme", not the index's folded
 * "sozlesme"): the first chunk of the page holding an asked-for word, with words
 * around it and the matching words marked. Folds word by word while it reads, so
 * a page costs a scan up to the match and a few words more. Null when no word of
 * the page matches (the caller falls back to the folded snippet).
 */
export function originalSnippet(page: string, include: readonly SearchTerm[]): string | null {
  const chunks: string[] = [];
  let hit = -1;
  for (const m of page.matchAll(CHUNK)) {
    chunks.push(m[0]);
    if (hit === -1 && (m[0].match(WORD) ?? []).some((w) => matches(w, include))) hit = chunks.length - 1;
    if (hit !== -1 && chunks.length > hit + WORDS_AFTER) break;
    // Only the last few chunks before a match are ever shown.
    if (hit === -1 && chunks.length > WORDS_BEFORE * 4) chunks.splice(0, chunks.length - WORDS_BEFORE);
  }
  if (hit === -1) return null;
  const from = Math.max(0, hit - WORDS_BEFORE);
  const shown = chunks.slice(from, hit + WORDS_AFTER + 1);
  const marked = shown.map((chunk) =>
    chunk.replace(WORD, (w) => (matches(w, include) ? `${SNIPPET_OPEN}${w}${SNIPPET_CLOSE}` : w)),
  );
  const cutBefore = from > 0 || page.indexOf(shown[0]!) > 0;
  const cutAfter = chunks.length > hit + WORDS_AFTER + 1;
  return `${cutBefore ? '… ' : ''}${marked.join(' ')}${cutAfter ? ' …' : ''}`;
}
