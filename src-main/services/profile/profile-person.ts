import type { Db } from '../../db/connection';
import { ContractError, invalidInput } from '../../../src-shared/contract/errors';
import { loadCard, type CardRow } from '../cards/card-rows';

/**
 * The person whose profile is read or changed. An institution id is a caller's
 * mistake, not a missing card, so it is refused as INVALID_INPUT naming the field.
 */
export function loadProfilePerson(db: Db, id: string, field = 'personId'): CardRow {
  const card = loadCard(db, id);
  if (card.type !== 'person') {
    throw invalidInput(`"${card.displayName}" bir kurum kartı; profil bilgileri yalnızca kişi kartlarında tutulur.`, {
      [field]: 'Bir kişi kartı seçilmeli',
    });
  }
  return card;
}

/** The same, for a change: a card in the recycle bin is read-only until it is restored. */
export function loadLiveProfilePerson(db: Db, id: string, field = 'personId'): CardRow {
  const card = loadProfilePerson(db, id, field);
  if (card.deletedAt) throw new ContractError('CONFLICT', `"${card.displayName}" çöp kutusunda; önce geri alın.`);
  return card;
}
