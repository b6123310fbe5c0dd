import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { cards } from '../../db/schema';
import { writeTransaction } from '../../db/transaction';
import { ContractError } from '../../../src-shared/contract/errors';
import type { CardType } from '../../../src-shared/contract/cards';
import { writeAudit } from '../audit/audit-log';
import { loadCard, type CardStamp } from './card-rows';
import { refreshCardIndexes, refreshPeopleOf } from './card-index';

/**
 * Soft delete: the card leaves lists and search but keeps its links and
 * details, so restoring brings everything back.
 */
export function deleteCard(db: Db, id: string, stamp: CardStamp): { id: string; type: CardType } {
  return writeTransaction(db, () => {
    const card = loadCard(db, id);
    if (card.deletedAt) throw new ContractError('CONFLICT', `"${card.displayName}" zaten çöp kutusunda.`);
    db.update(cards)
      .set({ deletedAt: stamp.at, deletedBy: stamp.userId, updatedAt: stamp.at })
      .where(eq(cards.id, id))
      .run();
    refreshCardIndexes(db, id);
    // People linked to a deleted institution no longer show it (nor are found by it).
    if (card.type === 'institution') refreshPeopleOf(db, id);
    writeAudit(db, { ...stamp, action: 'delete', entityType: card.type, entityId: id, before: card });
    return { id, type: card.type };
  });
}

export function restoreCard(db: Db, id: string, stamp: CardStamp): { id: string; type: CardType } {
  return writeTransaction(db, () => {
    const card = loadCard(db, id);
    if (!card.deletedAt) throw new ContractError('CONFLICT', `"${card.displayName}" çöp kutusunda değil.`);
    if (card.mergedInto)
      throw new ContractError(
        'CONFLICT',
        `"${card.displayName}" başka bir kartla birleştirildi; geri getirmek için birleştirmeyi geri alın (Mükerrer kartlar › Son birleştirmeler).`,
      );
    db.update(cards).set({ deletedAt: null, deletedBy: null, updatedAt: stamp.at }).where(eq(cards.id, id)).run();
    refreshCardIndexes(db, id);
    if (card.type === 'institution') refreshPeopleOf(db, id);
    writeAudit(db, { ...stamp, action: 'restore', entityType: card.type, entityId: id, before: card });
    return { id, type: card.type };
  });
}
