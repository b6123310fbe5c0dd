import { INSTITUTION_KINDS } from '../../../src-shared/contract/cards';
import { parseTarget, type ImportTarget } from '../../../src-shared/contract/transfer';
import { parseTypedDate } from '../../../src-shared/domain/dates';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { INSTITUTION_KIND_WORDS } from '../cards/kind-words';

/** A person's link to an institution, named by title, as a row gives it. */
export interface RowLink {
  slot: number;
  institution?: string | undefined;
  role?: string | undefined;
  department?: string | undefined;
}

/**
 * A row turned into what the card form would send (before the contract's zod
 * schema sees it), plus where each value came from, so an error on
 * `phones.1.number` can name the column the user has to fix.
 */
export interface RowInput {
  fields: Record<string, unknown>;
  links: RowLink[];
  /** Field path prefix ("phones.1", "lastName") → index of the column it came from. */
  sources: Map<string, number>;
  /** The owner, tag and criteria cells as text, checked against the database by card-extras.ts. */
  owner?: Cell | undefined;
  tags: Cell[];
  criteria: (Cell & { fieldId: string })[];
}

export interface Cell {
  text: string;
  column: number;
}

export interface ColumnPlan {
  index: number;
  target: ImportTarget;
}

/** The mapping as a list of mapped columns with their parsed targets. */
export function planColumns(mapping: readonly (string | null)[]): ColumnPlan[] {
  const plan: ColumnPlan[] = [];
  mapping.forEach((t, index) => {
    if (t) plan.push({ index, target: parseTarget(t) });
  });
  return plan;
}

/**
 * Kartotek neutralises cells that a spreadsheet would run as a formula by
 * putting an apostrophe in front (see export/neutralise.ts); reading such a
 * file back removes it again.
 */
export const unneutralise = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** Several values in one cell: Google's " ::: ", or a line break, or a semicolon. */
const splitMulti = (text: string) =>
  text
    .split(/\s*(?::::|\n|;)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);

const GENDER_WORDS: Record<string, 'female' | 'male'> = {
  female: 'female',
  f: 'female',
  kadin: 'female',
  k: 'female',
  bayan: 'female',
  woman: 'female',
  male: 'male',
  m: 'male',
  erkek: 'male',
  e: 'male',
  bay: 'male',
  man: 'male',
};

const KIND_WORDS = new Map<string, string>();
for (const kind of INSTITUTION_KINDS) {
  KIND_WORDS.set(kind, kind);
  KIND_WORDS.set(foldForSearch(kind.replace('_', ' ')), kind);
  const words = INSTITUTION_KIND_WORDS[kind] ?? '';
  // "müşteri customer" → both words; "grup şirketi group company" → the Turkish pair too.
  for (const w of foldForSearch(words).split(' ')) if (w) KIND_WORDS.set(w, kind);
}
KIND_WORDS.set('grup sirketi', 'group_company');
KIND_WORDS.set('alt yuklenici', 'subcontractor');
KIND_WORDS.set('diger', 'other');

/** Kinds as people write them: "Müşteri, Tedarikçi", "customer;supplier"; unknown words stay for zod to refuse. */
export function readKinds(text: string): string[] {
  return text
    .split(/[,;|/]/)
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => KIND_WORDS.get(foldForSearch(w)) ?? w);
}

/** Gender as people write it (K/E, Kadın/Erkek, F/M); anything else stays for zod to refuse. */
export const readGender = (text: string) => GENDER_WORDS[foldForSearch(text)] ?? text;

/** Birth dates: 15.06.1980, 15/06/1980 and 1980-06-15 all mean the same day; anything else stays for zod. */
export const readDate = (text: string) => parseTypedDate(text) ?? text;

/** Spreadsheets turn long numbers into numbers: "1.0000000146E10" is a T.C. Kimlik No written by Excel. */
const readIdentifier = (text: string) => (/^\d+(\.0+)?$/.test(text) ? text.replace(/\.0+$/, '') : text);

const SCALAR_READERS: Record<string, (text: string) => unknown> = {
  gender: readGender,
  birthDate: readDate,
  kinds: readKinds,
  emailDomains: (t) => t.split(/[\s,;]+/).filter(Boolean),
  tckn: readIdentifier,
  vkn: readIdentifier,
};

function splitFullName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}

