/**
 * Note bodies arrive as HTML from the editor (or pasted from anywhere) and are
 * rendered as HTML again on other desks: main keeps only a small set of text
 * formatting, so nothing stored can run script, load a resource or restyle
 * the app. The plain text beside it feeds search and list excerpts.
 */
import { domPurifier } from '../html/dom-purifier';

const KEPT_TAGS = ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li'];
const KEPT = [...KEPT_TAGS, 'blockquote', 'a', 'code', 'pre'];
/** Pasted layout the editor does not have: read as paragraphs (or headings) instead of running lines together. */
const AS_PARAGRAPH = ['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'tr', 'dt', 'dd', 'figure'];
const HEADING_AS = { h1: 'h2', h5: 'h4', h6: 'h4' } as const;
/** Table cells are unwrapped with a space between them. */
const CELLS = ['td', 'th'];
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'pre', ...AS_PARAGRAPH]);
const SAFE_LINK = /^(?:https?:|mailto:|tel:)/i;

const purifier = domPurifier({
  config: {
    ALLOWED_TAGS: [...KEPT, ...AS_PARAGRAPH, ...Object.keys(HEADING_AS), ...CELLS, 'table', 'tbody', 'thead'],
    ALLOWED_ATTR: ['href'],
    // DOMPurify keeps data-* and aria-* unless told: pasted ones must not reach the app's DOM.
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: SAFE_LINK,
    RETURN_DOM: true,
  },
});

export interface SanitizedNote {
  html: string;
  /** The text with a line break between blocks, for search and excerpts. */
  text: string;
}

export function sanitizeNoteHtml(dirty: string): SanitizedNote {
  const { purify, document } = purifier();
  // RETURN_DOM (in the config) hands back the <body> holding the result.
  const root = purify.sanitize(dirty) as unknown as HTMLElement;
  reshape(root, document);
  const text = plainText(root);
  return { html: text === '' ? '' : root.innerHTML, text };
}

/** Turns the pasted layout tags into the editor's own, innermost first. */
function reshape(root: HTMLElement, document: Document): void {
  const elements = [...root.querySelectorAll('*')].reverse();
  for (const element of elements) {
    const tag = element.tagName.toLowerCase();
    if (tag in HEADING_AS) rename(element, HEADING_AS[tag as keyof typeof HEADING_AS], document);
    else if (CELLS.includes(tag)) {
      element.after(document.createTextNode(' '));
      element.replaceWith(...element.childNodes);
    } else if (tag === 'table' || tag === 'tbody' || tag === 'thead') element.replaceWith(...element.childNodes);
    else if (AS_PARAGRAPH.includes(tag)) {
      // A wrapper of blocks just goes; one of text becomes a paragraph (never a paragraph inside one).
      const holdsBlocks = [...element.children].some((c) => BLOCKS.has(c.tagName.toLowerCase()));
      if (holdsBlocks) element.replaceWith(...element.childNodes);
      else rename(element, 'p', document);
    }
  }
}

function rename(element: Element, tag: string, document: Document): void {
  const renamed = document.createElement(tag);
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

/** Blocks on their own lines, <br> as a line break, runs of spaces as one (except in <pre>). */
function plainText(root: HTMLElement): string {
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === 3) {
      line += inPre ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'br') return breakLine();
    const block = BLOCKS.has(tag);
    if (block && line.trim() !== '') breakLine();
    if (tag === 'li') line = '• ';
    for (const child of node.childNodes) walk(child, inPre || tag === 'pre');
    if (block) breakLine();
  };
  walk(root, false);
  breakLine();
  return lines
    .flatMap((l) => l.split('\n'))
    .map((l) => l.replace(/[ \t]+$/g, '').replace(/^ +/, ''))
    .filter((l) => l !== '' && l !== '•')
    .join('\n');
}
