import { foldForSearch } from '../../../../src-shared/domain/turkish-text';

/** One text item of a page as pdf.js gives it (the text layer draws one span per item, in this order). */
export interface TextRun {
  str: string;
  hasEOL: boolean;
}

/**
 * A page's text folded for search, with the way back: for every UTF-16 unit of
 * `folded`, the run and offset of the original character it came from (run -1:
 * a space put between lines). Folding may change lengths (ß → ss, a combining
 * dot disappears), so positions cannot be reused as they are.
 */
export interface PageIndex {
  folded: string;
  run: Int32Array;
  offset: Int32Array;
  width: Int32Array;
}

/** Part of a match inside one run: characters [start, end) of its string. */
export interface RunRange {
  run: number;
  start: number;
  end: number;
}

export interface PageMatch {
  /** 1-based page number. */
  page: number;
  ranges: RunRange[];
}

export function indexPage(runs: TextRun[]): PageIndex {
  let folded = '';
  const run: number[] = [];
  const offset: number[] = [];
  const width: number[] = [];
  const push = (text: string, r: number, at: number, w: number) => {
    for (let k = 0; k < text.length; k++) {
      run.push(r);
      offset.push(at);
      width.push(w);
    }
    folded += text;
  };
  runs.forEach((item, r) => {
    let at = 0;
    for (const ch of item.str) {
      if (/\s/.test(ch)) {
        // Whitespace runs collapse to one space, as foldForSearch does with the query.
        if (folded && !folded.endsWith(' ')) push(' ', r, at, ch.length);
      } else {
        push(foldForSearch(ch), r, at, ch.length);
      }
      at += ch.length;
    }
    if (item.hasEOL && folded && !folded.endsWith(' ')) push(' ', -1, 0, 0);
  });
  return { folded, run: Int32Array.from(run), offset: Int32Array.from(offset), width: Int32Array.from(width) };
}

/**
 * What to look for: the folded phrase, and its words for when the phrase itself
 * is not there. A query from global search may carry its syntax ("quotes",
 * -exclusions), which means nothing inside one document.
 */
export function findTerms(query: string): { phrase: string; words: string[] } {
  const words = query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !word.startsWith('-'))
    .map(foldForSearch)
    .filter(Boolean);
  return { phrase: words.join(' '), words: [...new Set(words)] };
}

function occurrences(text: string, term: string): [number, number][] {
  const found: [number, number][] = [];
  if (!term) return found;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length))
    found.push([at, at + term.length]);
  return found;
}

/** Folded [start, end) back to ranges of the original runs (separator spaces between lines have none). */
function toRanges(index: PageIndex, start: number, end: number): RunRange[] {
  const ranges: RunRange[] = [];
  for (let i = start; i < end; i++) {
    const r = index.run[i]!;
    if (r < 0) continue;
    const from = index.offset[i]!;
    const to = from + index.width[i]!;
    const last = ranges[ranges.length - 1];
    if (last && last.run === r) {
      last.start = Math.min(last.start, from);
      last.end = Math.max(last.end, to);
    } else ranges.push({ run: r, start: from, end: to });
  }
  return ranges;
}

/**
 * Every match of the query in the pages, in reading order. The phrase first;
 * when a query of several words has no phrase match anywhere, each word is
 * looked for on its own (as search found the document by its words, not the phrase).
 */
export function findMatches(pages: PageIndex[], query: string): PageMatch[] {
  const { phrase, words } = findTerms(query);
  if (!phrase) return [];
  const collect = (terms: string[]) =>
    pages.flatMap((index, p) =>
      terms
        .flatMap((term) => occurrences(index.folded, term))
        .sort((a, b) => a[0] - b[0])
        .filter((match, i, all) => i === 0 || match[0] >= all[i - 1]![1])
        .map(([start, end]) => ({ page: p + 1, ranges: toRanges(index, start, end) })),
    );
  const exact = collect([phrase]);
  return exact.length > 0 || words.length < 2 ? exact : collect(words);
}
