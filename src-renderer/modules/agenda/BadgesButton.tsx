import { useState } from 'react';
import { Button, Group, SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../app/contract-hooks';
import { saveBase64 } from './downloads';

type Layout = 'a4_labels' | 'single_card';

/** "Yaka kartı yazdır": name badges of everyone on the list as a PDF, on A4 label sheets or one card a page. */
export function BadgesButton({ eventId, disabled }: { eventId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [layout, setLayout] = useState<Layout>('a4_labels');
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const file = await client.call('agenda.badges', { eventId, layout });
      saveBase64(file.pdfBase64, file.fileName, 'application/pdf');
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.error'), message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={layout}
        onChange={(v) => setLayout(v as Layout)}
        data={[
          { value: 'a4_labels', label: t('agenda.badges.labels') },
          { value: 'single_card', label: t('agenda.badges.single') },
        ]}
        aria-label={t('agenda.badges.layout')}
      />
      <Button
        size="xs"
        variant="default"
        leftSection={<IconPrinter size={14} />}
        loading={busy}
        disabled={disabled}
        onClick={() => void print()}
        data-testid="print-badges"
      >
        {t('agenda.badges.print')}
      </Button>
    </Group>
  );
}
