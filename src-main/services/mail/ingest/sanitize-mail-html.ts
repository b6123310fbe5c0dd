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
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;
const CSS_IMPORT = /@import[^;]*;?/gi;

interface Purifier {
  purify: DOMPurify;
}
let shared: Purifier | undefined;

function purifier(): Purifier {
  if (shared) return shared;
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
  shared = { purify };
  return shared;
}

export interface SanitizedMail {
  /** A whole document (<html>…) for the reader's sandboxed frame; '' when nothing is left. */
  html: string;
  /** Remote images or styles were held back. */
  hasRemoteContent: boolean;
}

export function sanitizeMailHtml(dirty: string): SanitizedMail {
  const { purify } = purifier();
  const root = purify.sanitize(dirty, {
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    FORBID_TAGS: FORBIDDEN,
    FORBID_ATTR: FORBIDDEN_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_URI,
    ADD_TAGS: ['style'],
  }) as HTMLElement;
  let remote = false;
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (REMOTE.test(src)) {
      img.setAttribute('data-remote-src', src.startsWith('//') ? `https:${src}` : src);
      img.removeAttribute('src');
      remote = true;
    } else if (src !== '' && !/^data:image\//i.test(src)) {
      img.removeAttribute('src'); // cid: parts too large to inline, relative paths: nothing to show
    }
  }
  for (const element of root.querySelectorAll('[style]')) {
    const style = element.getAttribute('style') ?? '';
    const held = holdCss(style);
    if (held === style) continue;
    if (/url\(/i.test(style)) element.setAttribute('data-remote-style', style);
    element.setAttribute('style', held);
    remote = true;
  }
  for (const sheet of root.querySelectorAll('style')) {
    const css = sheet.textContent ?? '';
    const held = holdCss(css);
    if (held === css) continue;
    sheet.setAttribute('data-remote-css', css.replace(CSS_IMPORT, ''));
    sheet.textContent = held;
    remote = true;
  }
  const body = root.querySelector('body');
  const empty = !body || ((body.textContent ?? '').trim() === '' && !body.querySelector('img'));
  return { html: empty ? '' : root.outerHTML, hasRemoteContent: remote };
}

/** CSS with every url() but data: ones replaced by `none`, and @import rules dropped. */
function holdCss(css: string): string {
  return css
    .replace(CSS_IMPORT, '')
    .replace(CSS_URL, (whole, _q: string, url: string) => (/^data:image\//i.test(url.trim()) ? whole : 'none'));
}

/** The remote URLs a CSS text asks for (for allowRemote). */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)].map((m) => m[2]!.trim()).filter((u) => REMOTE.test(u));
}
