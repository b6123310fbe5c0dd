import { memo, useEffect, useRef, useState } from 'react';
import type { RunRange } from './pdf-find';
import { CSS_UNITS, TextLayer, type PDFDocumentProxy, type TextContent } from './pdfjs';
import classes from './PdfViewer.module.css';

export interface PageHighlight {
  /** The match's place in the whole document's list (to mark the selected one). */
  index: number;
  ranges: RunRange[];
}

export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  number: number;
  /** Zoom: 1 is the paper's real size. */
  zoom: number;
  /** The page's size in points (estimated from page 1 until the page itself is loaded). */
  size: { width: number; height: number };
  /** Near the visible part of the document: drawn. Pages far away keep only their empty frame. */
  near: boolean;
  textOf: (page: number) => Promise<TextContent>;
  highlights: PageHighlight[];
  selected: number | null;
  /** Changes each time the user moves to a match: the selected one is then scrolled into view. */
  selectToken: number;
  onSize: (page: number, width: number, height: number) => void;
}

/** One page: canvas drawn by pdf.js at the screen's pixel density, the text layer over it, find matches marked. */
export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { pdf, number, zoom, size, near, textOf, onSize } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [textLayer, setTextLayer] = useState<TextLayer | null>(null);
  const scale = zoom * CSS_UNITS;

  useEffect(() => {
    if (!near) return;
    let live = true;
    let cancelDraw: (() => void) | null = null;
    let layer: TextLayer | null = null;
    void (async () => {
      try {
        const page = await pdf.getPage(number);
        if (!live) return;
        const natural = page.getViewport({ scale: 1 });
        onSize(number, natural.width, natural.height);
        const viewport = page.getViewport({ scale });
        const canvas = canvasRef.current;
        const container = textRef.current;
        if (!canvas || !container) return;
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        const task = page.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        });
        cancelDraw = () => task.cancel();
        const text = await textOf(number);
        if (!live) return;
        container.replaceChildren();
        layer = new TextLayer({ textContentSource: text, container, viewport });
        await layer.render();
        if (live) setTextLayer(layer);
        await task.promise;
      } catch {
        // A cancelled draw (scrolled away, zoomed) is expected; a broken page stays an empty frame.
      }
    })();
    return () => {
      live = false;
      cancelDraw?.();
      layer?.cancel();
      setTextLayer(null);
    };
  }, [pdf, number, scale, near, textOf, onSize]);

  useHighlights(textLayer, props.highlights, props.selected, props.selectToken);

  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return (
    <div
      className={classes.page}
      data-page-number={number}
      data-rendered={textLayer ? 'true' : undefined}
      style={{ width, height, ['--total-scale-factor' as string]: scale, ['--scale-factor' as string]: scale }}
    >
      {near ? (
        <>
          <canvas ref={canvasRef} className={classes.canvas} style={{ width, height }} />
          <div ref={textRef} className={classes.textLayer} />
        </>
      ) : (
        <span className={classes.pageNumber}>{number}</span>
      )}
    </div>
  );
});

/**
 * Scrolls only the pages' own box so the match sits in its middle (scrollIntoView
 * would also scroll the app around it and push the page's header out of sight).
 */
function bringIntoView(element: HTMLElement) {
  const box = element.closest<HTMLElement>('[data-pdf-scroller]');
  if (!box) return;
  const area = box.getBoundingClientRect();
  const spot = element.getBoundingClientRect();
  box.scrollTop += spot.top + spot.height / 2 - (area.top + box.clientHeight / 2);
  if (spot.left < area.left || spot.right > area.left + box.clientWidth)
    box.scrollLeft += spot.left + spot.width / 2 - (area.left + box.clientWidth / 2);
}

/** Marks the matches inside the text layer's spans, like pdf.js's own viewer; the selected one is brought into view. */
function useHighlights(layer: TextLayer | null, highlights: PageHighlight[], selected: number | null, token: number) {
  const scrolledFor = useRef(-1);
  useEffect(() => {
    if (!layer) return;
    const divs = layer.textDivs;
    const texts = layer.textContentItemsStr;
    const byRun = new Map<number, { start: number; end: number; index: number }[]>();
    for (const highlight of highlights)
      for (const range of highlight.ranges) {
        const list = byRun.get(range.run) ?? [];
        list.push({ start: range.start, end: range.end, index: highlight.index });
        byRun.set(range.run, list);
      }
    let selectedSpan: HTMLElement | null = null;
    for (const [run, ranges] of byRun) {
      const div = divs[run];
      const text = texts[run];
      if (!div || text === undefined) continue;
      ranges.sort((a, b) => a.start - b.start);
      div.replaceChildren();
      let at = 0;
      for (const range of ranges) {
        if (range.start > at) div.append(text.slice(at, range.start));
        const mark = document.createElement('span');
        mark.className = classes.highlight!;
        if (range.index === selected) {
          mark.classList.add(classes.selected!);
          mark.dataset.selected = 'true';
          selectedSpan ??= mark;
        }
        mark.textContent = text.slice(Math.max(at, range.start), range.end);
        div.append(mark);
        at = Math.max(at, range.end);
      }
      if (at < text.length) div.append(text.slice(at));
    }
    if (selectedSpan && scrolledFor.current !== token) {
      scrolledFor.current = token;
      bringIntoView(selectedSpan);
    }
    return () => {
      for (const run of byRun.keys()) {
        const div = divs[run];
        if (div) div.textContent = texts[run] ?? '';
      }
    };
  }, [layer, highlights, selected, token]);
}
