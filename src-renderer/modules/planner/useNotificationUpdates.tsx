import { useEffect, useRef } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ContractEvent } from '../../../src-shared/contract';
import { useCall, useClient } from '../../app/contract-hooks';
import { KIND_LOOKS } from './notification-looks';

/** More at once (a start after a long weekend) would bury the screen: the bell has them all. */
const TOASTS_AT_ONCE = 3;

/**
 * The bell's live side: a toast for each notification the reminder job delivers to the user at this desk (at
 * most three, then "and N more"), and fresh counts whenever someone's notifications change.
 */
export function useNotificationUpdates(): void {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const me = useCall('users.me', {});
  // The listener outlives renders; it reads who is at the desk now, not when it was subscribed.
  const meId = useRef<string | undefined>(undefined);
  meId.current = me.data?.id;
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.name === 'notifications.changed') {
          void queryClient.invalidateQueries({ queryKey: ['notifications.list'] });
          return;
        }
        if (event.name !== 'notifications.delivered') return;
        const { userId, notifications } = (event as ContractEvent<'notifications.delivered'>).payload;
        if (userId !== meId.current) return;
        for (const n of notifications.slice(0, TOASTS_AT_ONCE)) {
          const look = KIND_LOOKS[n.kind];
          const KindIcon = look.icon;
          toasts.show({
            color: n.late ? 'orange' : look.color,
            icon: <KindIcon size={18} />,
            title: (
              <Group gap={6}>
                {t(`planner.kinds.${n.kind}`)}
                {n.late && (
                  <Badge size="xs" color="orange" variant="light">
                    {t('planner.bell.missed')}
                  </Badge>
                )}
              </Group>
            ),
            message: (
              <Text size="sm" data-testid="notification-toast">
                {n.subject}
              </Text>
            ),
            autoClose: 10_000,
          });
        }
        const more = notifications.length - TOASTS_AT_ONCE;
        if (more > 0) toasts.show({ message: t('planner.bell.more', { count: more }), autoClose: 10_000 });
      }),
    [client, queryClient, t],
  );
}
