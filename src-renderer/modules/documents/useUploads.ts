import { useSyncExternalStore } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DOCUMENT_SOURCES } from '../../../src-shared/contract/documents';
import { useClient } from '../../app/contract-hooks';
import { uploadFile } from '../transfer/transfer-files';

export interface UploadState {
  key: string;
  name: string;
  fraction: number;
  /** The card the file is being filed on; null for a new version (shown wherever the panel is open). */
  cardId: string | null;
}

type AttachSource = Extract<(typeof DOCUMENT_SOURCES)[number], 'picker' | 'drop' | 'paste' | 'camera'>;
type Target = { kind: 'attach'; cardId: string; source: AttachSource } | { kind: 'version'; documentId: string };

/**
 * The files on their way in, shared by every screen: a file pasted or taken with
 * the camera while another tab is open shows its progress on the card's
 * documents tab, like a dropped one.
 */
let inFlight: UploadState[] = [];
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const setInFlight = (change: (list: UploadState[]) => UploadState[]) => {
  inFlight = change(inFlight);
  for (const listener of listeners) listener();
};
const update = (key: string, fraction: number | null) =>
  setInFlight((list) =>
    fraction === null ? list.filter((u) => u.key !== key) : list.map((u) => (u.key === key ? { ...u, fraction } : u)),
  );

/**
 * Sends files to main one after the other (the machine is shared; parallel
 * uploads would only compete) and files each one; shows progress per file
 * and a notification per file that could not be filed. `cardId` narrows the
 * progress shown to that card's files.
 */
export function useUploads(cardId?: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const all = useSyncExternalStore(subscribe, () => inFlight);
  const uploads = cardId === undefined ? all : all.filter((u) => u.cardId === null || u.cardId === cardId);

  /** Resolves to how many files were filed; `quiet` leaves the per-file success notice to the caller. */
  async function send(files: File[], target: Target, options: { quiet?: boolean } = {}): Promise<number> {
    const queued = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    const forCard = target.kind === 'attach' ? target.cardId : null;
    setInFlight((list) => [
      ...list,
      ...queued.map(({ file, key }) => ({ key, name: file.name, fraction: 0, cardId: forCard })),
    ]);
    let filed = 0;
    for (const { file, key } of queued) {
      try {
        const uploadId = await uploadFile(client, file, (fraction) => update(key, fraction));
        if (target.kind === 'attach') {
          await client.call('documents.attach', { uploadId, cardId: target.cardId, source: target.source });
          if (!options.quiet)
            notifications.show({ color: 'green', message: t('documents.attached', { name: file.name }) });
        } else {
          await client.call('documents.addVersion', { uploadId, documentId: target.documentId });
          notifications.show({ color: 'green', message: t('documents.versionAdded', { name: file.name }) });
        }
        filed++;
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('documents.failed', { name: file.name, reason: (error as Error).message }),
          autoClose: 10_000,
        });
      } finally {
        update(key, null);
        void queryClient.invalidateQueries();
      }
    }
    return filed;
  }

  return { uploads, send };
}
