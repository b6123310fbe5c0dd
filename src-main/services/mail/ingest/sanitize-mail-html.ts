/**
 * Mail HTML as it may be shown: DOMPurify (through jsdom, like notes) with a mail allow-list: layout and styling
 * stay, nothing can run (no scripts, event handlers, javascript: links, forms, frames, plugins, SVG/MathML) and
 * nothing loads: remote images are moved to data-remote-src and CSS url() values to data-remote-style /
 * data-remote-css (with `none` in their place), so the reader sees no tracking pixel until they allow remote
 * content (mail.get allowRemote fetches and inlines them). The renderer still shows it in a sandboxed frame.
 *
 * It runs when a mail is read (read/mail-html.ts), not when it is scanned: the stored HTML is the source, so a
 * better rule here protects old mail too, and a first scan of thousands of mails does no DOM work for the many
 * nobody opens. Sanitising its own output again gives the same output (mail stored before kept sanitised HTML).
 */
import type { Config } from 'dompurify';
import { domPurifier } from '../../html/dom-purifier';

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

/**
 * What this sanitiser itself writes to hold remote content back. They pass DOMPurify (no URI check: a style is
 * not a URI) only so that sanitising a sanitised mail again keeps its held-back images; the walk below never
 * trusts them: each is read as the src / style / sheet it stands for, checked like one, and written anew.
 */
const HELD = { src: 'data-remote-src', style: 'data-remote-style', css: 'data-remote-css' } as const;

const CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  RETURN_DOM: true,
  FORBID_TAGS: FORBIDDEN,
  FORBID_ATTR: FORBIDDEN_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URI,
  ADD_TAGS: ['style'],
  ADD_ATTR: Object.values(HELD),
  ADD_URI_SAFE_ATTR: Object.values(HELD),
};

// One window for many mails, replaced now and then (see dom-purifier.ts: jsdom leaks listeners per document).
const purifier = domPurifier({ config: CONFIG });

export interface SanitizedMail {
  /** A whole document (<html>…) for the reader's sandboxed frame; '' when nothing is left. */
  html: string;
  /** Remote images or styles were held back. */
  hasRemoteContent: boolean;
}

export function sanitizeMailHtml(dirty: string): SanitizedMail {
  // Nothing to show rather than a main process busy for seconds: the reader falls back to the mail's text.
  if (nestsDeeperThan(dirty, MAX_NESTING)) return { html: '', hasRemoteContent: false };
  const root = purifier().purify.sanitize(dirty) as unknown as HTMLElement | null;
  if (!root) return { html: '', hasRemoteContent: false };
  let remote = false;
  // One walk over the elements (jsdom's selector engine costs more than the rest of the work here).
  const elements = descendants(root);
  for (const element of elements) takeBackHeld(element);
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

/**
 * jsdom's parser walks every ancestor on each insert, so nesting is quadratic (6,000 levels took 5 s); ordinary
 * mail nests a few dozen levels, mailparser refuses more than 1,000 the same way.
 */
const MAX_NESTING = 1000;
/** Elements that never hold others, or are closed by the next of their kind: they add no depth. */
const FLAT_TAGS = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option'.split(' '),
);

/** A linear look at the tags (no parse): more than `max` elements open at once. */
export function nestsDeeperThan(html: string, max: number): boolean {
  const stack: string[] = [];
  // How many of each name are on the stack: a close tag of a name not open costs nothing, each pop happens once.
  const open = new Map<string, number>();
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,40})/g;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (FLAT_TAGS.has(name)) continue;
    if (m[1] === '') {
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
      if (stack.length > max) return true;
    } else if (open.get(name)) {
      for (let popped = stack.pop(); popped !== undefined; popped = stack.pop()) {
        open.set(popped, open.get(popped)! - 1);
        if (popped === name) break;
      }
    }
  }
  return false;
}

/**
 * Every element under root in document order, by walking the tree's links. Not `[...getElementsByTagName('*')]`:
 * jsdom reads a live collection's items through a proxy that is linear per item, so spreading one was quadratic
 * (3,000 styled paragraphs took 4 s, 8,000 took a minute), and this now runs in main when a mail is opened.
 */
function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let node: Element | null = root.firstElementChild;
  while (node) {
    out.push(node);
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    let up: Element | null = node;
    while (up && up !== root && !up.nextElementSibling) up = up.parentElement;
    node = up && up !== root ? up.nextElementSibling : null;
  }
  return out;
}

/**
 * A held-back value (from this sanitiser's earlier output, or forged by the sender) put back where it came from,
 * so the checks below judge it like any other src, style or sheet. An image's visible src wins; a held style or
 * sheet is the fuller form of the visible one (its url()s not yet replaced by `none`), so it wins.
 */
function takeBackHeld(element: Element): void {
  const src = element.getAttribute(HELD.src);
  const style = element.getAttribute(HELD.style);
  const css = element.getAttribute(HELD.css);
  if (src === null && style === null && css === null) return;
  element.removeAttribute(HELD.src);
  element.removeAttribute(HELD.style);
  element.removeAttribute(HELD.css);
  if (src !== null && element.localName === 'img' && !element.getAttribute('src')) element.setAttribute('src', src);
  if (style !== null) element.setAttribute('style', style);
  if (css !== null && element.localName === 'style') element.textContent = css;
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
