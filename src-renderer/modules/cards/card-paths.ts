import type { CardType } from '../../../src-shared/contract/cards';

export const cardPath = (type: CardType, id: string): string =>
  type === 'person' ? `/persons/${id}` : `/institutions/${id}`;
