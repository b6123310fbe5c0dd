/**
 * The merges table as the merge, its undo and the history read it: what the JSON
 * columns hold, and whether a merge can still be undone.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notFound } from '../../../src-shared/contract/errors';
import type { CardType } from '../../../src-shared/contract/cards';
import type { MergeRecord } from '../../../src-shared/contract/duplicates';
import type { FieldValues } from './merge-fields';
import type { MovedReference } from './move-references';

/** merges.moved: what the merge changed. */
export interface MergeMoves {
  /** The survivor's fields as the merge wrote them. */
  fields: FieldValues;
  references: MovedReference[];
}

interface CardBefore {
  card: { deletedAt: string | null; deletedBy: string | null; updatedAt: string };
  fields: FieldValues;
  /** The whole card as getPerson / getInstitution showed it. */
  view: unknown;
}

/** merges.before: both cards as they were. */
export interface MergeBefore {
  survivor: CardBefore;
  loser: CardBefore;
}

export interface MergeRow {
  id: string;
  type: CardType;
  survivorId: string;
  survivorName: string;
  survivorUpdatedAt: string;
  survivorDeletedAt: string | null;
  loserId: string;
  loserName: string;
  loserMergedInto: string | null;
  createdAt: string;
  userName: string | null;
  undoneAt: string | null;
}

const SELECT = `select m.id, s.type, m.survivor_id as survivorId, s.display_name as survivorName,
    s.updated_at as survivorUpdatedAt, s.deleted_at as survivorDeletedAt,
    m.loser_id as loserId, l.display_name as loserName, l.merged_into as loserMergedInto,
    m.created_at as createdAt, u.name as userName, m.undone_at as undoneAt
  from merges m
  join cards s on s.id = m.survivor_id
  join cards l on l.id = m.loser_id
  left join users u on u.id = m.created_by`;

export function loadMerge(db: Db, id: string): MergeRow {
  const row = stmt(db, `${SELECT} where m.id = ?`).get(id) as MergeRow | undefined;
  if (!row) throw notFound(`Birleştirme (${id})`);
  return row;
}

export function mergeJson(db: Db, id: string): { moves: MergeMoves; before: MergeBefore } {
  const row = stmt(db, 'select moved, before from merges where id = ?').get(id) as { moved: string; before: string };
  return { moves: JSON.parse(row.moved) as MergeMoves, before: JSON.parse(row.before) as MergeBefore };
}

/**
 * Why this merge cannot be undone now, or null.
 *
 * Undo refuses once the survivor has been edited after the merge (its updatedAt
 * moved on), rather than undoing what still looks merged: the card form rewrites
 * all phones, e-mails and addresses as new rows, so after an edit nobody can tell
 * any more which of them came from the loser, and putting old field values back
 * would silently throw away the later edit. Later merges of either card are undone
 * first, newest first, for the same reason.
 */
/**
 * Any change to either card after the merge, as the audit log has it: links,
 * profile lists, criteria and tags do not all touch the card's updated_at, and
 * undoing over them would restore stale rows. Merges and their undos are not
 * changes here (later merges are checked above; an undone one left things as they were).
 */
function changedSince(db: Db, m: MergeRow): boolean {
  return !!stmt(
    db,
    `select 1 from audit_log
      where entity_id in (?, ?) and at >= ? and action not in ('merge', 'unmerge')
      limit 1`,
  ).get(m.survivorId, m.loserId, m.createdAt);
}

export function undoBlocker(db: Db, m: MergeRow): string | null {
  if (m.undoneAt) return 'Bu birleştirme zaten geri alındı.';
  const later = stmt(
    db,
    `select s.display_name as survivorName, l.display_name as loserName from merges m
       join cards s on s.id = m.survivor_id join cards l on l.id = m.loser_id
     where m.id > ? and m.undone_at is null
       and (m.survivor_id in (?, ?) or m.loser_id in (?, ?))
     order by m.id desc limit 1`,
  ).get(m.id, m.survivorId, m.loserId, m.survivorId, m.loserId) as
    { survivorName: string; loserName: string } | undefined;
  if (later) {
    return `Önce daha sonra yapılan "${later.loserName}" → "${later.survivorName}" birleştirmesini geri alın.`;
  }
  if (m.loserMergedInto !== m.survivorId) return `"${m.loserName}" artık bu birleştirmenin kaydıyla uyuşmuyor.`;
  if (m.survivorDeletedAt) return `"${m.survivorName}" çöp kutusunda; önce geri yükleyin.`;
  if (m.survivorUpdatedAt !== m.createdAt || changedSince(db, m)) {
    return `"${m.survivorName}" birleştirmeden sonra düzenlendi; geri almak o düzenlemeyi kaybettireceği için birleştirme geri alınamıyor.`;
  }
  return null;
}

export function toMergeRecord(db: Db, m: MergeRow): MergeRecord {
  return {
    id: m.id,
    type: m.type,
    survivor: { id: m.survivorId, displayName: m.survivorName },
    loser: { id: m.loserId, displayName: m.loserName },
    at: m.createdAt,
    userName: m.userName,
    undoneAt: m.undoneAt,
    undoBlockedBy: m.undoneAt ? null : undoBlocker(db, m),
  };
}

/** Merges, newest first (ids are time-ordered). */
export function listMerges(
  db: Db,
  input: { type?: CardType | undefined; offset: number; limit: number },
): { total: number; rows: MergeRecord[] } {
  const where = input.type ? 'where s.type = ?' : '';
  const params = input.type ? [input.type] : [];
  const { n } = stmt(db, `select count(*) as n from merges m join cards s on s.id = m.survivor_id ${where}`).get(
    ...params,
  ) as { n: number };
  const rows = stmt(db, `${SELECT} ${where} order by m.id desc limit ? offset ?`).all(
    ...params,
    input.limit,
    input.offset,
  ) as MergeRow[];
  return { total: n, rows: rows.map((m) => toMergeRecord(db, m)) };
}
