import { Alert, Badge, Group, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';
import { AdminListPage } from './AdminListPage';
import { SmsAccountForm, type SmsAccountValues } from './SmsAccountForm';

const NEW: SmsAccountValues = {
  name: '',
  provider: 'netgsm',
  apiUrl: '',
  username: '',
  password: undefined,
  sender: '',
  ratePerMinute: 60,
  enabled: true,
};

/** Settings: SMS provider accounts (admins add and change them; others see which exist). */
export function SmsAccountsPage() {
  const { t } = useTranslation();
  const { me, isAdmin } = useMe();
  const { data, error, isLoading } = useCall('sms.accounts.list', {});
  const remove = useMutate('sms.accounts.remove');
  return (
    <AdminListPage
      texts={{
        title: t('mailings.sms.title'),
        intro: t('mailings.sms.intro'),
        add: t('mailings.sms.add'),
        edit: t('mailings.sms.edit'),
        empty: t('mailings.sms.empty'),
        removeTitle: t('mailings.sms.removeTitle'),
        removeMessage: (name) => t('mailings.sms.removeMessage', { name }),
        removeConfirm: t('common.remove'),
        removed: t('mailings.sms.removed'),
      }}
      testIds={{ new: 'sms-new', table: 'sms-table', row: 'sms-row', editor: 'sms-editor' }}
      canEdit={isAdmin}
      notice={
        me &&
        !isAdmin && (
          <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
            {t('mailings.sms.adminOnly')}
          </Alert>
        )
      }
      rows={data ?? []}
      error={error}
      isLoading={isLoading}
      newValues={NEW}
      startOf={(a) => ({
        name: a.name,
        provider: a.provider,
        apiUrl: a.apiUrl,
        username: a.username,
        password: undefined,
        sender: a.sender,
        ratePerMinute: a.ratePerMinute,
        enabled: a.enabled,
      })}
      cells={(a) => (
        <Table.Td>
          <Group gap="xs">
            <Text fw={500} size="sm">
              {a.name}
            </Text>
            <Badge variant="light" size="sm">
              {t(`mailings.sms.providers.${a.provider}`)}
            </Badge>
            {!a.enabled && (
              <Badge variant="light" color="gray" size="sm">
                {t('mailings.sms.disabled')}
              </Badge>
            )}
            {a.enabled && a.sendProblem && (
              <Badge variant="light" color="red" size="sm" data-testid="sms-problem">
                {t('mailings.sms.problem')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {a.sender} · {a.username} · {a.apiUrl}
          </Text>
          {a.enabled && a.sendProblem && (
            <Text size="xs" c="red" title={t('mailings.sms.problemHint')}>
              {a.sendProblem}
            </Text>
          )}
        </Table.Td>
      )}
      rowStyle={(a) => (a.enabled ? undefined : { opacity: 0.6 })}
      editorSize={680}
      Editor={SmsAccountForm}
      onRemove={(id) => remove.mutateAsync({ id })}
      removePending={remove.isPending}
    />
  );
}
