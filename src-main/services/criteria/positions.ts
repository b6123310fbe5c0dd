import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

/** The two ordered lists of the admin page: categories of a card type, fields of a category. */
const SIBLINGS = {
  category: { table: 'criteria_categories', scope: 'card_type' },
  field: { table: 'criteria_fields', scope: 'category_id' },
} as const;

/**
 * Puts `id` at `position` (0 = first; past the end = last) among the live items
 * of its scope and renumbers them 0…n-1, so positions never collide or leave
 * gaps whatever order moves and deletes came in. Call inside the write transaction.
 */
export function placeAt(
  db: Db,
  list: keyof typeof SIBLINGS,
  scopeValue: string,
  id: string,
  position: number | undefined,
): void {
  const { table, scope } = SIBLINGS[list];
  const ids = (
    stmt(db, `select id from ${table} where ${scope} = ? and deleted_at is null order by position, id`).all(
      scopeValue,
    ) as { id: string }[]
  ).map((r) => r.id);
  const current = ids.indexOf(id);
  if (current >= 0) ids.splice(current, 1);
  const at = position === undefined ? (current >= 0 ? current : ids.length) : Math.min(position, ids.length);
  ids.splice(at, 0, id);
  const update = stmt(db, `update ${table} set position = ? where id = ? and position is not ?`);
  ids.forEach((itemId, index) => update.run(index, itemId, index));
}

/** Closes the gap a removed item leaves. */
export function renumber(db: Db, list: keyof typeof SIBLINGS, scopeValue: string): void {
  const { table, scope } = SIBLINGS[list];
  const ids = stmt(db, `select id from ${table} where ${scope} = ? and deleted_at is null order by position, id`).all(
    scopeValue,
  ) as { id: string }[];
  const update = stmt(db, `update ${table} set position = ? where id = ? and position is not ?`);
  ids.forEach((r, index) => update.run(index, r.id, index));
}
