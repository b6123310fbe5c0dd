import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { cards } from '../../db/schema';
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
       deleted_at as deletedAt, deleted_by as deletedBy
     from cards where id = ?`,
  ).get(id) as CardRow | undefined;
  if (!row || (type && row.type !== type)) throw notFound(`${type ? TYPE_NAMES[type] : 'Kart'} (${id})`);
  return row;
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
  values: { id: string; type: CardType; displayName: string },
  stamp: CardStamp,
): void {
  db.insert(cards)
    .values({
      ...values,
      sortKey: turkishSortKey(values.displayName),
      ownerId: stamp.userId,
      createdAt: stamp.at,
      updatedAt: stamp.at,
      createdBy: stamp.userId,
    })
    .run();
}

export function touchCard(db: Db, id: string, displayName: string, stamp: CardStamp): void {
  db.update(cards)
    .set({ displayName, sortKey: turkishSortKey(displayName), updatedAt: stamp.at })
    .where(eq(cards.id, id))
    .run();
}