/** Builds the card input of one row. Cells are the row's text, one per column. */
export function rowInput(plan: readonly ColumnPlan[], rawCells: readonly string[]): RowInput {
  const fields: Record<string, unknown> = { phones: [], emails: [], addresses: [], ibans: [] };
  const sources = new Map<string, number>();
  const phones = fields.phones as unknown[];
  const emails = fields.emails as unknown[];
  const addresses = new Map<string, { value: Record<string, string>; column: number; parts: Map<string, number> }>();
  const ibans = new Map<number, { value: Record<string, string>; column: number; parts: Map<string, number> }>();
  const links = new Map<number, RowLink & { columns: Map<string, number> }>();
  let fullName: { text: string; column: number } | null = null;
  let middleName: { text: string; column: number } | null = null;
  const notes: string[] = [];
  let owner: Cell | undefined;
  const tags: Cell[] = [];
  const criteria: (Cell & { fieldId: string })[] = [];

  for (const { index, target } of plan) {
    const text = unneutralise((rawCells[index] ?? '').trim());
    // An empty cell of a required field is still where the user has to look.
    if (target.group === 'scalar' && !sources.has(target.field)) sources.set(target.field, index);
    if (!text) continue;
    switch (target.group) {
      case 'scalar': {
        const field = target.field;
        if (field === 'fullName') fullName = { text, column: index };
        else if (field === 'middleName') middleName = { text, column: index };
        else if (field === 'notes') notes.push(text);
        else {
          fields[field] = (SCALAR_READERS[field] ?? ((t: string) => t))(text);
          sources.set(field, index);
        }
        break;
      }
      case 'phone':
        for (const number of splitMulti(text)) {
          sources.set(`phones.${phones.length}`, index);
          phones.push({ kind: target.kind, number });
        }
        break;
      case 'email':
        for (const address of splitMulti(text)) {
          sources.set(`emails.${emails.length}`, index);
          emails.push({ kind: target.kind, address });
        }
        break;
      case 'address': {
        const key = `${target.kind}.${target.slot}`;
        const entry = addresses.get(key) ?? {
          value: { kind: target.kind } as Record<string, string>,
          column: index,
          parts: new Map<string, number>(),
        };
        entry.value[target.part] = text;
        entry.parts.set(target.part, index);
        addresses.set(key, entry);
        break;
      }
      case 'iban': {
        const entry = ibans.get(target.slot) ?? {
          value: {} as Record<string, string>,
          column: index,
          parts: new Map<string, number>(),
        };
        entry.value[target.part] = text;
        entry.parts.set(target.part, index);
        ibans.set(target.slot, entry);
        break;
      }
      case 'affiliation': {
        const entry: RowLink & { columns: Map<string, number> } = links.get(target.slot) ?? {
          slot: target.slot,
          columns: new Map(),
        };
        entry[target.part] = text;
        entry.columns.set(target.part, index);
        links.set(target.slot, entry);
        break;
      }
      case 'owner':
        owner = { text, column: index };
        break;
      case 'tags':
        tags.push({ text, column: index });
        break;
      case 'criterion':
        criteria.push({ text, column: index, fieldId: target.fieldId });
        break;
    }
  }

  if (fullName) {
    const split = splitFullName(fullName.text);
    if (fields.firstName === undefined) {
      fields.firstName = split.firstName;
      sources.set('firstName', fullName.column);
    }
    if (fields.lastName === undefined) {
      fields.lastName = split.lastName || undefined;
      sources.set('lastName', fullName.column);
    }
  }
  if (middleName) {
    fields.firstName = [fields.firstName, middleName.text].filter(Boolean).join(' ');
    if (!sources.has('firstName')) sources.set('firstName', middleName.column);
  }
  if (notes.length) fields.notes = notes.join('\n');
  for (const entry of addresses.values()) {
    const i = (fields.addresses as unknown[]).length;
    sources.set(`addresses.${i}`, entry.column);
    for (const [part, column] of entry.parts) sources.set(`addresses.${i}.${part}`, column);
    (fields.addresses as unknown[]).push(entry.value);
  }
  for (const entry of ibans.values()) {
    const i = (fields.ibans as unknown[]).length;
    sources.set(`ibans.${i}`, entry.column);
    for (const [part, column] of entry.parts) sources.set(`ibans.${i}.${part}`, column);
    (fields.ibans as unknown[]).push({ iban: entry.value.iban ?? '', bankName: entry.value.bankName });
  }
  const rowLinks: RowLink[] = [];
  for (const link of [...links.values()].sort((a, b) => a.slot - b.slot)) {
    for (const [part, column] of link.columns) sources.set(`links.${rowLinks.length}.${part}`, column);
    const { columns: _columns, ...plain } = link;
    rowLinks.push(plain);
  }
  return { fields, links: rowLinks, sources, owner, tags, criteria };
}

/** The column an error path points at: the longest known prefix of the path. */
export function sourceOf(sources: Map<string, number>, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = sources.get(path.slice(0, n).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}
