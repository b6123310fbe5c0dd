import type { CardType } from '../../../../src-shared/contract/cards';
import { importTargets, isRepeatableTarget } from '../../../../src-shared/contract/transfer';
import { likelyPhoneKind } from '../../../../src-shared/domain/phone';
import { foldForSearch } from '../../../../src-shared/domain/turkish-text';
import { provinceNames } from '../../../../src-shared/domain/tr-places';
import { textStream, type FileKind } from '../sniff';
import { headerOf } from '../columns';
import { parseVcard, type VProperty } from './vcard-parse';
import type { RawRecord, RecordSource } from './records';

/** A card's text larger than this (pictures already dropped) is refused rather than held in memory. */
const MAX_CARD_CHARS = 1024 * 1024;
const BINARY_START = /^(?:[\w-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]/i;

interface Block {
  ordinal: number;
  lines: string[];
  tooLarge: boolean;
}

/** The cards of a .vcf file, one block of lines each, read as a stream. */
async function* blocks(file: string, kind: FileKind): AsyncGenerator<Block> {
  const stream = textStream(file, kind);
  let pending = '';
  let current: Block | null = null;
  let size = 0;
  let skipping = false;
  let ordinal = 0;
  function* take(line: string): Generator<Block> {
    const upper = line.trim().toUpperCase();
    if (!current) {
      if (upper === 'BEGIN:VCARD') {
        current = { ordinal: ++ordinal, lines: [line], tooLarge: false };
        size = 0;
        skipping = false;
      }
      return;
    }
    if (upper === 'END:VCARD') {
      current.lines.push(line);
      yield current;
      current = null;
      return;
    }
    // Pictures are skipped line by line so a card with a large photo never sits in memory.
    if (skipping && (line === '' || /^[ \t]/.test(line))) return;
    skipping = BINARY_START.test(line);
    if (skipping) return;
    size += line.length;
    if (size > MAX_CARD_CHARS) current.tooLarge = true;
    else current.lines.push(line);
  }
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) yield* take(line.replace(/\r$/, ''));
    }
    if (pending) yield* take(pending.replace(/\r$/, ''));
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
}

const FOLDED_PROVINCES = new Map(provinceNames().map((p) => [foldForSearch(p), p]));

function phoneKind(types: string[], number: string): string {
  if (types.includes('FAX')) return 'fax';
  if (types.some((t) => t === 'CELL' || t === 'MOBILE' || t === 'IPHONE')) return 'mobile';
  if (types.includes('HOME')) return 'home';
  if (types.includes('WORK')) return 'work';
  // A number with no type at all: what it looks like (05xx is a mobile).
  return types.length ? 'other' : (likelyPhoneKind(number) ?? 'other');
}

function emailKind(types: string[]): string {
  if (types.includes('WORK')) return 'work';
  if (types.includes('HOME') || types.includes('PERSONAL')) return 'personal';
  return 'other';
}

function addressKind(types: string[]): string {
  if (types.includes('WORK')) return 'work';
  if (types.includes('HOME')) return 'home';
  if (types.some((t) => t === 'X-BILLING' || t === 'BILLING')) return 'billing';
  if (types.some((t) => t === 'X-SHIPPING' || t === 'SHIPPING' || t === 'PARCEL')) return 'shipping';
  return 'other';
}

/** vCard BDAY: 19800615, 1980-06-15, 1980-06-15T00:00:00Z; a date without a year (--0615) is no birth date. */
function birthDate(value: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  if (iso) return iso[1]!;
  return value.startsWith('--') ? '' : value;
}

function gender(value: string): string {
  const v = value.trim().toUpperCase();
  if (v.startsWith('F') || v.startsWith('K')) return 'female';
  if (v.startsWith('M') || v.startsWith('E')) return 'male';
  return value;
}

type Cells = Map<string, string[]>;

/** Gmail puts every contact in these groups of its own: they are no tags of the card. */
const MAIL_SYSTEM_GROUPS = new Set(['mycontacts', 'starred']);

/** CATEGORIES (Kartotek writes the card's tags there; phones and Gmail their contact groups) as one tags cell. */
function tagsOf(properties: readonly VProperty[]): string {
  return properties
    .flatMap((p) => p.components.join(',').split(','))
    .map((t) => t.trim())
    .filter((t) => t && !MAIL_SYSTEM_GROUPS.has(foldForSearch(t)))
    .join(', ');
}

const X = 'X-KARTOTEK-';

/**
 * A card's properties as cells under Kartotek's own column targets, so a vCard
 * goes through the same mapping, validation and duplicate handling as a sheet.
 * Kartotek's own export writes what vCard has no property for (T.C. Kimlik No,
 * VKN, IBANs, several institutions with roles) as X-KARTOTEK-… properties.
 */
