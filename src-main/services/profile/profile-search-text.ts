import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

/**
 * The names in a person's profile lists (hobbies, associations, schools,
 * languages) for the person's search text, so "satranç" or "rotary" finds them.
 * Read by refreshCardIndexes; folded there with the rest of the text.
 */
export function profileSearchText(db: Db, personId: string): string {
  const rows = stmt(db, 'select name from profile_items where card_id = ? order by list, position').all(personId) as {
    name: string;
  }[];
  return rows.map((r) => r.name).join(' ');
}
