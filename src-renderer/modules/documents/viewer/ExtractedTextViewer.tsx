import { Alert, Center, Divider, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../src-shared/contract/documents';
import { useCall } from '../../../app/contract-hooks';
import { TextStatusPanel } from '../TextStatusPanel';
import { textPaneStyle } from './text-pane';

/**
 * Files the app cannot draw (Word, Excel, mail, TIFF…): the text main extracted,
 * page by page. Until there is text, where its extraction stands.
 */
export function ExtractedTextViewer({
  doc,
  readOnly,
  notice,
}: {
  doc: DocumentDetail;
  readOnly: boolean;
  /** Why the file itself is not shown (e.g. an image type the browser cannot draw). */
  notice: string;
}) {
  const { t } = useTranslation();
  const ready = doc.textStatus === 'done';
  const text = useCall('documents.text', { id: doc.id }, { enabled: ready });

  return (
    <Stack gap="xs" h="100%" mih={0} data-testid="extracted-text">
      <Text size="sm" c="dimmed">
        {notice} {t('documents.page.desktopOpenLater')}
      </Text>
      {!ready ? (
        <Center py="xl">
          <TextStatusPanel doc={doc} readOnly={readOnly} />
        </Center>
      ) : text.isLoading ? (
        <Center h={160}>
          <Loader />
        </Center>
      ) : text.error ? (
        <Alert color="gray">{t('documents.viewer.textUnavailable', { reason: text.error.message })}</Alert>
      ) : text.data && text.data.pages.every((page) => !page.trim()) ? (
        <Text c="dimmed">{t('documents.viewer.noText')}</Text>
      ) : (
        text.data && (
          <>
            {text.data.truncated && (
              <Alert color="blue" py={6}>
                {text.data.pageCount
                  ? t('documents.viewer.truncated', { shown: text.data.pages.length, total: text.data.pageCount })
                  : t('documents.viewer.truncatedNoCount')}
              </Alert>
            )}
            <div style={{ ...textPaneStyle, fontFamily: 'inherit', fontSize: 14 }} data-testid="extracted-pages">
              {text.data.pages.map((page, i) => (
                <section key={i} data-testid="extracted-page">
                  {text.data.pages.length > 1 && (
                    <Divider
                      my="sm"
                      labelPosition="left"
                      label={t('documents.viewer.pageTitle', { page: i + 1 })}
                      styles={{ label: { fontFamily: 'var(--mantine-font-family)' } }}
                    />
                  )}
                  {page}
                </section>
              ))}
            </div>
          </>
        )
      )}
    </Stack>
  );
}
