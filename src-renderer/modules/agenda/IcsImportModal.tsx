import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCalendarEvent, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarOut, ImportReport } from '../../../src-shared/contract/agenda';
import { useClient } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { uploadFile } from '../transfer/transfer-files';

/**
 * ".ics içe aktar": a file from Outlook, Google or Apple into one calendar. Main answers what came in, what was
 * already there, and why each refused event was refused; that report stays on screen until closed.
 */
export function IcsImportModal(props: {
  opened: boolean;
  onClose: () => void;
  calendars: CalendarOut[];
  defaultCalendarId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('agenda.ics.importTitle')} size="lg" centered>
      {props.opened && <ImportBody {...props} />}
    </Modal>
  );
}

function ImportBody(props: { onClose: () => void; calendars: CalendarOut[]; defaultCalendarId: string | null }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const bookable = props.calendars.filter((c) => c.canBook && !c.archived);
  const [calendarId, setCalendarId] = useState<string | null>(
    bookable.some((c) => c.id === props.defaultCalendarId) ? props.defaultCalendarId : (bookable[0]?.id ?? null),
  );
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    if (!file || !calendarId) return;
    setBusy(true);
    setFailure(null);
    try {
      const uploadId = await uploadFile(client, file, () => undefined);
      setReport(await client.call('agenda.importIcs', { uploadId, calendarId }));
      await queryClient.invalidateQueries();
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (report) {
    return (
      <Stack gap="sm" data-testid="ics-report">
        <Alert color={report.errors.length > 0 ? 'orange' : 'green'} icon={<IconCalendarEvent size={18} />}>
          {t('agenda.ics.summary', {
            imported: report.imported,
            skipped: report.skipped,
            failed: report.errors.length,
          })}
        </Alert>
        {report.errors.length > 0 && (
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agenda.ics.event')}</Table.Th>
                <Table.Th>{t('agenda.ics.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((e, i) => (
                <Table.Tr key={`${e.uid ?? ''}-${i}`}>
                  <Table.Td>{e.summary ?? e.uid ?? t('agenda.ics.untitled')}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('agenda.ics.importIntro')}
      </Text>
      <Select
        label={t('agenda.ics.into')}
        data={bookable.map((c) => ({ value: c.id, label: c.name }))}
        value={calendarId}
        onChange={setCalendarId}
        searchable
        filter={foldedFilter}
        allowDeselect={false}
        withAsterisk
      />
      <FileInput
        label={t('agenda.ics.file')}
        placeholder={t('agenda.ics.filePick')}
        accept=".ics,text/calendar"
        value={file}
        onChange={setFile}
        clearable
        withAsterisk
        data-testid="ics-file"
      />
      {failure && (
        <Alert color="red" variant="light">
          {failure}
        </Alert>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={props.onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={!file || !calendarId}
          loading={busy}
          onClick={() => void run()}
          data-testid="ics-run"
        >
          {t('agenda.ics.import')}
        </Button>
      </Group>
    </Stack>
  );
}
