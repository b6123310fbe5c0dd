import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Segment, SegmentSummary } from '../../../src-shared/contract/segments';
import { segmentQuery, type SegmentCardType, type SegmentQuery } from '../../../src-shared/domain/segment-query';
import { foldForSearch, turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';

interface SegmentRow {
  id: string;
  name: string;
  cardType: SegmentCardType;
  query: string;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, name, card_type as cardType, query, created_at as createdAt, updated_at as updatedAt`;

/**
 * A stored query is parsed with the contract's schema on every read: a row
 * written by a newer or older Kartotek that no longer fits is reported, not
 * half-understood.
 */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

function toSegment(row: SegmentRow): Segment {
  const parsed = segmentQuery.safeParse(parseJson(row.query));
  if (!parsed.success)
    throw new ContractError('INVALID_INPUT', `"${row.name}" segmentinin sorgusu okunamadı; segmenti yeniden kaydedin.`);
  return { ...row, query: parsed.data };
}

export function loadSegment(db: Db, id: string): Segment {
  return toSegment(loadRow(db, id));
}

/** The stored row as it is, for changes: a query this version cannot read can still be replaced or deleted. */
function loadRow(db: Db, id: string): SegmentRow {
  const row = stmt(db, `select ${COLUMNS} from segments where id = ? and deleted_at is null`).get(id) as
    SegmentRow | undefined;
  if (!row) throw new ContractError('NOT_FOUND', 'Segment bulunamadı (silinmiş olabilir).');
  return row;
}

export function listSegments(db: Db, cardType?: SegmentCardType): SegmentSummary[] {
  const rows = stmt(
    db,
    `select ${COLUMNS} from segments where deleted_at is null and (? is null or card_type = ?)`,
  ).all(cardType ?? null, cardType ?? null) as SegmentRow[];
  return rows
    .map(({ query: _query, ...rest }) => rest)
    .sort((x, y) => (turkishSortKey(x.name) < turkishSortKey(y.name) ? -1 : 1));
}

export interface SaveSegmentInput {
  id?: string | undefined;
  name: string;
  cardType: SegmentCardType;
  query: SegmentQuery;
}

/** `check` compiles the query first (the caller passes it), so a query that cannot run is never saved. */
export function saveSegment(db: Db, input: SaveSegmentInput, stamp: CardStamp, check: () => void): Segment {
  check();
  return writeTransaction(db, () => {
    const clash = (
      stmt(db, `select id, name from segments where deleted_at is null and card_type = ?`).all(input.cardType) as {
        id: string;
        name: string;
      }[]
    ).find((s) => s.id !== input.id && foldForSearch(s.name) === foldForSearch(input.name));
    if (clash)
      throw new ContractError('CONFLICT', `"${clash.name}" adında bir segment zaten var.`, {
        name: 'Bu adda bir segment zaten var',
      });
    const query = JSON.stringify(input.query);
    if (input.id) {
      const before = loadRow(db, input.id);
      if (before.cardType !== input.cardType)
        throw new ContractError('INVALID_INPUT', 'Bir segmentin kart türü sonradan değiştirilemez.');
      stmt(db, `update segments set name = ?, query = ?, updated_at = ? where id = ?`).run(
        input.name,
        query,
        stamp.at,
        input.id,
      );
      const after = loadSegment(db, input.id);
      writeAudit(db, { ...stamp, action: 'segment_save', entityType: 'segment', entityId: input.id, before, after });
      return after;
    }
    const id = newId();
    stmt(
      db,
      `insert into segments (id, name, card_type, query, created_at, updated_at, created_by) values (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.name, input.cardType, query, stamp.at, stamp.at, stamp.userId);
    const after = loadSegment(db, id);
    writeAudit(db, { ...stamp, action: 'segment_save', entityType: 'segment', entityId: id, after });
    return after;
  });
}

export function deleteSegment(db: Db, id: string, stamp: CardStamp): { id: string } {
  return writeTransaction(db, () => {
    const before = loadRow(db, id);
    stmt(db, `update segments set deleted_at = ?, updated_at = ? where id = ?`).run(stamp.at, stamp.at, id);
    writeAudit(db, { ...stamp, action: 'segment_delete', entityType: 'segment', entityId: id, before });
    return { id };
  });
}
