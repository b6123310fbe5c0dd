import { useState } from 'react';
import { Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconMail, IconMessage, IconSend, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Channel } from '../../../src-shared/contract/mailings';
import { ComposeModal } from '../mailings/ComposeModal';
import type { Recipient } from '../mailings/recipients';
import type { SelectedCard } from './useCardSelection';

/** A single send goes to at most this many (mail.send's `to` in src-shared/contract/mailings.ts); more is a mailing. */
export const SINGLE_SEND_LIMIT = 100;

/** A ticked card as a compose recipient: the card alone, so main takes its primary address or mobile. */
const asRecipient = (card: SelectedCard): Recipient => ({
  key: `card:${card.id}`,
  cardId: card.id,
  name: card.displayName,
  address: '',
});

/** Above a card list while rows are ticked: how many, and writing to them by e-mail or SMS. */
export function SelectionBar(props: { cards: SelectedCard[]; onClear: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel | null>(null);
  const count = props.cards.length;
  const tooMany = count > SINGLE_SEND_LIMIT;

  const sendButton = (ch: Channel) => (
    <Tooltip
      label={t('cards.selection.tooMany', { limit: SINGLE_SEND_LIMIT })}
      disabled={!tooMany}
      multiline
      w={320}
      withArrow
    >
      <Button
        size="xs"
        variant="light"
        leftSection={ch === 'sms' ? <IconMessage size={14} /> : <IconMail size={14} />}
        // data-disabled, not disabled: a disabled button gets no hover, so the reason would not show.
        data-disabled={tooMany || undefined}
        aria-disabled={tooMany || undefined}
        onClick={(e) => (tooMany ? e.preventDefault() : setChannel(ch))}
        data-testid={`selection-${ch}`}
      >
        {t(ch === 'sms' ? 'cards.selection.sms' : 'cards.selection.email')}
      </Button>
    </Tooltip>
  );

  return (
    <Paper withBorder radius="md" px="sm" py={6} mb="sm" bg="blue.0" data-testid="selection-bar">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500} role="status" data-testid="selection-count">
          {t('cards.selection.count', { count })}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {tooMany && (
            <Button
              size="xs"
              variant="subtle"
              component={Link}
              to="/mailings/new"
              leftSection={<IconSend size={14} />}
              data-testid="selection-mailing"
            >
              {t('cards.selection.mailing')}
            </Button>
          )}
          {sendButton('email')}
          {sendButton('sms')}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconX size={14} />}
            onClick={props.onClear}
            data-testid="selection-clear"
          >
            {t('cards.selection.clear')}
          </Button>
        </Group>
      </Group>
      {channel && (
        <ComposeModal
          opened
          onClose={() => setChannel(null)}
          start={{ channel, to: props.cards.map(asRecipient) }}
          onSent={() => {
            setChannel(null);
            props.onSent();
          }}
        />
      )}
    </Paper>
  );
}
