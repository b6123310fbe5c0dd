import { Fragment } from 'react';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { cardPath } from '../cards/card-paths';

/** The cards an item is about, as small links ("Ayşe Yılmaz, Kuruçeşme Lojistik"). */
export function CardLinks({ cards }: { cards: { id: string; type: CardType; displayName: string }[] }) {
  if (cards.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" lineClamp={1}>
      {cards.map((card, i) => (
        <Fragment key={card.id}>
          {i > 0 && ', '}
          <Anchor component={Link} to={cardPath(card.type, card.id)} size="xs" c="dimmed" underline="hover">
            {card.displayName}
          </Anchor>
        </Fragment>
      ))}
    </Text>
  );
}
