import type { Db } from '../../db/connection';
import type { CardType } from '../../../src-shared/contract/cards';
import { ContractError } from '../../../src-shared/contract/errors';

/** A WHERE fragment over the alias `c` (the cards table); values travel as parameters. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/**
 * The live cards of a saved segment, as a filter other services (lists, export,
 * mailings) put in their own queries. Evaluated when used, never frozen.
 */
export function segmentFilter(_db: Db, segmentId: string): { cardType: CardType; where: SqlFilter } {
  throw new ContractError('NOT_FOUND', `Segment bulunamadı: ${segmentId}`);
}
