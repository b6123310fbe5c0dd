import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInbox, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/contract-hooks';
import { InboxItemCard } from './InboxItemCard';
import { WatchedFolders } from './WatchedFolders';

/**
 * "Dosyalanacaklar": files picked up from the watched folders, each with the card
 * its text points at, filed or discarded one by one; the folders below. The list
 * stays live through inbox.changed (useInboxLiveUpdates, mounted by the menu badge).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const items = useCall('inbox.list', {});
  const folders = useCall('inbox.folders.list', {});
  const scan = useMutate('inbox.scan');
  const list = items.data?.items ?? [];
  const noFolders = (folders.data?.folders.length ?? 0) === 0;
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} data-testid="inbox-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('inbox.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('inbox.intro')}
          </Text>
        </Stack>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={scan.isPending}
          disabled={noFolders}
          onClick={() =>
            scan.mutate(
              {},
              {
                onSuccess: ({ added }) =>
                  notifications.show({
                    message: added ? t('inbox.scanned', { count: added }) : t('inbox.scannedNone'),
                  }),
              },
            )
          }
        >
          {t('inbox.scan')}
        </Button>
      </Group>
      {items.isSuccess && list.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Group gap="sm" c="dimmed">
            <IconInbox size={22} />
            <Text size="sm" data-testid="inbox-empty">
              {noFolders ? t('inbox.emptyNoFolders') : t('inbox.empty')}
            </Text>
          </Group>
        </Paper>
      ) : (
        <Stack gap="sm" data-testid="inbox-items">
          {list.map((item) => (
            <InboxItemCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
      <Divider />
      <WatchedFolders />
    </Stack>
  );
}
