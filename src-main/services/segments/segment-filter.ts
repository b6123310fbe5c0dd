import type { Db } from '../../db/connection';
import type { CardType } from '../../../src-shared/contract/cards';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import type { SegmentQuery } from '../../../src-shared/domain/segment-query';
import { compileSegment } from './compile-segment';
import { loadCriteriaDefs } from './criteria-defs';
import { loadSegment } from './segment-store';

/** A WHERE fragment over the alias `c` (the cards table); values travel as parameters. */
export interface SqlFilter {
  sql: string;
  params: unknown[];
}

/**
 * The live cards of a saved segment, as a filter other services (lists, export,
 * mailings) put in their own queries. Evaluated when used, never frozen.
 */
export function segmentFilter(
  db: Db,
  segmentId: string,
  today = todayInIstanbul(new Date()),
): { cardType: CardType; where: SqlFilter } {
  const segment = loadSegment(db, segmentId);
  return { cardType: segment.cardType, where: queryFilter(db, segment.cardType, segment.query, today) };
}

/** The same for a query that is not saved (the builder's live count and preview). */
export function queryFilter(
  db: Db,
  cardType: CardType,
  query: SegmentQuery,
  today = todayInIstanbul(new Date()),
): SqlFilter {
  return compileSegment(query, cardType, { today, criteria: loadCriteriaDefs(db) });
}

/** How many live cards of the type pass the filter. */
export function countMatching(db: Db, cardType: CardType, where: SqlFilter): number {
  const row = db.$client
    .prepare(`select count(*) as n from cards c where c.type = ? and c.deleted_at is null and (${where.sql})`)
    .get(cardType, ...where.params) as { n: number };
  return row.n;
}