export function vcardCells(properties: readonly VProperty[], cardType: CardType): Cells {
  const cells: Cells = new Map();
  const put = (target: string, value: string | undefined) => {
    const v = value?.trim();
    if (!v) return;
    const list = cells.get(target) ?? [];
    list.push(v);
    cells.set(target, list);
  };
  const first = (name: string) => properties.find((p) => p.name === name);
  const all = (name: string) => properties.filter((p) => p.name === name);
  const slotCount = new Map<string, number>();
  const nextSlot = (key: string) => {
    const n = (slotCount.get(key) ?? 0) + 1;
    slotCount.set(key, n);
    return n;
  };

  for (const p of all('TEL')) {
    // vCard 4.0 may write a phone as a URI: tel:+90-532-…
    const number = (p.components[0] ?? '').replace(/^tel:/i, '');
    put(`phone.${phoneKind(p.types, number)}`, number);
  }
  for (const p of all('EMAIL')) put(`email.${emailKind(p.types)}`, p.components[0]);
  for (const p of all('ADR')) {
    const [pobox, extended, street, locality = '', region = '', code, country] = p.components;
    const kind = addressKind(p.types);
    const slot = nextSlot(kind);
    const line = [pobox, extended, street].filter((s) => s?.trim()).join(' ');
    // Phones put the il in "city" and leave "region" empty; Kartotek writes ilçe, il.
    const province = region.trim() ? region : (FOLDED_PROVINCES.get(foldForSearch(locality)) ?? '');
    const district = region.trim() || !province ? locality : '';
    put(`address.${kind}.${slot}.line`, line);
    put(`address.${kind}.${slot}.district`, district);
    put(`address.${kind}.${slot}.province`, province);
    put(`address.${kind}.${slot}.postalCode`, code);
    put(`address.${kind}.${slot}.country`, country);
  }
  for (const p of all(`${X}IBAN`)) {
    const slot = nextSlot('iban');
    put(`iban.${slot}.iban`, p.components[0]);
    put(`iban.${slot}.bankName`, p.components[1]);
  }
  put('notes', first('NOTE')?.components.join(';'));
  put('source', first(`${X}SOURCE`)?.components[0]);
  put('tags', tagsOf(all('CATEGORIES')));

  const orgs = all('ORG');
  if (cardType === 'institution') {
    put('title', orgs[0]?.components[0] || first('FN')?.components[0]);
    put('shortName', first(`${X}SHORT-NAME`)?.components[0]);
    put('kinds', first(`${X}KINDS`)?.components[0]);
    put('sector', first(`${X}SECTOR`)?.components[0]);
    put('taxOffice', first(`${X}TAX-OFFICE`)?.components[0]);
    put('vkn', first(`${X}VKN`)?.components[0]);
    put('tradeRegistryNo', first(`${X}TRADE-REGISTRY`)?.components[0]);
    put('emailDomains', first(`${X}DOMAINS`)?.components[0]);
    put('website', first('URL')?.components[0]);
    return cells;
  }

  const n = first('N')?.components ?? [];
  if (n[0]?.trim() || n[1]?.trim()) {
    put('lastName', n[0]);
    put('firstName', n[1]);
    put('middleName', n[2]);
  } else put('fullName', first('FN')?.components[0]);
  put('honorific', n[3]);
  put('gender', gender(first('GENDER')?.components[0] ?? first('X-GENDER')?.components[0] ?? ''));
  put('birthDate', birthDate(first('BDAY')?.components[0] ?? ''));
  put('tckn', first(`${X}TCKN`)?.components[0]);
  const own = all(`${X}AFFILIATION`);
  if (own.length) {
    for (const p of own) {
      const slot = nextSlot('affiliation');
      put(`affiliation.${slot}.institution`, p.components[0]);
      put(`affiliation.${slot}.role`, p.components[1]);
      put(`affiliation.${slot}.department`, p.components[2]);
    }
  } else {
    const titles = all('TITLE').length ? all('TITLE') : all('ROLE');
    orgs.forEach((org, i) => {
      const slot = nextSlot('affiliation');
      put(`affiliation.${slot}.institution`, org.components[0]);
      put(`affiliation.${slot}.department`, org.components.slice(1).join(' '));
      put(`affiliation.${slot}.role`, titles[i]?.components[0]);
    });
  }
  return cells;
}

/** Keeps only targets a card type has, at slots the mapping can address. */
function usableTargets(cardType: CardType): Set<string> {
  return new Set(importTargets(cardType));
}

/**
 * A .vcf file as records under Kartotek's own headers. Two passes over the
 * stream: the first finds how many columns each target needs (the most phones
 * of a kind any card has), the second yields the rows; neither holds the file.
 * A card's "row" is its number in the file (first card = 1).
 */
export async function openVcf(file: string, kind: FileKind, cardType: CardType): Promise<RecordSource> {
  const usable = usableTargets(cardType);
  const widths = new Map<string, number>();
  for await (const block of blocks(file, kind)) {
    if (block.tooLarge) continue;
    let cells: Cells;
    try {
      cells = vcardCells(parseVcard(block.lines).properties, cardType);
    } catch {
      continue;
    }
    for (const [target, values] of cells) {
      if (usable.has(target)) widths.set(target, Math.max(widths.get(target) ?? 0, values.length));
    }
  }
  const columns: { target: string; index: number }[] = [];
  for (const target of importTargets(cardType)) {
    const width = widths.get(target) ?? 0;
    for (let i = 0; i < (isRepeatableTarget(target) ? width : Math.min(width, 1)); i++)
      columns.push({ target, index: i });
  }

  async function* records(): AsyncGenerator<RawRecord> {
    yield { row: 0, cells: columns.map((c) => headerOf(c.target, c.index + 1)) };
    for await (const block of blocks(file, kind)) {
      if (block.tooLarge) {
        yield { row: block.ordinal, cells: [], error: 'Kart çok büyük (1 MB üstü); okunmadı.' };
        continue;
      }
      let cells: Cells;
      try {
        cells = vcardCells(parseVcard(block.lines).properties, cardType);
      } catch (err) {
        yield { row: block.ordinal, cells: [], error: `vCard okunamadı: ${(err as Error).message.slice(0, 120)}` };
        continue;
      }
      yield { row: block.ordinal, cells: columns.map((c) => cells.get(c.target)?.[c.index] ?? '') };
    }
  }
  return { delimiter: null, records: records() };
}
