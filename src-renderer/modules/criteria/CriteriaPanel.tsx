import type { CardType } from '../../../src-shared/contract/cards';

/** The card's values of the user-defined criteria, by category. */
export function CriteriaPanel(_props: { cardId: string; cardType: CardType; readOnly: boolean }) {
  return null;
}
