import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { parseSearchQuery, type SearchTerm } from '../../../src-shared/domain/search-query';

/**
 * Above this many matching rows (over the whole index) for any one term, bm25
 * costs too much: it counts every row a term matches, in every type, on each
 * evaluation (measured: 12 ms for a word in 358k rows, 22 ms for a 2-letter
 * prefix in 757k), however few rows it then ranks. Such a query is ordered
 * without bm25 instead (see recentRanking).
 */
export const EXACT_RANKING_MAX_ROWS = 10_000;

/** More words than this under one prefix: the prefix is searched as such (FTS5 merges their lists itself). */
const MAX_EXPANDED_WORDS = 32;

/** Prefixes FTS5 keeps an index for (prefix='2 3' in migration 0001): no expansion needed. */
const INDEXED_PREFIX_MAX = 3;

export interface SearchPlan {
  /** The FTS5 expression: every include term, none of the excluded. */
  match: string;
  /** Every include term in the name (and none of the excluded anywhere). */
  allInTitle: string;
  /** At least one include term in the name; null when that is allInTitle (a single term). */
  someInTitle: string | null;
  /** Every term is rare enough for bm25 over all its matches. */
  exact: boolean;
}

interface PlannedTerm {
  fts: string;
  /** In EXACT_RANKING_MAX_ROWS rows or more. */
  common: boolean;
}

/**
 * Turns what a person typed into FTS5 expressions, as toFtsQuery would (every
 * word a prefix, "phrases" exact, -words excluded), with one difference: a
 * prefix longer than FTS5's prefix index becomes the OR of the words it stands
 * for. FTS5 would otherwise merge the lists of all those words over the whole
 * index on every evaluation (14–25 ms for "teklif"*), while single words seek
 * straight into one type's rowid range.
 * Null when nothing searchable is left.
 */
export function planSearch(db: Db, q: string): SearchPlan | null {
  const { include, exclude } = parseSearchQuery(q);
  if (include.length === 0) return null;
  const planned = include.map((t) => planTerm(db, t));
  const excluded = exclude.map((t) => planTerm(db, t));
  const not = excluded.length ? ` NOT (${excluded.map((t) => t.fts).join(' OR ')})` : '';
  const all = planned.map((t) => t.fts).join(' AND ');
  return {
    match: `(${all})${not}`,
    allInTitle: `({title} : (${all}))${not}`,
    someInTitle:
      planned.length > 1 ? `(${all}) AND ({title} : (${planned.map((t) => t.fts).join(' OR ')}))${not}` : null,
    exact: ![...planned, ...excluded].some((t) => t.common),
  };
}

function planTerm(db: Db, term: SearchTerm): PlannedTerm {
  // bm25 reads a phrase's words one by one (each word's rows, then their positions): a phrase
  // of common words is as costly as the words, however rarely they stand side by side.
  if (term.phrase)
    return { fts: quote(term.words.join(' ')), common: term.words.some((w) => measured(db, quote(w)).common) };
  // A -word the tokenizer splits (-Ak-Sa): all of its parts, as toFtsQuery.
  const parts = term.words.map((w) => planWord(db, w));
  if (parts.length === 1) return parts[0]!;
  return { fts: `(${parts.map((p) => p.fts).join(' AND ')})`, common: parts.some((p) => p.common) };
}

function planWord(db: Db, word: string): PlannedTerm {
  if ([...word].length > INDEXED_PREFIX_MAX) {
    const words = wordsStartingWith(db, word);
    if (words.length > 0 && words.length <= MAX_EXPANDED_WORDS)
      return measured(db, words.length === 1 ? quote(words[0]!) : `(${words.map(quote).join(' OR ')})`);
  }
  return measured(db, `${quote(word)}*`);
}

const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** The expression and whether it is common, its rows counted only up to the limit that decides (< 1 ms). */
function measured(db: Db, fts: string): PlannedTerm {
  const beyond = stmt(db, 'select 1 from search_fts where search_fts match ? limit 1 offset ?').get(
    fts,
    EXACT_RANKING_MAX_ROWS - 1,
  );
  return { fts, common: beyond !== undefined };
}

/**
 * The indexed words with this prefix, from FTS5's own vocabulary; one more than
 * allowed tells that there are too many. Read one word at a time, each lookup a
 * seek to the first word after the last: the `instance` view lists a word
 * without counting its rows first, as the `row` view does (8 ms for a word in
 * 358k rows, against 0.3 ms for the whole list this way).
 */
function wordsStartingWith(db: Db, prefix: string): string[] {
  ensureVocabulary(db.$client);
  const firstFrom = stmt(db, 'select term from temp.search_vocab where term >= ? and term < ? limit 1').pluck();
  const end = `${prefix}\u{10FFFF}`;
  const words: string[] = [];
  // The tokenizer never writes a control character: word + U+0001 sorts right after the word itself.
  for (let from = prefix; words.length <= MAX_EXPANDED_WORDS;) {
    const word = firstFrom.get(from, end) as string | undefined;
    if (word === undefined || !word.startsWith(prefix)) break;
    words.push(word);
    from = `${word}\u0001`;
  }
  return words;
}

const withVocabulary = new WeakSet<BetterSqlite3.Database>();

/** A view of search_fts's words for this connection only (temp: nothing stored, no schema change). */
function ensureVocabulary(sqlite: BetterSqlite3.Database): void {
  if (withVocabulary.has(sqlite)) return;
  sqlite.exec('create virtual table if not exists temp.search_vocab using fts5vocab(main, search_fts, instance)');
  withVocabulary.add(sqlite);
}
