import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';

/** "Metin çıkarılıyor · 3 belge" in the shell's header while the extraction job works; nothing when idle. */
export function ExtractionIndicator() {
  const { t } = useTranslation();
  // An error (e.g. an older main without the job) just means nothing to show: this is a hint, not a screen.
  const { data } = useCall('documents.extraction', {});
  if (!data) return null;
  const count = data.pending + (data.running ? 1 : 0);
  if (count === 0) return null;
  const label = t('documents.extracting', { count });
  return (
    <Tooltip label={data.running ? t('documents.extractingNow', { name: data.running.name }) : label} withArrow>
      <Group gap={6} wrap="nowrap" data-testid="extraction-indicator" aria-live="polite">
        <Loader size={14} />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
      </Group>
    </Tooltip>
  );
}
