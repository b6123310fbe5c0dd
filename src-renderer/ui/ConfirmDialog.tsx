import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Are you sure?" before something that cannot be undone from the screen. */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  message: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  /** The red button's word; "Sil" unless the action is something else (e.g. "Karttan kaldır"). */
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Text size="sm" mb="md">
        {props.message}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={props.onConfirm} loading={props.loading ?? false}>
          {props.confirmLabel ?? t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
