import { useState } from 'react';
import { Alert, Button, FileInput, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { TransferInspection } from '../../../src-shared/contract/transfer';
import { useClient } from '../../app/contract-hooks';
import { uploadFile } from './transfer-files';

export interface FileStepProps {
  cardType: CardType;
  onCardType: (type: CardType) => void;
  /** The upload of an earlier pass (same file): inspected again instead of uploaded again. */
  uploadId: string | null;
  file: File | null;
  onFile: (file: File | null) => void;
  onInspected: (uploadId: string, inspection: TransferInspection) => void;
}

/** Step 1: what to import and from which file; the file goes to main in chunks, main reads it. */
export function FileStep(props: FileStepProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function next() {
    if (!props.file) return;
    setError(null);
    try {
      let uploadId = props.uploadId;
      if (!uploadId) {
        setUploaded(0);
        uploadId = await uploadFile(client, props.file, setUploaded);
      }
      setReading(true);
      const inspection = await client.call('transfer.inspect', { uploadId, cardType: props.cardType }).catch((err) => {
        // A file main cannot read is of no use there: do not leave it in the temp folder.
        void client.call('transfer.discard', { uploadId: uploadId! }).catch(() => undefined);
        throw err;
      });
      props.onInspected(uploadId, inspection);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setUploaded(null);
      setReading(false);
    }
  }

  const busy = uploaded !== null || reading;
  return (
    <Stack gap="md" maw={640}>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('transfer.cardType.label')}
        </Text>
        <SegmentedControl
          value={props.cardType}
          onChange={(v) => props.onCardType(v as CardType)}
          data={[
            { value: 'person', label: t('transfer.cardType.person') },
            { value: 'institution', label: t('transfer.cardType.institution') },
          ]}
          disabled={busy}
          w={320}
          data-testid="import-card-type"
        />
      </Stack>
      <FileInput
        label={t('transfer.file.label')}
        description={t('transfer.file.hint')}
        placeholder={t('transfer.file.choose')}
        leftSection={<IconFileUpload size={16} />}
        accept=".csv,.txt,.tsv,.xlsx,.vcf,.vcard"
        value={props.file}
        onChange={(file) => {
          setError(null);
          props.onFile(file);
        }}
        clearable
        disabled={busy}
        data-testid="import-file"
      />
      {uploaded !== null && !reading && (
        <Stack gap={4}>
          <Text size="sm">{t('transfer.file.uploading', { percent: Math.round(uploaded * 100) })}</Text>
          <Progress value={uploaded * 100} />
        </Stack>
      )}
      {reading && (
        <Stack gap={4}>
          <Text size="sm">{t('transfer.file.reading')}</Text>
          <Progress value={100} animated striped />
        </Stack>
      )}
      {error && (
        <Alert color="red" title={t('common.error')} data-testid="import-file-error">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void next()} disabled={!props.file} loading={busy}>
          {t('transfer.file.next')}
        </Button>
      </Group>
    </Stack>
  );
}
