import { Overlay, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { namePastedFile } from './intake-names';
import { usePasteUpload } from './usePasteUpload';
import { useUploads } from './useUploads';
import { useWindowFileDrop } from './useWindowFileDrop';

/**
 * Files pasted (Ctrl/Cmd+V outside text fields) or dropped anywhere on a card
 * screen are filed on the card. The documents tab opens, so the progress and the
 * new rows show where those of the tab's own drop area would.
 */
export function CardFileIntake({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const { send } = useUploads(cardId);
  const [, setParams] = useSearchParams();
  const file = (files: File[], source: 'paste' | 'drop') => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('tab', 'documents');
      return next;
    });
    void send(files, { kind: 'attach', cardId, source });
  };
  usePasteUpload((files) => {
    const now = new Date();
    file(
      files.map((f) => namePastedFile(f, t('documents.filing.paste.imageName'), now)),
      'paste',
    );
  });
  const dragging = useWindowFileDrop((files) => file(files, 'drop'));
  if (!dragging) return null;
  return (
    <Overlay fixed color="#fff" backgroundOpacity={0.7} blur={1} zIndex={150} center data-testid="card-drop-overlay">
      <Paper
        withBorder
        shadow="md"
        p="xl"
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: 'var(--mantine-color-blue-5)' }}
      >
        <Stack align="center" gap="xs">
          <IconFileUpload size={40} color="var(--mantine-color-blue-6)" aria-hidden />
          <Text fw={500}>{t('documents.filing.cardDrop')}</Text>
        </Stack>
      </Paper>
    </Overlay>
  );
}
