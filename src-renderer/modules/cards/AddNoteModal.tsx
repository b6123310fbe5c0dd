import { useState } from 'react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import { useMutate } from '../../app/contract-hooks';

/**
 * "Not ekle": one dated, signed line at the end of the card's notes
 * (cards.appendNote). Ctrl/Cmd+Enter saves. Stands in until the notes module.
 */
export function AddNoteModal(props: { cardId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const append = useMutate('cards.appendNote');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setText('');
    setError(undefined);
    props.onClose();
  };
  const save = async () => {
    if (text.trim() === '') return;
    try {
      await append.mutateAsync({ id: props.cardId, text });
      notifications.show({ color: 'green', message: t('timeline.quick.noteAdded') });
      close();
    } catch (err) {
      // The sentence is already shown by the mutation; the field's reason goes under the box.
      if (err instanceof ContractError) setError(err.fields?.text);
    }
  };
  return (
    <Modal opened={props.opened} onClose={close} title={t('timeline.quick.addNote')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Textarea
            data-autofocus
            label={t('timeline.quick.noteLabel')}
            description={t('timeline.quick.noteHint')}
            placeholder={t('timeline.quick.notePlaceholder')}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={2000}
            value={text}
            error={error}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={append.isPending} disabled={text.trim() === ''}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
