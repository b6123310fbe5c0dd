import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/contract-hooks';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toLocaleUpperCase('tr-TR'))
    .join('');

/**
 * Who is at this desk (a shared office PC): the name in the header, and a menu to hand the desk to a colleague.
 * Every screen then reloads for them (users.switched, handled by the client provider).
 */
export function UserSwitcher() {
  const { t } = useTranslation();
  const me = useCall('users.me', {});
  const users = useCall('users.list', {});
  const switchTo = useMutate('users.switchTo');
  if (!me.data) return null;
  return (
    <Menu position="bottom-end" withArrow shadow="md" width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={t('planner.user.switch')} data-testid="user-switcher">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue">
              {initials(me.data.name)}
            </Avatar>
            <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-testid="current-user">
              {me.data.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('planner.user.switch')}</Menu.Label>
        {(users.data?.users ?? []).map((user) => {
          const current = user.id === me.data.id;
          return (
            <Menu.Item
              key={user.id}
              disabled={current || switchTo.isPending}
              leftSection={
                <Avatar size={24} radius="xl" color={current ? 'blue' : 'gray'}>
                  {initials(user.name)}
                </Avatar>
              }
              rightSection={current ? <IconCheck size={14} /> : undefined}
              onClick={() =>
                switchTo.mutate(
                  { id: user.id },
                  {
                    onSuccess: (u) => {
                      // The previous user's toasts (their reminders) are not the new user's business.
                      notifications.clean();
                      notifications.show({ message: t('planner.user.switched', { name: u.name }) });
                    },
                  },
                )
              }
            >
              <Text size="sm">{user.name}</Text>
              <Text size="xs" c="dimmed">
                {t(`planner.user.roles.${user.role}`)}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
