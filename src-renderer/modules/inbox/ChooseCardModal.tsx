import { useEffect, useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import { CardPicker } from '../cards/CardPicker';

/** Choose the card a waiting file goes on, when the suggestion is wrong or there is none. */
export function ChooseCardModal(props: {
  opened: boolean;
  documentName: string;
  initialType: CardType;
  loading: boolean;
  onClose: () => void;
  onChoose: (cardId: string) => void;
}) {
  const { t } = useTranslation();
  const [type, setType] = useState<CardType>(props.initialType);
  const [cardId, setCardId] = useState<string | null>(null);
  useEffect(() => {
    if (props.opened) {
      setType(props.initialType);
      setCardId(null);
    }
  }, [props.opened, props.initialType]);
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('inbox.chooseTitle', { name: props.documentName })}
      centered
    >
      <Stack>
        <SegmentedControl
          aria-label={t('inbox.cardType')}
          value={type}
          onChange={(value) => {
            setType(value as CardType);
            setCardId(null);
          }}
          data={[
            { value: 'institution', label: t('inbox.institution') },
            { value: 'person', label: t('inbox.person') },
          ]}
        />
        <CardPicker
          key={type}
          type={type}
          label={type === 'person' ? t('inbox.pickPerson') : t('inbox.pickInstitution')}
          placeholder={t('inbox.pickPlaceholder')}
          value={cardId}
          onChange={setCardId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!cardId} loading={props.loading} onClick={() => cardId && props.onChoose(cardId)}>
            {t('inbox.file')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
