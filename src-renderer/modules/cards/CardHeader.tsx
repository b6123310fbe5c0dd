import type { ReactNode } from 'react';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useMutate } from '../../app/contract-hooks';
import { MergedTombstoneAlert, useMergedInto } from '../duplicates/MergedTombstone';
import { MergeWithButton } from '../duplicates/MergeWithButton';
import { showUndoNotice } from '../../ui/undo-notice';

export interface CardHeaderProps {
  type: CardType;
  id: string;
  name: string;
  subtitle?: ReactNode;
  badges?: ReactNode;
  /** Under the name: tags and whatever else a module shows there. */
  extra?: ReactNode;
  /** Quick actions (call, mail, note) in a row under the name; hidden on a deleted card. */
  actions?: ReactNode;
  deletedAt: string | null;
  onEdit: () => void;
  backTo: string;
}

/** Name, essentials and the card's actions; delete goes to the recycle bin with an undo. */
export function CardHeader(props: CardHeaderProps) {
  const { t } = useTranslation();
  const remove = useMutate('cards.delete');
  const restore = useMutate('cards.restore');
  // A merged card is a tombstone: it points at the card it went into instead of offering a restore.
  const mergedInto = useMergedInto(props.type, props.id, !!props.deletedAt);

  const doRestore = async () => {
    await restore.mutateAsync({ id: props.id });
    notifications.show({ color: 'green', message: t('cards.restoredToast', { name: props.name }) });
  };
  const doDelete = async () => {
    await remove.mutateAsync({ id: props.id });
    showUndoNotice(t('cards.deletedToast', { name: props.name }), t('common.undo'), doRestore);
  };

  return (
    <Stack gap="xs" mb="md">
      <Anchor component={Link} to={props.backTo} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('common.back')}
        </Group>
      </Anchor>
      {props.deletedAt && mergedInto && <MergedTombstoneAlert type={props.type} into={mergedInto} />}
      {props.deletedAt && !mergedInto && (
        <Alert color="orange" variant="light" title={t('cards.deleted')}>
          <Button
            size="xs"
            leftSection={<IconRestore size={14} />}
            onClick={() => void doRestore().catch(() => undefined)}
            loading={restore.isPending}
          >
            {t('common.restore')}
          </Button>
        </Alert>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm">
            <Title order={2} data-testid="card-title">
              {props.name}
            </Title>
            {props.badges}
          </Group>
          {props.subtitle && (
            <Text c="dimmed" size="sm" component="div">
              {props.subtitle}
            </Text>
          )}
          {props.extra}
          {!props.deletedAt && props.actions && (
            <Group gap="xs" mt={6}>
              {props.actions}
            </Group>
          )}
        </Stack>
        {!props.deletedAt && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <MergeWithButton type={props.type} id={props.id} />
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={props.onEdit}>
              {t('common.edit')}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void doDelete().catch(() => undefined)}
              loading={remove.isPending}
            >
              {t('common.delete')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
