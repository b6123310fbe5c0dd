import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconEdit, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src-shared/contract/users';
import { useCall } from '../../app/contract-hooks';
import { intlLocale } from '../../app/i18n';
import { UserDialog } from './UserDialog';

const ROLE_COLORS = { admin: 'red', manager: 'blue', staff: 'gray' } as const;

/** Everyone who can own cards; admins add and change them. */
export function UsersTab({ canEdit, meId }: { canEdit: boolean; meId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { data } = useCall('users.list', {});
  const number = new Intl.NumberFormat(intlLocale(i18n.language));
  const [dialog, setDialog] = useState<{ user?: User } | null>(null);
  const names = new Map((data?.users ?? []).map((u) => [u.id, u.name]));
  return (
    <Stack gap="md">
      {canEdit && (
        <Group>
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({})}>
            {t('criteria.users.add')}
          </Button>
        </Group>
      )}
      <Paper withBorder>
        <Table verticalSpacing="xs" highlightOnHover data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('criteria.users.name')}</Table.Th>
              <Table.Th>{t('criteria.users.email')}</Table.Th>
              <Table.Th>{t('criteria.users.role')}</Table.Th>
              <Table.Th>{t('criteria.users.manager')}</Table.Th>
              <Table.Th ta="right">{t('criteria.users.cards')}</Table.Th>
              {canEdit && <Table.Th w={60} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.users ?? []).map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td fw={500}>
                  {user.name}
                  {user.id === meId && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      ({t('criteria.users.you')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{user.email ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ROLE_COLORS[user.role]} tt="none">
                    {t(`criteria.users.roles.${user.role}`)}
                  </Badge>
                </Table.Td>
                <Table.Td data-testid="user-manager-name">
                  {(user.managerId && names.get(user.managerId)) ?? t('common.none')}
                </Table.Td>
                <Table.Td ta="right">{number.format(user.cardCount)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Tooltip label={t('criteria.users.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`${t('criteria.users.edit')}: ${user.name}`}
                        onClick={() => setDialog({ user })}
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <UserDialog opened={dialog !== null} user={dialog?.user} onClose={() => setDialog(null)} />
    </Stack>
  );
}
