import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { CardType } from '../../../src-shared/contract/cards';
import { isImportTarget } from '../../../src-shared/contract/transfer';

/**
 * The mapping last used for a file layout (its header row, see layoutKey),
 * offered again when a file with the same headers comes: the monthly export of
 * the same program is mapped once. `usable` drops targets gone since (a
 * deleted criteria field).
 */
export function rememberedMapping(
  db: Db,
  cardType: CardType,
  layoutKey: string,
  width: number,
  usable: (target: string) => boolean = () => true,
): (string | null)[] | null {
  const row = stmt(db, 'select mapping from import_mappings where card_type = ? and layout_key = ?').get(
    cardType,
    layoutKey,
  ) as { mapping: string } | undefined;
  if (!row) return null;
  try {
    const mapping = JSON.parse(row.mapping) as unknown;
    if (!Array.isArray(mapping) || mapping.length !== width) return null;
    // A target a newer version no longer knows is dropped, not offered.
    return mapping.map((t) => (typeof t === 'string' && isImportTarget(cardType, t) && usable(t) ? t : null));
  } catch {
    return null;
  }
}

export function rememberMapping(
  db: Db,
  cardType: CardType,
  layoutKey: string,
  mapping: readonly (string | null)[],
  at: string,
): void {
  stmt(
    db,
    `insert into import_mappings (card_type, layout_key, mapping, updated_at) values (?, ?, ?, ?)
     on conflict (card_type, layout_key) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(cardType, layoutKey, JSON.stringify(mapping), at);
}
