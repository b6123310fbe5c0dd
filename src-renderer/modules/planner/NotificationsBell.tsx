import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationOut } from '../../../src-shared/contract/planner';
import { useCall, useClient, useMutate } from '../../app/contract-hooks';
import { intlLocale } from '../../app/i18n';
import { formatDateTime } from '../../ui/format';
import { relativeTime } from '../timeline/relative-time';
import { KIND_LOOKS, notificationPath } from './notification-looks';
import { useNotificationUpdates } from './useNotificationUpdates';

const SHOWN = 30;

/** The header's bell: unread count, the latest notifications, a click opens what it is about and marks it read. */
export function NotificationsBell() {
  const { t } = useTranslation();
  useNotificationUpdates();
  const [opened, setOpened] = useState(false);
  const list = useCall('notifications.list', { limit: SHOWN });
  const markRead = useMutate('notifications.markRead');
  const unread = list.data?.unread ?? 0;
  const items = list.data?.notifications ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={18}
          color="red"
          disabled={unread === 0}
          offset={4}
          data-testid="bell-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('planner.bell.open')}
            onClick={() => setOpened((o) => !o)}
            data-testid="bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="bell-popover">
        <Group justify="space-between" px="sm" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Text fw={600} size="sm">
            {t('planner.bell.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('planner.bell.markAll')}
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" ta="center">
            {t('planner.bell.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0}>
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  notification={n}
                  onOpened={() => {
                    setOpened(false);
                    if (!n.readAt) markRead.mutate({ ids: [n.id] });
                  }}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({ notification: n, onOpened }: { notification: NotificationOut; onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const look = KIND_LOOKS[n.kind];
  const KindIcon = look.icon;
  const unread = !n.readAt;
  return (
    <UnstyledButton
      px="sm"
      py={8}
      data-testid="bell-item"
      data-unread={unread}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onClick={() => {
        onOpened();
        void notificationPath(client, n).then((path) => navigate(path));
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={look.color} radius="xl" size="md">
          <KindIcon size={16} />
        </ThemeIcon>
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" fw={600} c={`${look.color}.8`}>
              {t(`planner.kinds.${n.kind}`)}
            </Text>
            {n.late && (
              <Badge size="xs" color="orange" variant="light">
                {t('planner.bell.missed')}
              </Badge>
            )}
          </Group>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
            {n.subject}
          </Text>
          <Text size="xs" c="dimmed" title={formatDateTime(n.dueAt, i18n.language)}>
            {relativeTime(n.dueAt, new Date(), intlLocale(i18n.language))}
          </Text>
        </Stack>
        {unread && (
          <Box
            w={8}
            h={8}
            mt={6}
            aria-label={t('planner.bell.unread')}
            style={{ borderRadius: 4, background: 'var(--mantine-color-blue-6)', flex: 'none' }}
          />
        )}
      </Group>
    </UnstyledButton>
  );
}
