import { useEffect } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUploads } from './useUploads';

/**
 * Files dropped on a row of a card list are filed on that card, with one notice
 * naming the card and the count. While the list is open, files dropped anywhere
 * else on the page are refused (the browser would otherwise open the file in
 * place of the app).
 */
export function useRowDrop() {
  const { t } = useTranslation();
  const { send } = useUploads();

  useEffect(() => {
    const refuse = (event: DragEvent) => {
      if (event.defaultPrevented || !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);

  return async (card: { id: string; displayName: string }, files: File[]) => {
    const name = card.displayName;
    const count = files.length;
    const id = notifications.show({
      loading: true,
      autoClose: false,
      withCloseButton: false,
      message: t('documents.filing.rowDrop.attaching', { name, count }),
    });
    const done = await send(files, { kind: 'attach', cardId: card.id, source: 'drop' }, { quiet: true });
    // Each file that failed already has its own notice with the reason.
    notifications.update({
      id,
      loading: false,
      autoClose: 5000,
      withCloseButton: true,
      color: done === count ? 'green' : done === 0 ? 'red' : 'orange',
      message:
        done === count
          ? t('documents.filing.rowDrop.attached', { name, count })
          : t('documents.filing.rowDrop.partly', { name, done, count }),
    });
  };
}
