import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/contract-hooks';
import { useMailLiveUpdates } from './useMailLiveUpdates';

const shown = (n: number) => (n > 99 ? '99+' : String(n));

/** Beside "E-posta": mail waiting to be filed, and unread mail on the user's own cards; nothing when both are 0. */
export function MailNavBadge() {
  const { t } = useTranslation();
  useMailLiveUpdates();
  const { data } = useCall('mail.counts', {});
  if (!data || (!data.unfiled && !data.unreadMine)) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {data.unreadMine > 0 && (
        <Tooltip label={t('mail.badge.unread', { count: data.unreadMine })}>
          <Badge size="sm" variant="filled" circle={data.unreadMine < 10} data-testid="mail-unread-count">
            {shown(data.unreadMine)}
          </Badge>
        </Tooltip>
      )}
      {data.unfiled > 0 && (
        <Tooltip label={t('mail.badge.unfiled', { count: data.unfiled })}>
          <Badge size="sm" variant="light" color="orange" circle={data.unfiled < 10} data-testid="mail-unfiled-count">
            {shown(data.unfiled)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
