import { useEffect, useState } from 'react';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_READ_BYTES } from '../../../../src-shared/contract/documents';
import { useClient } from '../../../app/contract-hooks';
import { joinParts, readDocument } from '../document-bytes';
import { formatSize } from '../document-files';
import { textPaneStyle } from './text-pane';

/**
 * UTF-8 when the bytes are valid UTF-8, otherwise Windows-1254: what Turkish
 * Windows (and Excel's CSV) writes. `partial`: the bytes stop mid-file, so a
 * letter cut in two at the end is not a reason to give up on UTF-8.
 */
export function decodeText(bytes: Uint8Array, partial: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partial });
  } catch {
    return new TextDecoder('windows-1254').decode(bytes);
  }
}

/** A text file as it is (the first 4 MB of a big one). */
export default function TextViewer({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<{ text: string; complete: boolean } | { error: string } | null>(null);

  useEffect(() => {
    let live = true;
    readDocument(client, documentId, { limit: DOCUMENT_READ_BYTES })
      .then((file) => {
        if (live)
          setState({ text: decodeText(joinParts(file.parts, file.size), !file.complete), complete: file.complete });
      })
      .catch((error: Error) => live && setState({ error: error.message }));
    return () => {
      live = false;
    };
  }, [client, documentId]);

  if (!state)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if ('error' in state) return <Alert color="red">{t('documents.viewer.loadFailed', { reason: state.error })}</Alert>;
  return (
    <Stack gap="xs" h="100%" mih={0}>
      {!state.complete && (
        <Alert color="blue" py={6}>
          {t('documents.viewer.textStart', { size: formatSize(DOCUMENT_READ_BYTES, i18n.language) })}
        </Alert>
      )}
      {state.text ? (
        <div style={textPaneStyle} data-testid="text-preview">
          {state.text}
        </div>
      ) : (
        <Text c="dimmed">{t('documents.viewer.emptyFile')}</Text>
      )}
    </Stack>
  );
}
