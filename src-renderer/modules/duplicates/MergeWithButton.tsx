import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { CardPicker } from '../cards/CardPicker';

/** "Birleştir…" on a card: pick the other card, then compare the two on the duplicates screen. */
export function MergeWithButton({ type, id }: { type: CardType; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [other, setOther] = useState<string | null>(null);
  return (
    <>
      <Button variant="default" leftSection={<IconGitMerge size={16} />} onClick={() => setOpened(true)}>
        {t('duplicates.mergeWith.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('duplicates.mergeWith.title')}>
        <Stack>
          <CardPicker
            type={type}
            label={t('duplicates.mergeWith.pick')}
            placeholder={t('duplicates.mergeWith.pickHint')}
            value={other}
            onChange={setOther}
            excludeId={id}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!other}
              onClick={() => other && void navigate(`/duplicates?${new URLSearchParams({ type, a: id, b: other })}`)}
            >
              {t('duplicates.mergeWith.next')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
