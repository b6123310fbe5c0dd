import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../src-shared/contract';
import { useCall } from '../../app/contract-hooks';
import { SmsCount } from './SmsCount';

type PreviewInput = CallInput<'mail.preview'>;

/**
 * What the first recipient will get, rendered by main with the real placeholders; anyone who would be left out
 * is named with the reason. Waits for typing to pause before asking.
 */
export function ComposePreview(props: {
  input: PreviewInput | null;
  channel: 'email' | 'sms';
  maxSamples?: number;
  /** Show "40 alıcı · 2 kişi atlanacak" above the samples (mailings). */
  summary?: boolean;
}) {
  const { t } = useTranslation();
  const [input] = useDebouncedValue(props.input, 400);
  const { data, error, isFetching } = useCall('mail.preview', input as PreviewInput, {
    enabled: input !== null,
    keepPrevious: true,
  });
  if (!input)
    return (
      <Text size="sm" c="dimmed">
        {t('mailings.compose.previewEmpty')}
      </Text>
    );
  if (error)
    return (
      <Alert color="red" variant="light" data-testid="compose-preview-error">
        {error.fields ? Object.values(error.fields).join(' · ') : error.message}
      </Alert>
    );
  if (!data) return null;
  const samples = data.samples.slice(0, props.maxSamples ?? 1);
  const skipped = data.samples.filter((s) => s.skipReason);
  const shown = samples.filter((s) => !s.skipReason);
  return (
    <Stack gap="xs" data-testid="compose-preview" style={{ opacity: isFetching ? 0.6 : 1 }}>
      {props.summary && (
        <Text size="sm" c={data.skipped > 0 ? 'orange.8' : 'dimmed'} data-testid="preview-summary">
          {t('mailings.form.samplesSummary', { total: data.total, skipped: data.skipped })}
        </Text>
      )}
      {shown.map((sample, index) => (
        <Paper key={`${sample.address}-${index}`} withBorder p="sm" bg="gray.0">
          <Group justify="space-between" mb={4} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {t('mailings.compose.previewFor', { name: sample.name || sample.address })}
              {sample.name && sample.address ? ` <${sample.address}>` : ''}
            </Text>
            {props.channel === 'sms' && <SmsCount text={sample.body} />}
          </Group>
          {props.channel === 'email' && (
            <Text fw={600} size="sm" mb={4} data-testid="preview-subject">
              {sample.subject}
            </Text>
          )}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="preview-body">
            {sample.body}
          </Text>
        </Paper>
      ))}
      {skipped.map((sample, index) => (
        <Group key={`skip-${index}`} gap={6} wrap="nowrap" data-testid="preview-skipped">
          <Badge color="orange" variant="light">
            {sample.name || sample.address}
          </Badge>
          <Text size="xs" c="orange.8">
            {t('mailings.compose.skipped', { reason: sample.skipReason })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
