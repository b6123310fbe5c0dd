import { useState } from 'react';
import { Alert, Button, Divider, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import type { DuplicateAction, TransferImportReport, TransferInspection } from '../../../src-shared/contract/transfer';
import { useClient } from '../../app/contract-hooks';
import { ExportMenu } from './ExportMenu';
import { FileStep } from './FileStep';
import { ImportReport } from './ImportReport';
import { MappingTable } from './MappingTable';
import { RunPanel } from './RunPanel';
import { newJobId, useJobProgress } from './useJobProgress';

type Step = 0 | 1 | 2;

/**
 * /transfer: importing cards step by step (file → columns and choices, with
 * a dry run → report), and exporting all persons or institutions.
 */
export function TransferPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={2}>{t('transfer.title')}</Title>
      <Paper withBorder p="lg" radius="md">
        <Title order={3} mb="md">
          {t('transfer.importHeading')}
        </Title>
        <ImportWizard />
      </Paper>
      <Paper withBorder p="lg" radius="md">
        <Title order={3}>{t('transfer.exportHeading')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('transfer.exportIntro')}
        </Text>
        <Group>
          <ExportMenu cardType="person" label={t('transfer.export.persons')} />
          <ExportMenu cardType="institution" label={t('transfer.export.institutions')} />
        </Group>
      </Paper>
    </Stack>
  );
}

function ImportWizard() {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>(0);
  const [cardType, setCardType] = useState<CardType>('person');
  const [file, setFile] = useState<File | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [inspection, setInspection] = useState<TransferInspection | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [onDuplicate, setOnDuplicate] = useState<DuplicateAction>('skip');
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [dryReport, setDryReport] = useState<TransferImportReport | null>(null);
  const [report, setReport] = useState<TransferImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useJobProgress(jobId);

  function chooseFile(next: File | null) {
    // A new file is a new upload; the old one is of no use any more.
    if (uploadId) void client.call('transfer.discard', { uploadId }).catch(() => undefined);
    setUploadId(null);
    setFile(next);
  }

  function reset() {
    chooseFile(null);
    setInspection(null);
    setDryReport(null);
    setReport(null);
    setError(null);
    setStep(0);
  }

  async function run(dryRun: boolean) {
    if (!uploadId || !inspection) return;
    const id = newJobId();
    setJobId(id);
    setError(null);
    setDryReport(null);
    try {
      const result = await client.call('transfer.import', {
        uploadId,
        cardType,
        mapping,
        onDuplicate,
        dryRun,
        validRowsOnly,
        jobId: id,
      });
      if (dryRun || result.cancelled) setDryReport(result);
      else {
        setReport(result);
        // A committed import deletes its upload: going back needs the file again.
        if (result.committed) setUploadId(null);
        setStep(2);
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setJobId(null);
    }
  }

  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => setStep(s as Step)}>
      <Stepper.Step label={t('transfer.steps.file')}>
        <FileStep
          cardType={cardType}
          onCardType={setCardType}
          uploadId={uploadId}
          file={file}
          onFile={chooseFile}
          onInspected={(id, seen) => {
            setUploadId(id);
            setInspection(seen);
            setMapping(seen.mapping);
            setDryReport(null);
            setStep(1);
          }}
        />
      </Stepper.Step>
      <Stepper.Step label={t('transfer.steps.mapping')}>
        {inspection && (
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fw={500} data-testid="import-summary">
                  {t('transfer.mapping.summary', {
                    file: inspection.fileName,
                    format: inspection.format.toUpperCase(),
                    count: inspection.rowCount,
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    inspection.encoding && t('transfer.mapping.encoding', { encoding: inspection.encoding }),
                    inspection.delimiter &&
                      t('transfer.mapping.delimiter', {
                        delimiter: inspection.delimiter === '\t' ? 'Tab' : inspection.delimiter,
                      }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Button
                variant="subtle"
                leftSection={<IconArrowLeft size={16} />}
                onClick={() => setStep(0)}
                disabled={jobId !== null}
              >
                {t('transfer.mapping.back')}
              </Button>
            </Group>
            <Alert color={inspection.mappingSource === 'remembered' ? 'teal' : 'blue'} variant="light">
              {t(`transfer.mapping.${inspection.mappingSource}`)}
            </Alert>
            {inspection.warnings.map((w) => (
              <Alert key={w} color="yellow">
                {w}
              </Alert>
            ))}
            <MappingTable
              cardType={cardType}
              inspection={inspection}
              mapping={mapping}
              onChange={(next) => {
                setMapping(next);
                setDryReport(null);
              }}
              disabled={jobId !== null}
            />
            <Divider />
            <RunPanel
              onDuplicate={onDuplicate}
              onDuplicateChange={setOnDuplicate}
              validRowsOnly={validRowsOnly}
              onValidRowsOnly={setValidRowsOnly}
              running={jobId !== null}
              progress={progress}
              rowCount={inspection.rowCount}
              onRun={(dryRun) => void run(dryRun)}
              onCancel={() => jobId && void client.call('transfer.cancel', { jobId })}
            />
            {error && (
              <Alert color="red" title={t('common.error')} data-testid="import-error">
                {error}
              </Alert>
            )}
            {dryReport && <ImportReport report={dryReport} format={inspection.format} />}
          </Stack>
        )}
      </Stepper.Step>
      <Stepper.Step label={t('transfer.steps.report')}>
        {report && inspection && (
          <Stack gap="md">
            <ImportReport report={report} format={inspection.format} />
            <Group>
              {!report.committed && uploadId && (
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep(1)}>
                  {t('transfer.report.again')}
                </Button>
              )}
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={reset}>
                {t('transfer.report.newImport')}
              </Button>
              {report.committed && (
                <Button
                  leftSection={<IconList size={16} />}
                  onClick={() => void navigate(cardType === 'person' ? '/persons' : '/institutions')}
                >
                  {t('transfer.report.openList')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Stepper.Step>
    </Stepper>
  );
}
