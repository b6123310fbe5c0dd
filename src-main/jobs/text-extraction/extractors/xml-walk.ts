/**
 * A minimal pull reader for the well-formed XML inside OpenDocument files: tags,
 * their attributes and the text between them, entities decoded. Hand-written
 * because no XML parser is among the app's dependencies (mammoth and exceljs
 * bundle their own, not for use from outside), and OpenDocument text needs no more.
 */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[entity] ?? whole;
  });
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE_NAME = /[\w.:-]+/y;

interface Tag {
  closing: boolean;
  name: string;
  attributes: Record<string, string>;
  selfClosing: boolean;
  /** Just past the tag's `>`. */
  end: number;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Where the quoted value opened at `open` ends (its closing quote), or -1. XML forbids `<` inside
 * an attribute value, so the search stops there: an unterminated quote costs only up to the next
 * tag, never a scan to the end of the file for every `<a "` (which made a hostile file quadratic).
 */
function quoteEnd(xml: string, open: number): number {
  const quote = xml[open];
  for (let i = open + 1; i < xml.length; i++) {
    const c = xml[i];
    if (c === quote) return i;
    if (c === '<') return -1;
  }
  return -1;
}

/**
 * The tag starting at `lt`, or null when it is not one (then its `<` is read as text). Hand-written,
 * not a regular expression: every character is looked at once and the scan never passes the next
 * `<`, so a walk stays linear on any input (backtracking over names, attributes and unterminated
 * quotes made the former expression quadratic). Stray characters between attributes are skipped.
 */
function readTag(xml: string, lt: number): Tag | null {
  let at = lt + 1;
  const closing = xml[at] === '/';
  if (closing) at++;
  NAME.lastIndex = at;
  const name = NAME.exec(xml)?.[0];
  if (!name) return null;
  at = NAME.lastIndex;
  const attributes: Record<string, string> = {};
  while (at < xml.length) {
    const c = xml[at];
    if (c === '>') return { closing, name, attributes, selfClosing: xml[at - 1] === '/', end: at + 1 };
    if (c === '<') return null;
    if (c === '"' || c === "'") {
      const end = quoteEnd(xml, at);
      if (end < 0) return null;
      at = end + 1;
      continue;
    }
    ATTRIBUTE_NAME.lastIndex = at;
    const attribute = ATTRIBUTE_NAME.exec(xml)?.[0];
    if (!attribute) {
      at++;
      continue;
    }
    at = ATTRIBUTE_NAME.lastIndex;
    while (isSpace(xml[at])) at++;
    if (xml[at] !== '=') continue;
    at++;
    while (isSpace(xml[at])) at++;
    if (xml[at] !== '"' && xml[at] !== "'") continue;
    const end = quoteEnd(xml, at);
    if (end < 0) return null;
    attributes[attribute] = decodeXmlEntities(xml.slice(at + 1, end));
    at = end + 1;
  }
  return null;
}

export function walkXml(xml: string, handlers: XmlHandlers): void {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) {
      handlers.text(decodeXmlEntities(xml.slice(at)));
      break;
    }
    if (lt > at) handlers.text(decodeXmlEntities(xml.slice(at, lt)));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      at = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      handlers.text(xml.slice(lt + 9, end < 0 ? xml.length : end));
      at = end < 0 ? xml.length : end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      const end = xml.indexOf('>', lt);
      at = end < 0 ? xml.length : end + 1;
    } else {
      const tag = readTag(xml, lt);
      if (!tag) {
        at = lt + 1;
        continue;
      }
      at = tag.end;
      if (tag.closing) {
        handlers.close(tag.name);
        continue;
      }
      handlers.open(tag.name, tag.attributes, tag.selfClosing);
      if (tag.selfClosing) handlers.close(tag.name);
    }
  }
}
