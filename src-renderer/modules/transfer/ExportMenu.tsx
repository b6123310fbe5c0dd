import { useEffect, useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText, IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import type { ExportFilter, TransferFormat } from '../../../src-shared/contract/transfer';
import { useClient } from '../../app/contract-hooks';
import { downloadExport } from './transfer-files';
import { newJobId, useJobProgress } from './useJobProgress';

export interface ExportMenuProps {
  cardType: CardType;
  /** What the list shows: its search text, il, kind, or a segment. */
  filter?: ExportFilter;
  disabled?: boolean;
  /** Shown when disabled (e.g. the recycle bin is on screen). */
  disabledReason?: string;
  label?: string;
}

const FORMATS: { format: TransferFormat; icon: typeof IconFileText }[] = [
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'csv', icon: IconFileText },
  { format: 'vcf', icon: IconAddressBook },
];

/**
 * "Dışa aktar ▾": Excel, CSV or vCard of the cards a list or segment shows.
 * The file is written in main and fetched in chunks, then saved as a download;
 * progress and the result appear as a notification.
 */
export function ExportMenu({ cardType, filter, disabled, disabledReason, label }: ExportMenuProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useJobProgress(jobId);

  useEffect(() => {
    if (!jobId || !progress || progress.phase !== 'exporting' || !progress.total) return;
    notifications.update({
      id: jobId,
      message: t('transfer.run.phases.exporting', { done: progress.done, total: progress.total }),
    });
  }, [jobId, progress, t]);

  async function run(format: TransferFormat) {
    const id = newJobId();
    setJobId(id);
    notifications.show({ id, loading: true, title: t('transfer.export.started'), message: '', autoClose: false });
    try {
      const file = await client.call('transfer.export', { cardType, format, filter: filter ?? {}, jobId: id });
      await downloadExport(client, file);
      notifications.update({
        id,
        loading: false,
        color: 'green',
        title: t('transfer.export.button'),
        message: t('transfer.export.done', { count: file.rowCount, file: file.fileName }),
        autoClose: 6000,
      });
    } catch (err) {
      notifications.update({
        id,
        loading: false,
        color: 'red',
        title: t('common.error'),
        message: (err as Error).message,
        autoClose: 8000,
      });
    } finally {
      setJobId(null);
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={jobId !== null}
          disabled={disabled}
          title={disabled ? disabledReason : undefined}
          data-testid={`export-${cardType}`}
        >
          {label ?? t('transfer.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map(({ format, icon: Icon }) => (
          <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => void run(format)}>
            {t(`transfer.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
