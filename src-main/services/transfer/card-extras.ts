import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import type { CriterionValue } from '../../../src-shared/contract/criteria';
import { ContractError } from '../../../src-shared/contract/errors';
import { criterionTarget } from '../../../src-shared/contract/transfer';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { liveFields, type FieldRow } from '../criteria/definitions';
import { normaliseTags } from '../criteria/tags';
import { checkValue, type ValueRow } from '../criteria/value-rules';
import { criterionHeader, type CriterionColumn } from './columns';
import { criterionProblem, readCriterionCell, splitList } from './criterion-cells';
import type { RowInput } from './row-input';
import { checkRow, type CardInput, type FieldProblem, type LinkInput } from './validate-row';

/**
 * What a row says beyond the card form's fields: its owner, its tags and its
 * criteria values, read from the cells and checked against the users and the
 * live criteria fields of the card type, so a bad value is found while
 * checking (a dry run too), never while writing.
 */
export interface RowExtras {
  /** The owner's user id; undefined when the row names none. */
  ownerId?: string | undefined;
  /** Normalised (trimmed, one per folded spelling), in the file's order. */
  tags: string[];
  /** The column tags came from (the first), for problems found when merging. */
  tagsColumn?: number | undefined;
  /** Field id → the value as given and the rows the criteria module's rules make of it. */
  criteria: Map<string, { value: CriterionValue; rows: ValueRow[] }>;
}

export const noExtras = (): RowExtras => ({ tags: [], criteria: new Map() });

export type CriteriaField = FieldRow & { categoryName: string };

/** The live criteria fields of a card type as columns: target and "Kategori › Alan" header. */
export function criteriaColumns(db: Db, cardType: CardType): CriterionColumn[] {
  return liveFields(db, cardType).map((field) => ({
    target: criterionTarget(field.id),
    fieldId: field.id,
    header: criterionHeader(field.categoryName, field.name),
    name: field.name,
  }));
}

interface UserKeys {
  byEmail: Map<string, string>;
  byName: Map<string, string[]>;
}

/**
 * Reads and checks the owner, tag and criteria cells of rows: the users and
 * the live criteria fields are read once per import. Users are never removed
 * (only renamed), so an owner id found here stays good; the criteria fields
 * may change while checking pauses, so the writer checks values again
 * against the fields as they are then (write-extras.ts).
 */
export class ExtrasReader {
  private readonly fields: Map<string, CriteriaField>;
  private users: UserKeys | null = null;

  constructor(
    private readonly db: Db,
    cardType: CardType,
  ) {
    this.fields = new Map(liveFields(db, cardType).map((f) => [f.id, f]));
  }

  isLive(fieldId: string): boolean {
    return this.fields.has(fieldId);
  }

  /** "Kategori › Alan" of a live field. */
  headerOf(fieldId: string): string | undefined {
    const f = this.fields.get(fieldId);
    return f && criterionHeader(f.categoryName, f.name);
  }

  private userKeys(): UserKeys {
    if (this.users) return this.users;
    const rows = stmt(this.db, 'select id, name, email from users').all() as {
      id: string;
      name: string;
      email: string | null;
    }[];
    const keys: UserKeys = { byEmail: new Map(), byName: new Map() };
    for (const u of rows) {
      if (u.email) keys.byEmail.set(u.email.toLowerCase(), u.id);
      const name = foldForSearch(u.name);
      keys.byName.set(name, [...(keys.byName.get(name) ?? []), u.id]);
    }
    return (this.users = keys);
  }

  /** The owner named by a cell: a user's e-mail or name (Turkish letters and case folded). */
  private owner(text: string): { id: string } | { error: string } {
    const { byEmail, byName } = this.userKeys();
    if (text.includes('@')) {
      const id = byEmail.get(text.toLowerCase());
      return id ? { id } : { error: `"${text}" e-posta adresli bir kullanıcı yok` };
    }
    const ids = byName.get(foldForSearch(text)) ?? [];
    if (ids.length === 1) return { id: ids[0]! };
    if (ids.length > 1) return { error: `"${text}" adında birden çok kullanıcı var; e-posta adresini yazın` };
    return { error: `"${text}" adında bir kullanıcı yok` };
  }

  /** The row's owner, tags and criteria values, or what is wrong with them (each naming its column). */
  check(built: RowInput): { ok: true; extras: RowExtras } | { ok: false; problems: FieldProblem[] } {
    const extras = noExtras();
    const problems: FieldProblem[] = [];
    if (built.owner) {
      const owner = this.owner(built.owner.text);
      if ('error' in owner) problems.push({ column: built.owner.column, message: owner.error });
      else extras.ownerId = owner.id;
    }
    if (built.tags.length) {
      extras.tagsColumn = built.tags[0]!.column;
      try {
        extras.tags = normaliseTags(built.tags.flatMap((t) => splitList(t.text)));
      } catch (err) {
        if (!(err instanceof ContractError)) throw err;
        problems.push({ column: extras.tagsColumn, message: err.message });
      }
    }
    for (const cell of built.criteria) {
      const field = this.fields.get(cell.fieldId);
      // The mapping was checked against the live fields; one deleted since is left out.
      if (!field) continue;
      const value = readCriterionCell(field, cell.text);
      const checked = checkValue(field, value);
      if ('error' in checked) {
        problems.push({ column: cell.column, message: criterionProblem(field, cell.text, checked.error) });
      } else extras.criteria.set(field.id, { value, rows: checked.rows });
    }
    return problems.length ? { ok: false, problems } : { ok: true, extras };
  }
}

export type WholeRowCheck =
  { ok: true; input: CardInput; links: LinkInput[]; extras: RowExtras } | { ok: false; problems: FieldProblem[] };

/**
 * A row's card fields and institutions (checkRow) and its owner, tags and
 * criteria together: every problem of the row at once, or what to plan, with
 * the owner in the card input as the card form sends it (ownerId).
 */
export function checkWholeRow(cardType: CardType, built: RowInput, extras: ExtrasReader): WholeRowCheck {
  const checked = checkRow(cardType, built);
  const hasExtras = built.owner !== undefined || built.tags.length > 0 || built.criteria.length > 0;
  const extra = hasExtras ? extras.check(built) : { ok: true as const, extras: noExtras() };
  if (!checked.ok || !extra.ok) {
    return { ok: false, problems: [...(checked.ok ? [] : checked.problems), ...(extra.ok ? [] : extra.problems)] };
  }
  const { ownerId } = extra.extras;
  const input = ownerId ? { ...checked.input, ownerId } : checked.input;
  return { ok: true, input, links: checked.links, extras: extra.extras };
}
