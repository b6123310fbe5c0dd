import { useState } from 'react';
import { Button, Chip, Group, Input, Pill, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { PersonSearch } from './PersonSearch';
import { cardAddresses, readAddress, sameRecipient, type ComposeCard, type Recipient } from './recipients';

/**
 * Who gets the message: the starting card's addresses as chips to tick, anyone else as removable pills
 * (another card by name: main takes its primary address/mobile; or a typed address/number).
 */
export function RecipientsField(props: {
  channel: Channel;
  card: ComposeCard | undefined;
  value: Recipient[];
  onChange: (next: Recipient[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { channel, card, value, onChange } = props;
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const own = card ? cardAddresses(card, channel) : [];
  const ownKey = (address: string) => `${card?.id}:${address}`;
  const others = value.filter((r) => !own.some((o) => r.key === ownKey(o.address)));

  const add = (recipient: Recipient) => {
    if (value.some((r) => sameRecipient(r, recipient))) {
      setTypedError(t('mailings.compose.alreadyAdded'));
      return false;
    }
    onChange([...value, recipient]);
    return true;
  };
  const addTyped = () => {
    if (!typed.trim()) return;
    const read = readAddress(typed, channel);
    if ('problem' in read) {
      setTypedError(t(`mailings.compose.${read.problem}`));
      return;
    }
    if (add({ key: `typed:${read.address}`, name: '', address: read.address })) {
      setTyped('');
      setTypedError(null);
    }
  };

  return (
    <Input.Wrapper label={t('mailings.compose.recipients')} withAsterisk error={props.error}>
      <Stack gap={6} mt={4} data-testid="compose-recipients">
        {card && own.length === 0 && (
          <Text size="sm" c="orange">
            {card.displayName}: {t(channel === 'email' ? 'mailings.compose.noAddress' : 'mailings.compose.noMobile')}
          </Text>
        )}
        {card && own.length > 0 && (
          <Group gap={6}>
            {own.map((o) => {
              const key = ownKey(o.address);
              const checked = value.some((r) => r.key === key);
              return (
                <Chip
                  key={key}
                  checked={checked}
                  size="sm"
                  onChange={(on) =>
                    onChange(
                      on
                        ? [...value, { key, cardId: card.id, name: card.displayName, address: o.address }]
                        : value.filter((r) => r.key !== key),
                    )
                  }
                  data-testid="compose-own-address"
                >
                  {card.displayName} · {o.label}
                </Chip>
              );
            })}
          </Group>
        )}
        {others.length > 0 && (
          <Group gap={6}>
            {others.map((r) => (
              <Pill
                key={r.key}
                size="md"
                withRemoveButton
                onRemove={() => onChange(value.filter((x) => x.key !== r.key))}
                data-testid="compose-recipient"
              >
                {r.name && r.address ? `${r.name} · ${r.address}` : r.name || r.address}
              </Pill>
            ))}
          </Group>
        )}
        {!card && value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('mailings.compose.recipientsEmpty')}
          </Text>
        )}
        <Group gap="xs" align="flex-start" grow>
          <PersonSearch
            placeholder={t('mailings.compose.addCardPlaceholder')}
            onPick={(picked) => add({ key: `card:${picked.id}`, cardId: picked.id, name: picked.name, address: '' })}
          />
          <TextInput
            aria-label={t('mailings.compose.addAddress')}
            placeholder={t(channel === 'email' ? 'mailings.compose.addAddressEmail' : 'mailings.compose.addAddressSms')}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setTypedError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
            error={typedError}
            rightSectionWidth={70}
            rightSection={
              <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={addTyped}>
                {t('mailings.compose.addAddressButton')}
              </Button>
            }
            data-testid="compose-add-address"
          />
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
