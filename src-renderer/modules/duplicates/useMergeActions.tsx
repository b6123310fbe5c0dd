import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../src-shared/contract';
import type { MergeRecord } from '../../../src-shared/contract/duplicates';
import { useMutate } from '../../app/contract-hooks';

/** The notice of each merge still on screen: undone elsewhere (the recent list), its "Geri al" must go. */
const mergeNotices = new Map<string, string>();

/** Merge and undo with their notices; a merge's notice carries its own "Geri al". */
export function useMergeActions() {
  const { t } = useTranslation();
  const merge = useMutate('duplicates.merge');
  const undo = useMutate('duplicates.undoMerge');

  const undoMerge = async (m: Pick<MergeRecord, 'id' | 'loser'>) => {
    await undo.mutateAsync({ id: m.id });
    const notice = mergeNotices.get(m.id);
    if (notice) notifications.hide(notice);
    notifications.show({ color: 'green', message: t('duplicates.undoneToast', { loser: m.loser.displayName }) });
  };

  const mergeCards = async (input: CallInput<'duplicates.merge'>) => {
    const done = await merge.mutateAsync(input);
    const toast = notifications.show({
      autoClose: 15_000,
      onClose: () => mergeNotices.delete(done.id),
      color: 'green',
      message: (
        <Group justify="space-between" wrap="nowrap" data-testid="merged-toast">
          <Text size="sm">
            {t('duplicates.mergedToast', { loser: done.loser.displayName, survivor: done.survivor.displayName })}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(toast);
              // A refusal is already shown by the mutation's error notice.
              void undoMerge(done).catch(() => undefined);
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
    mergeNotices.set(done.id, toast);
    return done;
  };

  return { mergeCards, undoMerge, merging: merge.isPending, undoing: undo.isPending };
}
