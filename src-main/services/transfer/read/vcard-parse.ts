import ICAL from 'ical.js';

/** One property of a vCard, whatever its version: upper-case name and types, decoded components. */
export interface VProperty {
  name: string;
  types: string[];
  /** The value split into its components (N, ADR, ORG have several; most have one). */
  components: string[];
}

/** Properties that carry pictures, sounds or keys: large and of no use to a card. */
const BINARY_PROPERTIES = /^(?:[\w-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]/i;

/** Unescapes vCard text: \n, \, \; \\ (and a stray \N). */
export const unescapeText = (text: string) =>
  text.replace(/\\([nN,;\\:])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Splits structured text at unescaped semicolons (N, ADR, ORG and our own X- properties). */
export function splitStructured(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(unescapeText);
}

const isQuotedPrintable = (line: string) => /^[^:]*QUOTED-PRINTABLE[^:]*:/i.test(line);

/**
 * Joins folded lines into logical ones and drops binary properties.
 * Folding: a line that starts with a space or tab continues the previous one
 * (all versions). vCard 2.1 QUOTED-PRINTABLE values also continue on the next
 * line after a trailing "=" (a soft line break) with no leading space, which
 * no 3.0/4.0 parser expects.
 */
export function unfold(rawLines: readonly string[]): string[] {
  const out: string[] = [];
  let skipping = false;
  for (const raw of rawLines) {
    const last = out.length - 1;
    if (!skipping && last >= 0 && isQuotedPrintable(out[last]!) && out[last]!.endsWith('=')) {
      out[last] = out[last]!.slice(0, -1) + raw;
      continue;
    }
    if (/^[ \t]/.test(raw)) {
      if (!skipping && last >= 0) out[last] += raw.slice(1);
      continue;
    }
    if (raw.trim() === '') continue;
    skipping = BINARY_PROPERTIES.test(raw);
    if (!skipping) out.push(raw);
  }
  return out;
}

function decodeQuotedPrintable(text: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const hex = ch === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(Uint8Array.from(bytes));
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/**
 * A vCard 2.1 property line. Written by hand because ical.js cannot read 2.1:
 * it rejects the bare parameters 2.1 uses (TEL;CELL;VOICE: instead of
 * TEL;TYPE=CELL:) and the QUOTED-PRINTABLE soft line breaks (see unfold);
 * CHARSET= tells how the quoted-printable bytes are to be decoded.
 */
function parse21Line(line: string): VProperty | null {
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const [nameWithGroup, ...params] = line.slice(0, colon).split(';');
  const name = nameWithGroup!.replace(/^[\w-]+\./, '').toUpperCase();
  const types: string[] = [];
  let encoding = '';
  let charset = 'utf-8';
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = eq < 0 ? '' : param.slice(0, eq).toUpperCase();
    const value = (eq < 0 ? param : param.slice(eq + 1)).toUpperCase();
    if (eq < 0 && BARE_ENCODINGS.has(value)) encoding = value;
    else if (key === 'ENCODING') encoding = value;
    else if (key === 'CHARSET') charset = value.toLowerCase();
    else if (eq < 0 || key === 'TYPE') types.push(...value.split(','));
  }
  let value = line.slice(colon + 1);
  if (encoding === 'QUOTED-PRINTABLE') value = decodeQuotedPrintable(value, charset);
  if (encoding === 'BASE64' || encoding === 'B') return null;
  return { name, types, components: splitStructured(value) };
}

const asText = (v: unknown): string =>
  Array.isArray(v) ? v.map(asText).join(',') : v === null || v === undefined ? '' : String(v);

/** vCard 3.0 / 4.0 through ical.js. */
function parseWithIcal(lines: readonly string[]): VProperty[] {
  const component = new ICAL.Component(ICAL.parse(lines.join('\r\n') + '\r\n') as unknown[]);
  return component.getAllProperties().map((prop) => {
    const type = prop.getParameter('type');
    const types = (Array.isArray(type) ? type : type ? [type] : []).flatMap((t) => String(t).toUpperCase().split(','));
    const first: unknown = prop.getFirstValue();
    let components: string[];
    if (Array.isArray(first)) components = first.map(asText);
    // ical.js leaves properties it does not know (our X- ones) raw: escapes and all.
    else if (prop.type === 'unknown') components = splitStructured(asText(first));
    // ical.js unescapes "\;" only inside structured values, but 3.0 writers (and RFC 2426) escape it everywhere.
    else components = [prop.getValues().map(asText).join(',').replace(/\\;/g, ';')];
    return { name: prop.name.toUpperCase(), types, components };
  });
}

export interface ParsedVcard {
  version: string;
  properties: VProperty[];
}

/** One card, from its lines between BEGIN:VCARD and END:VCARD (both included). */
export function parseVcard(rawLines: readonly string[]): ParsedVcard {
  const lines = unfold(rawLines);
  const version =
    lines
      .find((l) => /^VERSION:/i.test(l))
      ?.slice(8)
      .trim() ?? '2.1';
  // Some phones write QUOTED-PRINTABLE into cards they call 3.0: read those as 2.1.
  if (version === '2.1' || lines.some(isQuotedPrintable)) {
    const properties = lines
      .filter((l) => !/^(BEGIN|END):VCARD$/i.test(l.trim()))
      .map(parse21Line)
      .filter((p): p is VProperty => p !== null);
    return { version, properties };
  }
  return { version, properties: parseWithIcal(lines) };
}
