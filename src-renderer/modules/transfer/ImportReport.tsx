import { Alert, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TransferFormat, TransferImportReport } from '../../../src-shared/contract/transfer';
import { saveFile } from './transfer-files';

/** Rows the table shows; the CSV download has every error the report holds. */
const SHOWN_ERRORS = 200;

/**
 * Same rule as the export (services/transfer/export/neutralise.ts): a cell a
 * spreadsheet would run as a formula gets an apostrophe. Error messages quote
 * the user's own cells, so they can start with "=".
 */
const neutralise = (text: string) =>
  /^[=+\-@\t\r]/.test(text) && !/^[+-]?[\d\s()./-]+$/.test(text) ? `'${text}` : text;
const csvCell = (text: string) => {
  const v = neutralise(text);
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

function downloadErrors(report: TransferImportReport, headers: [string, string, string]) {
  const lines = [headers, ...report.errors.map((e) => [String(e.row), e.column, e.message])].map((cells) =>
    cells.map(csvCell).join(';'),
  );
  saveFile(['\uFEFF' + lines.join('\r\n') + '\r\n'], 'ice-aktarma-hatalari.csv', 'text/csv;charset=utf-8');
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value.toLocaleString('tr-TR')}
      </Text>
    </Paper>
  );
}

export function ImportReport({ report, format }: { report: TransferImportReport; format: TransferFormat }) {
  const { t } = useTranslation();
  const status = report.cancelled
    ? { color: 'gray', title: t('transfer.report.cancelledTitle') }
    : report.dryRun
      ? { color: 'blue', title: t('transfer.report.dryRunTitle') }
      : report.committed
        ? { color: 'green', title: t('transfer.report.committedTitle') }
        : { color: 'red', title: t('transfer.report.refusedTitle') };
  const rowLabel = format === 'vcf' ? t('transfer.report.card') : t('transfer.report.row');
  return (
    <Stack gap="md" data-testid="import-report">
      <Alert color={status.color} title={status.title} data-testid="import-report-title">
        {!report.committed && !report.dryRun && !report.cancelled && t('transfer.report.refusedHint')}
        {report.dryRun && t('transfer.report.wouldBe')}
      </Alert>
      <SimpleGrid cols={{ base: 3, lg: 6 }}>
        <Stat label={t('transfer.report.rows')} value={report.rowCount} testId="report-rows" />
        <Stat label={t('transfer.report.created')} value={report.created} testId="report-created" />
        <Stat label={t('transfer.report.updated')} value={report.updated} testId="report-updated" />
        <Stat label={t('transfer.report.skipped')} value={report.skipped} testId="report-skipped" />
        <Stat label={t('transfer.report.errorRows')} value={report.errorRows} testId="report-errors" />
        <Stat
          label={t('transfer.report.institutionsCreated')}
          value={report.institutionsCreated}
          testId="report-institutions"
        />
      </SimpleGrid>
      {report.warnings.map((w) => (
        <Alert key={w} color="yellow">
          {w}
        </Alert>
      ))}
      {report.errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {report.errorsTruncated
                ? t('transfer.report.truncated', { count: report.errors.length })
                : report.errors.length > SHOWN_ERRORS
                  ? t('transfer.report.moreErrors', { shown: SHOWN_ERRORS })
                  : ''}
            </Text>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconDownload size={14} />}
              onClick={() =>
                downloadErrors(report, [rowLabel, t('transfer.report.column'), t('transfer.report.message')])
              }
            >
              {t('transfer.report.downloadErrors')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Table striped withTableBorder data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{rowLabel}</Table.Th>
                  <Table.Th w="25%">{t('transfer.report.column')}</Table.Th>
                  <Table.Th>{t('transfer.report.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td>{e.column}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Stack>
      )}
    </Stack>
  );
}
