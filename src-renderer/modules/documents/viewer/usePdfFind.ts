import { useEffect, useRef, useState } from 'react';
import { findMatches, indexPage, type PageIndex, type PageMatch } from './pdf-find';
import type { PDFDocumentProxy, TextContent, TextItem } from './pdfjs';

const NONE: PageMatch[] = [];

/** The runs of a page's text content, in the order the text layer draws them. */
function runsOf(text: TextContent) {
  return text.items
    .filter((item): item is TextItem => 'str' in item)
    .map((item) => ({ str: item.str, hasEOL: item.hasEOL }));
}

/**
 * Find in the whole document: every page's text is read once (from the same
 * text content the text layer draws, so match positions fit its spans), folded,
 * and searched. `searching` while pages are still being read.
 */
export function usePdfFind(pdf: PDFDocumentProxy, textOf: (page: number) => Promise<TextContent>, query: string) {
  const indexes = useRef<PageIndex[]>([]);
  const [result, setResult] = useState<{ query: string; matches: PageMatch[] }>({ query: '', matches: NONE });
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    indexes.current = [];
  }, [pdf]);

  useEffect(() => {
    let live = true;
    if (!query.trim()) {
      setResult({ query, matches: NONE });
      setSearching(false);
      return;
    }
    setSearching(true);
    void (async () => {
      for (let page = indexes.current.length + 1; page <= pdf.numPages; page++) {
        const text = await textOf(page).catch(() => ({ items: [], styles: {}, lang: null }) as TextContent);
        if (!live) return;
        indexes.current[page - 1] = indexPage(runsOf(text));
      }
      setResult({ query, matches: findMatches(indexes.current, query) });
      setSearching(false);
    })();
    return () => {
      live = false;
    };
  }, [pdf, textOf, query]);

  return { matches: result.query === query ? result.matches : NONE, searching };
}
