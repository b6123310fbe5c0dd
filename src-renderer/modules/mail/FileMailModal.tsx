import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { MailDetail } from '../../../src-shared/contract/mail';
import { useCall, useMutate } from '../../app/contract-hooks';
import { CardPicker } from '../cards/CardPicker';

/**
 * "Karta dosyala": puts a mail on a person or institution card. For an unfiled mail whose sender the
 * chosen person card does not know yet, it offers (checked) to add the address to the card, so the next
 * mail from it links by itself.
 */
export function FileMailModal(props: { mail: MailDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { mail } = props;
  const [type, setType] = useState<CardType>('person');
  const [cardId, setCardId] = useState<string | null>(null);
  const [addAddress, setAddAddress] = useState(true);
  const file = useMutate('mail.file');
  useEffect(() => {
    if (!props.opened) return;
    setType('person');
    setCardId(null);
    setAddAddress(true);
  }, [props.opened]);

  const sender = mail.senderAddress?.toLowerCase() ?? null;
  const person = useCall(
    'cards.getPerson',
    { id: cardId ?? '' },
    { enabled: type === 'person' && !!cardId && !!sender },
  );
  const offerAddress =
    !!sender &&
    type === 'person' &&
    !!person.data &&
    !person.data.emails.some((e) => e.address.toLowerCase() === sender);
  // Until the person's addresses are known, filing would silently skip "add the address": wait for them.
  const checkingAddresses = type === 'person' && !!cardId && !!sender && person.isFetching;
  const onCards = new Set(mail.cards.map((c) => c.id));

  const submit = async () => {
    if (!cardId) return;
    const result = await file
      .mutateAsync({ id: mail.id, cardIds: [cardId], ...(offerAddress && addAddress ? { addAddressTo: cardId } : {}) })
      .catch(() => null);
    if (!result) return;
    notifications.show({
      color: 'green',
      message: result.addressAdded
        ? t('mail.file.filedWithAddress', { address: mail.senderAddress })
        : t('mail.file.filed'),
    });
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('mail.file.title')} centered size="md">
      <Stack data-testid="file-mail-dialog">
        <Text size="sm" c="dimmed" lineClamp={2}>
          {mail.subject || t('mail.noSubject')}
          {mail.senderAddress && ` · ${mail.senderAddress}`}
        </Text>
        <SegmentedControl
          aria-label={t('mail.file.cardType')}
          value={type}
          onChange={(value) => {
            setType(value as CardType);
            setCardId(null);
          }}
          data={[
            { value: 'person', label: t('mail.file.person') },
            { value: 'institution', label: t('mail.file.institution') },
          ]}
        />
        <CardPicker
          key={type}
          type={type}
          label={type === 'person' ? t('mail.file.person') : t('mail.file.institution')}
          placeholder={t('mail.file.pickPlaceholder')}
          value={cardId}
          onChange={setCardId}
        />
        {cardId && onCards.has(cardId) && (
          <Text size="sm" c="orange.8">
            {t('mail.file.alreadyOn')}
          </Text>
        )}
        {person.error && (
          <Text size="sm" c="red">
            {person.error.message}
          </Text>
        )}
        {offerAddress && (
          <Checkbox
            checked={addAddress}
            onChange={(e) => setAddAddress(e.currentTarget.checked)}
            label={t('mail.file.addAddress')}
            description={t('mail.file.addAddressHint', { address: mail.senderAddress })}
            data-testid="add-address"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!cardId || onCards.has(cardId) || checkingAddresses}
            loading={file.isPending}
            onClick={() => void submit()}
            data-testid="file-mail-submit"
          >
            {t('mail.file.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
