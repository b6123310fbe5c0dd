import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { type cards } from '../../db/schema';
import { notFound, ContractError } from '../../../src-shared/contract/errors';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import type { CardType } from '../../../src-shared/contract/cards';

/** Who writes and when: taken once per call so every row of one change agrees. */
export interface CardStamp {
  userId: string;
  at: string;
}

export type CardRow = typeof cards.$inferSelect;

const TYPE_NAMES: Record<CardType, string> = { person: 'Kişi kartı', institution: 'Kurum kartı' };

/** Loads a card row, checking its type; deleted cards load too (for restore and history). */
export function loadCard(db: Db, id: string, type?: CardType): CardRow {
  const row = stmt(
    db,
    `select id, type, display_name as displayName, sort_key as sortKey, owner_id as ownerId,
       created_at as createdAt, updated_at as updatedAt, created_by as createdBy,
       deleted_at as deletedAt, deleted_by as deletedBy, merged_into as mergedInto
     from cards where id = ?`,
  ).get(id) as CardRow | undefined;
  if (!row || (type && row.type !== type)) throw notFound(`${type ? TYPE_NAMES[type] : 'Kart'} (${id})`);
  return row;
}

/** The card a merged tombstone points at (see duplicates), for "merged into X" on the tombstone. */
export function mergedIntoOf(db: Db, card: CardRow): { id: string; name: string } | null {
  if (!card.mergedInto) return null;
  const row = stmt(db, 'select id, display_name as name from cards where id = ?').get(card.mergedInto) as
    { id: string; name: string } | undefined;
  return row ?? null;
}

/** Loads a card that must be live (not in the recycle bin) for the change asked. */
export function loadLiveCard(db: Db, id: string, type?: CardType): CardRow {
  const row = loadCard(db, id, type);
  if (row.deletedAt) {
    throw new ContractError('CONFLICT', `"${row.displayName}" çöp kutusunda; önce geri alın.`);
  }
  return row;
}

/** Refuses a write made from a stale copy of the card (see expectedUpdatedAt in the contract). */
export function assertUnchangedSince(card: CardRow, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && card.updatedAt !== expectedUpdatedAt) {
    throw new ContractError(
      'CONFLICT',
      `"${card.displayName}" siz düzenlerken değiştirildi; kartı yeniden açıp değişikliklerinizi tekrar yapın.`,
    );
  }
}

export function insertCard(
  db: Db,
  { ownerId, ...values }: { id: string; type: CardType; displayName: string; ownerId?: string | null | undefined },
  stamp: CardStamp,
): void {
  assertOwnerExists(db, ownerId);
  stmt(
    db,
    `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    values.id,
    values.type,
    values.displayName,
    turkishSortKey(values.displayName),
    // Whoever files a card looks after it unless told otherwise.
    ownerId === undefined ? stamp.userId : ownerId,
    stamp.at,
    stamp.at,
    stamp.userId,
  );
}

export function touchCard(db: Db, id: string, displayName: string, stamp: CardStamp): void {
  stmt(db, 'update cards set display_name = ?, sort_key = ?, updated_at = ? where id = ?').run(
    displayName,
    turkishSortKey(displayName),
    stamp.at,
    id,
  );
}

/** An owner must be a user: a clear field message instead of a foreign key failure. */
function assertOwnerExists(db: Db, ownerId: string | null | undefined): void {
  if (!ownerId) return;
  if (!stmt(db, 'select 1 from users where id = ?').get(ownerId)) {
    throw new ContractError('INVALID_INPUT', `Sorumlu olarak seçilen kullanıcı bulunamadı (${ownerId}).`, {
      ownerId: 'Kullanıcı bulunamadı',
    });
  }
}

/** Changes the owner when one is given (undefined: unchanged, null: nobody). */
export function setOwner(db: Db, id: string, ownerId: string | null | undefined): void {
  if (ownerId === undefined) return;
  assertOwnerExists(db, ownerId);
  stmt(db, 'update cards set owner_id = ? where id = ?').run(ownerId, id);
}

/** The owner's id and name as a card shows them. */
export function ownerOf(db: Db, card: CardRow): { ownerId: string | null; ownerName: string | null } {
  if (!card.ownerId) return { ownerId: null, ownerName: null };
  const row = stmt(db, 'select name from users where id = ?').get(card.ownerId) as { name: string } | undefined;
  return { ownerId: card.ownerId, ownerName: row?.name ?? null };
}
