import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/statements';
import type { CardType } from '../../../../src-shared/contract/cards';
import { invalidInput } from '../../../../src-shared/contract/errors';
import type { ExportFilter } from '../../../../src-shared/contract/transfer';
import { listInstitutions, listPersons } from '../../cards/lists';

/** Excel's last row is 1,048,576; one is the header. */
export const MAX_EXPORT_ROWS = 1_048_575;

/**
 * The ids of the cards to export, in the list's order (Turkish alphabetical):
 * what the list screen shows with the same filters (search text, il, kind, a
 * segment's members; never the recycle bin), read through the list service
 * itself so the two cannot disagree.
 */
export function exportIds(db: Db, cardType: CardType, filter: ExportFilter, today: string): string[] {
  const list = {
    q: filter.q,
    province: filter.province,
    segmentId: filter.segmentId,
    deleted: false,
    sort: 'name' as const,
    dir: 'asc' as const,
    offset: 0,
    limit: MAX_EXPORT_ROWS + 1,
  };
  const ids = (
    cardType === 'person' ? listPersons(db, list, today) : listInstitutions(db, { ...list, kind: filter.kind }, today)
  ).rows.map((r) => r.id);
  if (ids.length > MAX_EXPORT_ROWS) {
    throw invalidInput(`Dışa aktarılacak kart çok: bir dosyaya en çok ${MAX_EXPORT_ROWS} kart yazılabilir; süzün.`);
  }
  return ids;
}

/** A segment's name for the file name, when it has one. */
export function segmentName(db: Db, segmentId: string): string | null {
  const row = stmt(db, 'select name from segments where id = ?').get(segmentId) as { name: string } | undefined;
  return row?.name ?? null;
}
