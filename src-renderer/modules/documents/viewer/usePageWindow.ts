import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Which pages are on screen: `current` (the one the reader is on) and the range
 * worth drawing (one screen above and below the visible part). Only those get a
 * canvas, so a 300-page file draws a handful of pages, not all of them.
 */
export function usePageWindow(scroller: React.RefObject<HTMLDivElement | null>, pageCount: number, layoutKey: unknown) {
  const [view, setView] = useState({ current: 1, from: 1, to: Math.min(pageCount, 3) });
  const frame = useRef(0);

  const measure = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const pages = box.querySelectorAll<HTMLElement>('[data-page-number]');
    const top = box.scrollTop;
    const bottom = top + box.clientHeight;
    // Pages are stacked in order: the first whose bottom passes a line is found by halving.
    const firstBelow = (line: number) => {
      let lo = 0;
      let hi = pages.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const page = pages[mid]!;
        if (page.offsetTop + page.offsetHeight < line) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // The page the reader is on: the one taking up most of the screen.
    let current = firstBelow(top) + 1;
    let most = 0;
    for (let i = current - 1; i < pages.length; i++) {
      const page = pages[i]!;
      if (page.offsetTop > bottom) break;
      const seen = Math.min(bottom, page.offsetTop + page.offsetHeight) - Math.max(top, page.offsetTop);
      if (seen > most) {
        most = seen;
        current = i + 1;
      }
    }
    const from = firstBelow(top - box.clientHeight) + 1;
    const to = Math.min(pageCount, firstBelow(bottom + box.clientHeight) + 1);
    setView((old) => (old.current === current && old.from === from && old.to === to ? old : { current, from, to }));
  }, [scroller, pageCount]);

  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const onScroll = () => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(measure);
    };
    box.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resize.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, [scroller, measure]);

  useLayoutEffect(measure, [measure, layoutKey]);

  const scrollToPage = useCallback(
    (page: number, fraction = 0) => {
      const box = scroller.current;
      const target = box?.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
      if (!box || !target) return;
      box.scrollTop = target.offsetTop - 8 + fraction * target.offsetHeight;
    },
    [scroller],
  );

  /** Where the reader is, to come back to the same spot after a zoom. */
  const position = useCallback((): { page: number; fraction: number } => {
    const box = scroller.current;
    const page = view.current;
    const target = box?.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
    if (!box || !target) return { page, fraction: 0 };
    return { page, fraction: (box.scrollTop + 8 - target.offsetTop) / target.offsetHeight };
  }, [scroller, view]);

  return { ...view, scrollToPage, position };
}
