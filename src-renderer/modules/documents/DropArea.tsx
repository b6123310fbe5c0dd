import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Where files come in: dropped on the area, or chosen with the button (a
 * hidden <input type=file multiple>). A plain div: @mantine/dropzone is not a
 * dependency and the drag events are all it would add.
 */
export function DropArea({
  onFiles,
  actions,
}: {
  onFiles: (files: File[], source: 'picker' | 'drop') => void;
  /** More ways in beside "Dosya seç" (the camera). */
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  // "Dosya ekle" in the card's header opens this tab with ?pick=1: offer the file picker at once
  // (still within the click's user activation, which the browser requires for a picker).
  const [params, setParams] = useSearchParams();
  const pick = params.get('pick') === '1';
  useEffect(() => {
    if (!pick) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('pick');
        return next;
      },
      { replace: true },
    );
    input.current?.click();
  }, [pick, setParams]);
  const [over, setOver] = useState(false);
  return (
    <Paper
      withBorder
      p="lg"
      data-testid="documents-drop"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-blue-5)' : undefined,
        background: over ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (files.length > 0) onFiles(files, 'drop');
      }}
    >
      <Group justify="center" gap="lg" wrap="nowrap">
        <IconUpload size={32} color="var(--mantine-color-dimmed)" aria-hidden />
        <Stack gap={4}>
          <Text fw={500}>{t('documents.drop')}</Text>
          <Text size="xs" c="dimmed">
            {t('documents.dropHint')}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => input.current?.click()}>
          {t('documents.choose')}
        </Button>
        {actions}
      </Group>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="documents-input"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files, 'picker');
        }}
      />
    </Paper>
  );
}
