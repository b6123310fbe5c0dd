/**
 * Moves every row that points at the loser over to the survivor (CARD_REFERENCES),
 * writing down exactly what it did, and puts it all back on undo.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { CARD_REFERENCES, type CardReference } from './card-references';

type Row = Record<string, unknown>;

/** What one reference column saw in one merge: enough to reverse it exactly. */
export interface MovedReference {
  table: string;
  column: string;
  /** Each moved row: its primary key before the merge and the columns the merge changed, as they were. */
  moved: { key: Row; before: Row }[];
  /** Whole rows dropped as duplicates of the survivor's (or as self-links), re-inserted on undo. */
  dropped: Row[];
}

const primaryKeys = new WeakMap<object, Map<string, string[]>>();

/** The table's primary key columns; rowids are not used because VACUUM may renumber them. */
function primaryKeyOf(db: Db, table: string): string[] {
  let cache = primaryKeys.get(db.$client);
  if (!cache) primaryKeys.set(db.$client, (cache = new Map()));
  let key = cache.get(table);
  if (!key) {
    const columns = db.$client.pragma(`table_info(${quote(table)})`) as { name: string; pk: number }[];
    key = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    if (key.length === 0) throw new Error(`${table} has no primary key: a merge could not undo its moves`);
    cache.set(table, key);
  }
  return key;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const keyWhere = (key: string[]) => key.map((c) => `${quote(c)} = ?`).join(' and ');

/** SQLite blobs survive the JSON of the merge record as base64. */
const toJson = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { $base64: v.toString('base64') } : v]),
  );
const fromJson = (value: unknown): unknown =>
  value && typeof value === 'object' && '$base64' in value
    ? Buffer.from((value as { $base64: string }).$base64, 'base64')
    : value;

function moveOne(db: Db, ref: CardReference, survivor: string, loser: string): MovedReference {
  const table = quote(ref.table);
  const column = quote(ref.column);
  const key = primaryKeyOf(db, ref.table);
  const ids = { survivor, loser };

  const dropWhen = [
    ref.selfWhen && `(${ref.selfWhen})`,
    ref.duplicateWhen && `exists (select 1 from ${table} s where ${ref.duplicateWhen})`,
  ].filter(Boolean);
  const dropped = dropWhen.length
    ? (stmt(db, `select * from ${table} r where r.${column} = @loser and (${dropWhen.join(' or ')})`).all(ids) as Row[])
    : [];
  for (const row of dropped) {
    stmt(db, `delete from ${table} where ${keyWhere(key)}`).run(...key.map((c) => row[c]));
  }

  const changed = [ref.column, ref.position, ref.singleFlag].filter((c): c is string => !!c);
  const rows = stmt(
    db,
    `select ${[...new Set([...key, ...changed])].map(quote).join(', ')} from ${table} where ${column} = @loser`,
  ).all(ids) as Row[];
  if (rows.length) {
    const sets = [`${column} = @survivor`];
    if (ref.position) {
      // After the survivor's own rows, in the loser's order.
      const { next } = stmt(
        db,
        `select coalesce(max(${quote(ref.position)}), -1) + 1 as next from ${table} where ${column} = @survivor`,
      ).get(ids) as { next: number };
      sets.push(`${quote(ref.position)} = ${quote(ref.position)} + ${Number(next)}`);
    }
    if (ref.singleFlag) {
      const taken = stmt(
        db,
        `select 1 from ${table} where ${column} = @survivor and ${quote(ref.singleFlag)} = 1 limit 1`,
      ).get(ids);
      if (taken) sets.push(`${quote(ref.singleFlag)} = 0`);
    }
    stmt(db, `update ${table} set ${sets.join(', ')} where ${column} = @loser`).run(ids);
  }
  return {
    table: ref.table,
    column: ref.column,
    moved: rows.map((row) => ({
      key: Object.fromEntries(key.map((c) => [c, row[c]])),
      before: Object.fromEntries(changed.map((c) => [c, row[c]])),
    })),
    dropped: dropped.map(toJson),
  };
}

/** Moves every reference of the loser to the survivor; call inside the merge's transaction. */
export function moveReferences(db: Db, survivor: string, loser: string): MovedReference[] {
  return CARD_REFERENCES.map((ref) => moveOne(db, ref, survivor, loser)).filter(
    (m) => m.moved.length || m.dropped.length,
  );
}

/**
 * Reverses moveReferences: moved rows go back to the loser with their old order and
 * flags, dropped rows come back whole. A moved row that no longer exists (removed
 * on the survivor after the merge) stays removed: that was a later, deliberate change.
 */
export function restoreReferences(db: Db, survivor: string, loser: string, record: MovedReference[]): void {
  for (const ref of [...record].reverse()) {
    const table = quote(ref.table);
    const key = primaryKeyOf(db, ref.table);
    for (const row of ref.moved) {
      // Where the card column is part of the key (card_tags …), the row is now found under the survivor.
      const where = key.map((c) => (c === ref.column ? survivor : row.key[c]));
      const columns = Object.keys(row.before);
      stmt(
        db,
        `update ${table} set ${columns.map((c) => `${quote(c)} = ?`).join(', ')}
           where ${keyWhere(key)} and ${quote(ref.column)} = ?`,
      ).run(...columns.map((c) => row.before[c]), ...where, survivor);
    }
  }
  for (const ref of record) {
    for (const row of ref.dropped) {
      const columns = Object.keys(row);
      stmt(
        db,
        `insert into ${quote(ref.table)} (${columns.map(quote).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      ).run(...columns.map((c) => fromJson(row[c])));
    }
  }
}
