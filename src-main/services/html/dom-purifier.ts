/**
 * DOMPurify on a jsdom window, shared by the note and mail sanitisers.
 *
 * Every sanitize parses into a new jsdom Document, and each Document's selector engine adds its event listeners to
 * the window for good: on one window the listener list grows with every call (a leak, and addEventListener scans the
 * list, so each call gets slower than the last: measured 7 → 11 ms per note over 3,000 notes). A fresh window every
 * `usesPerWindow` calls keeps the list short; the old one, and every document it held, goes to the garbage collector.
 * Creating a window costs far more than one sanitize, hence not a window per call.
 */
import { createRequire } from 'node:module';
import type createDOMPurifyFn from 'dompurify';
import type { Config, DOMPurify, WindowLike } from 'dompurify';
import type * as Jsdom from 'jsdom';

// jsdom takes over a second to load: it is required on the first sanitise, not at every start of the app and CLI.
const require = createRequire(import.meta.url);

export interface PurifierWindow {
  purify: DOMPurify;
  document: Document;
}

export function domPurifier(options: { config?: Config; usesPerWindow?: number }): () => PurifierWindow {
  const usesPerWindow = options.usesPerWindow ?? 150;
  let current: (PurifierWindow & { close(): void; uses: number }) | undefined;
  return () => {
    if (current && current.uses < usesPerWindow) {
      current.uses++;
      return current;
    }
    current?.close();
    const { JSDOM } = require('jsdom') as typeof Jsdom;
    const createDOMPurify = require('dompurify') as typeof createDOMPurifyFn;
    const { window } = new JSDOM('');
    const purify = createDOMPurify(window as unknown as WindowLike);
    // Links open outside the app and tell the site nothing about where they came from.
    purify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A') return;
      const link = node as Element;
      if (!link.hasAttribute('href')) return;
      link.setAttribute('rel', 'noopener noreferrer');
      link.setAttribute('target', '_blank');
    });
    // Read once per window, not once per call.
    if (options.config) purify.setConfig(options.config);
    current = { purify, document: window.document, close: () => window.close(), uses: 1 };
    return current;
  };
}
