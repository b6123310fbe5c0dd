import { useState } from 'react';
import { Button, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconLock, IconTextRecognition } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-shared/contract';
import type { DocumentDetail } from '../../../src-shared/contract/documents';
import { useClient, useMutate } from '../../app/contract-hooks';
import { PasswordDialog } from './PasswordDialog';

/**
 * Where a document's text stands, in words, with what the user can do about it:
 * try a failed extraction again, or give the password of a protected file.
 * Updates by itself while the job works (the shell listens to documents.textChanged).
 */
export function TextStatusPanel({ doc, readOnly }: { doc: DocumentDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const retry = useMutate('documents.retryText');
  const [asking, setAsking] = useState(false);
  const status = doc.textStatus;
  return (
    <Stack gap={6} data-testid="text-status-panel" data-status={status}>
      {status === 'pending' && (
        <Group gap={8} wrap="nowrap">
          <Loader size={16} />
          <Text size="sm">{t('documents.statusHint.pending')}</Text>
        </Group>
      )}
      {status === 'done' && (
        <Group gap={8} wrap="nowrap">
          <ThemeIcon size="sm" radius="xl" color="green" variant="light">
            <IconCheck size={14} />
          </ThemeIcon>
          <Text size="sm">{t('documents.statusHint.done')}</Text>
        </Group>
      )}
      {status === 'none' && (
        <Group gap={8} wrap="nowrap">
          <ThemeIcon size="sm" radius="xl" color="gray" variant="light">
            <IconTextRecognition size={14} />
          </ThemeIcon>
          <Text size="sm">{doc.textError ?? t('documents.statusHint.none')}</Text>
        </Group>
      )}
      {status === 'failed' && (
        <>
          <Group gap={8} wrap="nowrap" align="flex-start">
            <ThemeIcon size="sm" radius="xl" color="red" variant="light">
              <IconAlertTriangle size={14} />
            </ThemeIcon>
            <Text size="sm" c="red.8">
              {t('documents.statusHint.failed', { reason: doc.textError ?? t('documents.statusHint.unknownReason') })}
            </Text>
          </Group>
          {!readOnly && (
            <Button
              size="xs"
              variant="light"
              w="fit-content"
              loading={retry.isPending}
              onClick={() =>
                retry.mutate(
                  { id: doc.id },
                  { onSuccess: () => notifications.show({ message: t('documents.retryQueued') }) },
                )
              }
            >
              {t('documents.retryText')}
            </Button>
          )}
        </>
      )}
      {status === 'locked' && (
        <>
          <Group gap={8} wrap="nowrap">
            <ThemeIcon size="sm" radius="xl" color="orange" variant="light">
              <IconLock size={14} />
            </ThemeIcon>
            <Text size="sm">{t('documents.status.locked')}</Text>
          </Group>
          {!readOnly && (
            <Button size="xs" variant="light" w="fit-content" onClick={() => setAsking(true)}>
              {t('documents.enterPassword')}
            </Button>
          )}
          <UnlockDialog doc={doc} opened={asking} onClose={() => setAsking(false)} />
        </>
      )}
    </Stack>
  );
}

/** The password goes to main once, to extract the text; a wrong one keeps the dialog open with main's reason. */
function UnlockDialog({ doc, opened, onClose }: { doc: DocumentDetail; opened: boolean; onClose: () => void }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <PasswordDialog
      opened={opened}
      name={doc.name}
      error={error}
      busy={busy}
      onCancel={close}
      onSubmit={(password) => {
        setBusy(true);
        client
          .call('documents.unlock', { id: doc.id, password })
          .then(() => {
            void queryClient.invalidateQueries();
            close();
          })
          .catch((failure: ContractError) => setError(failure.fields?.password ?? failure.message))
          .finally(() => setBusy(false));
      }}
    />
  );
}
