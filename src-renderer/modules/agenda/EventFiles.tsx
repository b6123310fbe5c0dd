import { useState } from 'react';
import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconPaperclip, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { useClient, useMutate } from '../../app/contract-hooks';
import { documentPath } from '../documents/document-paths';
import { uploadFile } from '../transfer/transfer-files';

/** An event's files (agenda, presentation, minutes): opened as documents, added one by one, taken off. */
export function EventFiles({ event }: { event: EventOut }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const detach = useMutate('agenda.detachDocument');
  const [busy, setBusy] = useState(false);
  const editable = event.canEdit && !event.deleted;

  const attach = async (files: File[]) => {
    setBusy(true);
    for (const file of files) {
      try {
        const uploadId = await uploadFile(client, file, () => undefined);
        await client.call('agenda.attachDocument', { eventId: event.id, uploadId });
      } catch (error) {
        notifications.show({
          color: 'red',
          message: t('agenda.files.failed', { name: file.name, reason: (error as Error).message }),
          autoClose: 10_000,
        });
      }
    }
    setBusy(false);
    await queryClient.invalidateQueries();
  };

  return (
    <Stack gap={6} data-testid="event-files">
      <Group justify="space-between">
        <Text fw={600}>{t('agenda.files.title')}</Text>
        {editable && (
          <FileButton onChange={(files) => void attach(files)} multiple>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconUpload size={14} />}
                loading={busy}
                data-testid="event-attach"
              >
                {t('agenda.files.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {event.documents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('agenda.files.none')}
        </Text>
      )}
      {event.documents.map((doc) => (
        <Group key={doc.id} gap="xs" wrap="nowrap">
          <IconPaperclip size={14} />
          <Anchor component={Link} to={documentPath(doc.id)} size="sm" truncate>
            {doc.name}
          </Anchor>
          {editable && (
            <Tooltip label={t('agenda.files.detach')}>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label={t('agenda.files.detach')}
                onClick={() => detach.mutate({ eventId: event.id, documentId: doc.id })}
              >
                <IconX size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      ))}
    </Stack>
  );
}
