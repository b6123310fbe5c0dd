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

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

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
      TAG.lastIndex = lt;
      const match = TAG.exec(xml);
      if (!match) {
        at = lt + 1;
        continue;
      }
      at = TAG.lastIndex;
      const [, closing, name, rest = ''] = match;
      if (closing) {
        handlers.close(name!);
        continue;
      }
      const selfClosing = rest.endsWith('/');
      const attributes: Record<string, string> = {};
      for (const attr of rest.matchAll(ATTRIBUTE)) attributes[attr[1]!] = decodeXmlEntities(attr[2] ?? attr[3] ?? '');
      handlers.open(name!, attributes, selfClosing);
      if (selfClosing) handlers.close(name!);
    }
  }
}
