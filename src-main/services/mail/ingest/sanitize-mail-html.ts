/**
 * Mail HTML as it may be shown: DOMPurify (through jsdom, like notes) with a mail allow-list: layout and styling
 * stay, nothing can run (no scripts, event handlers, javascript: links, forms, frames, plugins, SVG/MathML) and
 * nothing loads: remote images are moved to data-remote-src and CSS url() values to data-remote-style /
 * data-remote-css (with `none` in their place), so the reader sees no tracking pixel until they allow remote
 * content (mail.get allowRemote fetches and inlines them). The renderer still shows it in a sandboxed frame.
 */
import { createRequire } from 'node:module';
import type createDOMPurifyFn from 'dompurify';
import type { DOMPurify, WindowLike } from 'dompurify';
import type * as Jsdom from 'jsdom';

// jsdom takes over a second to load: required on the first mail, not at every start.
const require = createRequire(import.meta.url);

const FORBIDDEN = [
  'script',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'portal',
  'template',
  'dialog',
];
const FORBIDDEN_ATTR = ['srcset', 'background', 'poster', 'action', 'formaction', 'ping', 'lowsrc', 'dynsrc'];
/** Links people may follow; images may also be data: (inlined cid: parts) — DOMPurify allows data: on img itself. */
const SAFE_URI = /^(?:https?:|mailto:|tel:|#|\/\/)/i;
const REMOTE = /^(?:https?:)?\/\//i;
/**
 * One url() value, bounded: a value never runs past a quote, bracket or line end and never past 4 KB, so a style
 * of megabytes of "url(" costs one short look per occurrence (an unbounded lazy match was quadratic: 60 s for
 * 320 KB). Groups: 1 double-quoted, 2 single-quoted, 3 bare value.
 */
export const CSS_URL =
  /url\([ \t]{0,20}(?:"([^"\r\n]{0,4096})"|'([^'\r\n]{0,4096})'|([^'"()\s]{0,4096}))[ \t]{0,20}\)/gi;
/** A style attribute longer than this is dropped whole, a style sheet longer than MAX_SHEET_CHARS emptied. */
const MAX_STYLE_CHARS = 64 * 1024;
const MAX_SHEET_CHARS = 1024 * 1024;
/**
 * Declarations and rules that could load something the url() check cannot see: CSS escapes (`\75rl(`,
 * `@\69mport`), image-set() (takes bare strings as URLs), @import (with or without url()) and IE's expression().
 * They are dropped, not held back: no ordinary mail needs them.
 */
const UNSAFE_CSS = /\\|image-set[ \t]*\(|@import|expression[ \t]*\(/i;

const CONFIG = {
  WHOLE_DOCUMENT: true,
  RETURN_DOM: true,
  FORBID_TAGS: FORBIDDEN,
  FORBID_ATTR: FORBIDDEN_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URI,
  ADD_TAGS: ['style'],
};

/**
 * Every sanitize parses into a new jsdom Document, and each Document's selector engine adds its event listeners to
 * the window for good: on one window the listener list grows with every mail (a leak, and addEventListener scans
 * the list, so a first scan of thousands of HTML mails slowed down quadratically). A fresh window every few dozen
 * mails keeps the list short; the old one, and every document it held, is left to the garbage collector.
 */
const SANITIZES_PER_WINDOW = 150;

interface Purifier {
  purify: DOMPurify;
  window: { close(): void };
  uses: number;
}
let shared: Purifier | undefined;

function purifier(): Purifier {
  if (shared && shared.uses < SANITIZES_PER_WINDOW) return shared;
  shared?.window.close();
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const createDOMPurify = require('dompurify') as typeof createDOMPurifyFn;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window as unknown as WindowLike);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const link = node as Element;
    if (!link.hasAttribute('href')) return;
    link.setAttribute('rel', 'noopener noreferrer');
    link.setAttribute('target', '_blank');
  });
  // Read once per window, not once per mail.
  purify.setConfig(CONFIG);
  shared = { purify, window, uses: 0 };
  return shared;
}

export interface SanitizedMail {
  /** A whole document (<html>…) for the reader's sandboxed frame; '' when nothing is left. */
  html: string;
  /** Remote images or styles were held back. */
  hasRemoteContent: boolean;
}

export function sanitizeMailHtml(dirty: string): SanitizedMail {
  const current = purifier();
  current.uses++;
  const root = current.purify.sanitize(dirty) as unknown as HTMLElement;
  let remote = false;
  // One walk over the elements (jsdom's selector engine costs more than the rest of the work here).
  const elements = [...root.getElementsByTagName('*')];
  for (const img of elements) {
    if (img.localName !== 'img') continue;
    const src = img.getAttribute('src') ?? '';
    if (REMOTE.test(src)) {
      img.setAttribute('data-remote-src', src.startsWith('//') ? `https:${src}` : src);
      img.removeAttribute('src');
      remote = true;
    } else if (src !== '' && !/^data:image\//i.test(src)) {
      img.removeAttribute('src'); // cid: parts too large to inline, relative paths: nothing to show
    }
  }
  for (const element of elements) {
    if (!element.hasAttribute('style')) continue;
    const style = element.getAttribute('style') ?? '';
    const safe = style.length > MAX_STYLE_CHARS ? '' : dropUnsafeCss(style);
    const held = holdUrls(safe);
    if (held === style) continue;
    if (held !== safe) {
      element.setAttribute('data-remote-style', safe);
      remote = true;
    }
    if (held.trim() === '') element.removeAttribute('style');
    else element.setAttribute('style', held);
  }
  for (const sheet of elements) {
    if (sheet.localName !== 'style') continue;
    const css = sheet.textContent ?? '';
    const safe = css.length > MAX_SHEET_CHARS ? '' : dropUnsafeCss(css);
    const held = holdUrls(safe);
    if (held === css) continue;
    if (held !== safe) {
      sheet.setAttribute('data-remote-css', safe);
      remote = true;
    }
    sheet.textContent = held;
  }
  const body = elements.find((e) => e.localName === 'body');
  const empty = !body || ((body.textContent ?? '').trim() === '' && body.getElementsByTagName('img').length === 0);
  return { html: empty ? '' : root.outerHTML, hasRemoteContent: remote };
}

/** The URL of a CSS_URL match. */
export function urlOf(match: readonly (string | undefined)[]): string {
  return (match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/**
 * CSS without the UNSAFE_CSS pieces: cut at ; { } (linear, no pattern spans a piece), a piece naming one is left
 * out. A url() that is not well-formed (never closed, too long) is left out the same way: it could not be held.
 */
export function dropUnsafeCss(css: string): string {
  const pieces = css.split(/([;{}])/);
  let changed = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    if (!UNSAFE_CSS.test(piece) && !hasLooseUrl(piece)) continue;
    pieces[i] = '';
    changed = true;
  }
  return changed ? pieces.join('') : css;
}

/** A "url(" left over once every well-formed url() is taken out. */
function hasLooseUrl(piece: string): boolean {
  if (!/url\(/i.test(piece)) return false;
  return /url\(/i.test(piece.replace(CSS_URL, ''));
}

/** CSS with every url() but data: ones replaced by `none`. */
function holdUrls(css: string): string {
  return css.replace(CSS_URL, (whole, ...groups: (string | undefined)[]) =>
    /^data:image\//i.test(urlOf([whole, ...groups])) ? whole : 'none',
  );
}
