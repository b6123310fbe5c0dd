import { Checkbox, Input, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The card's documents as a tick list; the ticked ones go with the mail. */
export function AttachmentsField(props: { cardId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { data } = useCall('documents.forCard', { cardId: props.cardId });
  const documents = data?.documents ?? [];
  return (
    <Input.Wrapper label={t('mailings.compose.attachments')}>
      {documents.length === 0 ? (
        <Text size="sm" c="dimmed" mt={4}>
          {t('mailings.compose.attachmentsNone')}
        </Text>
      ) : (
        <Checkbox.Group value={props.value} onChange={props.onChange}>
          <Stack gap={6} mt={6} mah={140} style={{ overflow: 'auto' }} data-testid="compose-attachments">
            {documents.map((d) => (
              <Checkbox key={d.id} value={d.id} label={`${d.name} (${sizeText(d.size)})`} size="sm" />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Input.Wrapper>
  );
}
