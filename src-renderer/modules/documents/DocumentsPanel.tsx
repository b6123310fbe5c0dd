import { useRef, useState } from 'react';
import { Button, Center, Group, Loader, Modal, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../src-shared/contract/documents';
import { useCall, useClient, useMutate } from '../../app/contract-hooks';
import { DocumentRow, type DocumentActions } from './DocumentRow';
import { downloadDocument } from './document-files';
import { DropArea } from './DropArea';
import { CameraAction } from './CameraAction';
import { useUploads } from './useUploads';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** The "Belgeler" tab of a card: drop or choose files to file them, and the documents filed here. */
export function DocumentsPanel({ cardId, readOnly }: { cardId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const list = useCall('documents.forCard', { cardId });
  const { uploads, send } = useUploads(cardId);
  const versionInput = useRef<HTMLInputElement>(null);
  const [versionOf, setVersionOf] = useState<DocumentSummary | null>(null);
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  const [detaching, setDetaching] = useState<DocumentSummary | null>(null);

  const actions: DocumentActions = {
    download: (doc) =>
      void downloadDocument(client, doc.id).catch((error: Error) =>
        notifications.show({ color: 'red', title: t('common.error'), message: error.message }),
      ),
    newVersion: (doc) => {
      setVersionOf(doc);
      versionInput.current?.click();
    },
    rename: setRenaming,
    detach: setDetaching,
  };

  const documents = list.data?.documents ?? [];
  return (
    <Stack gap="md" data-testid="documents-panel">
      {!readOnly && (
        <DropArea
          onFiles={(files, source) => void send(files, { kind: 'attach', cardId, source })}
          actions={<CameraAction cardId={cardId} />}
        />
      )}
      {uploads.map((upload) => (
        <Paper key={upload.key} withBorder p="xs" data-testid="document-upload">
          <Group justify="space-between" mb={4}>
            <Text size="sm">{upload.name}</Text>
            <Text size="xs" c="dimmed">
              {t('documents.uploading')} %{Math.round(upload.fraction * 100)}
            </Text>
          </Group>
          <Progress value={upload.fraction * 100} size="sm" />
        </Paper>
      ))}
      {list.isLoading && (
        <Center h={80}>
          <Loader size="sm" />
        </Center>
      )}
      {list.error && <Text c="red">{list.error.message}</Text>}
      {list.data && documents.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {t('documents.empty')}
        </Text>
      )}
      {documents.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Tbody>
              {documents.map((doc) => (
                <DocumentRow key={doc.id} doc={doc} actions={actions} readOnly={readOnly} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <input
        ref={versionInput}
        type="file"
        hidden
        data-testid="documents-version-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file && versionOf) void send([file], { kind: 'version', documentId: versionOf.id });
        }}
      />
      <RenameModal doc={renaming} onClose={() => setRenaming(null)} />
      <DetachModal doc={detaching} cardId={cardId} onClose={() => setDetaching(null)} />
    </Stack>
  );
}

function RenameModal({ doc, onClose }: { doc: DocumentSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={doc !== null} onClose={onClose} title={t('documents.renameTitle')} centered>
      {doc && <RenameForm key={doc.id} doc={doc} onClose={onClose} />}
    </Modal>
  );
}

function RenameForm({ doc, onClose }: { doc: DocumentSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const rename = useMutate('documents.rename');
  const [name, setName] = useState(doc.name);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ id: doc.id, name }, { onSuccess: onClose });
      }}
    >
      <TextInput
        label={t('documents.name')}
        value={name}
        data-autofocus
        onChange={(event) => setName(event.currentTarget.value)}
        error={rename.error?.fields?.name}
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={rename.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

function DetachModal({ doc, cardId, onClose }: { doc: DocumentSummary | null; cardId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detach = useMutate('documents.detach');
  return (
    <ConfirmDialog
      opened={doc !== null}
      title={t('documents.detach')}
      message={doc ? t('documents.confirmDetach', { name: doc.name }) : ''}
      confirmLabel={t('documents.detach')}
      loading={detach.isPending}
      onClose={onClose}
      onConfirm={() =>
        doc &&
        detach.mutate(
          { documentId: doc.id, cardId },
          {
            onSuccess: () => {
              notifications.show({ message: t('documents.detached', { name: doc.name }) });
              onClose();
            },
          },
        )
      }
    />
  );
}
