import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/contract-hooks';
import { uploadFile } from '../transfer/transfer-files';

export interface UploadState {
  key: string;
  name: string;
  fraction: number;
}

type Target = { kind: 'attach'; cardId: string; source: 'picker' | 'drop' } | { kind: 'version'; documentId: string };

/**
 * Sends files to main one after the other (the machine is shared; parallel
 * uploads would only compete) and files each one; shows progress per file
 * and a notification per file that could not be filed.
 */
export function useUploads() {
  const client = useClient();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [uploads, setUploads] = useState<UploadState[]>([]);

  const update = (key: string, fraction: number | null) =>
    setUploads((list) =>
      fraction === null ? list.filter((u) => u.key !== key) : list.map((u) => (u.key === key ? { ...u, fraction } : u)),
    );

  async function send(files: File[], target: Target): Promise<void> {
    const queued = files.map((file, i) => ({ file, key: `${Date.now()}-${i}-${file.name}` }));
    setUploads((list) => [...list, ...queued.map(({ file, key }) => ({ key, name: file.name, fraction: 0 }))]);
    for (const { file, key } of queued) {
      try {
        const uploadId = await uploadFile(client, file, (fraction) => update(key, fraction));
        if (target.kind === 'attach') {
          await client.call('documents.attach', { uploadId, cardId: target.cardId, source: target.source });
          notifications.show({ color: 'green', message: t('documents.attached', { name: file.name }) });
        } else {
          await client.call('documents.addVersion', { uploadId, documentId: target.documentId });
          notifications.show({ color: 'green', message: t('documents.versionAdded', { name: file.name }) });
        }
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
  }

  return { uploads, send };
}
