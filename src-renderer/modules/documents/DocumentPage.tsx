import { lazy, Suspense, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDownload, IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { DocumentDetail } from '../../../src-shared/contract/documents';
import { useCall, useClient } from '../../app/contract-hooks';
import { CardMissing } from '../cards/CardMissing';
import { DocumentSidebar } from './DocumentSidebar';
import { saveDocument } from './document-bytes';
import { documentIcon, formatSize } from './document-files';
import { kindKey, previewKind } from './document-kinds';
import { TextStatusBadge } from './TextStatusBadge';
import { ExtractedTextViewer } from './viewer/ExtractedTextViewer';

// pdf.js is big: loaded when a PDF is opened, not with the app.
const PdfViewer = lazy(() => import('./viewer/PdfViewer'));
const ImageViewer = lazy(() => import('./viewer/ImageViewer'));
const TextViewer = lazy(() => import('./viewer/TextViewer'));

/** `#/documents/:id`: the document shown in the app, with what is known about it beside it. */
export function DocumentPage() {
  const { id = '' } = useParams();
  return <DocumentView key={id} id={id} />;
}

function DocumentView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const { data: doc, error, isLoading } = useCall('documents.get', { id });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !doc) return <CardMissing message={error?.message ?? t('documents.page.missing')} backTo="/persons" />;

  const look = documentIcon(doc.mimeType);
  const download = (version?: number) =>
    void saveDocument(client, doc.id, version).catch((failure: Error) =>
      notifications.show({ color: 'red', title: t('common.error'), message: failure.message }),
    );
  const openWithOs = () =>
    void client
      .call('documents.openExternal', { id: doc.id })
      .catch((failure: Error) =>
        notifications.show({ color: 'red', title: t('common.error'), message: failure.message }),
      );
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="document-page">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={t('documents.page.back')} withArrow>
            <ActionIcon variant="subtle" aria-label={t('documents.page.back')} onClick={() => void navigate(-1)}>
              <IconArrowLeft size={20} />
            </ActionIcon>
          </Tooltip>
          <ThemeIcon variant="light" color={look.color} size="lg">
            <look.icon size={20} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <Title order={3} lineClamp={1} title={doc.name}>
                {doc.name}
              </Title>
              <TextStatusBadge status={doc.textStatus} reason={doc.textError} />
            </Group>
            <Text size="sm" c="dimmed">
              {t(`documents.kinds.${kindKey(doc.mimeType)}`)} · {formatSize(doc.size, i18n.language)}
              {doc.versionCount > 1 && ` · ${t('documents.versions', { count: doc.versionCount })}`}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {/* Only the desktop app can hand a file to the OS; the browser downloads it. */}
          {window.kartotek && (
            <Button leftSection={<IconExternalLink size={16} />} variant="default" onClick={openWithOs}>
              {t('documents.page.openExternal')}
            </Button>
          )}
          <Button leftSection={<IconDownload size={16} />} variant="light" onClick={() => download()}>
            {t('documents.page.downloadOriginal')}
          </Button>
        </Group>
      </Group>
      {doc.deleted && (
        <Alert color="yellow" py={6}>
          {t('documents.page.deleted')}
        </Alert>
      )}
      <div style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', flex: 1, minHeight: 0 }}>
        <Paper withBorder p="xs" style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <Suspense
            fallback={
              <Center h={200}>
                <Loader />
              </Center>
            }
          >
            <Preview key={doc.sha256} doc={doc} />
          </Suspense>
        </Paper>
        <DocumentSidebar doc={doc} onDownload={download} />
      </div>
    </Stack>
  );
}

function Preview({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [imageFailed, setImageFailed] = useState(false);
  const readOnly = doc.deleted;
  const kind = previewKind(doc.mimeType);
  if (kind === 'pdf') {
    const page = Number.parseInt(params.get('page') ?? '', 10);
    return (
      <PdfViewer
        documentId={doc.id}
        name={doc.name}
        textStatus={doc.textStatus}
        initialQuery={params.get('q') ?? undefined}
        initialPage={Number.isFinite(page) ? page : undefined}
      />
    );
  }
  if (kind === 'image' && !imageFailed)
    return <ImageViewer documentId={doc.id} onUnsupported={() => setImageFailed(true)} />;
  if (kind === 'text') return <TextViewer documentId={doc.id} />;
  const notice = doc.mimeType.startsWith('image/')
    ? t('documents.viewer.imageUnsupported')
    : t('documents.viewer.noPreview');
  return <ExtractedTextViewer doc={doc} readOnly={readOnly} notice={notice} />;
}
