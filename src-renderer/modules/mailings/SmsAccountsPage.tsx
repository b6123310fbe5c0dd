import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';
import { useMe } from '../criteria/use-me';
import { SmsAccountForm, type SmsAccountValues } from './SmsAccountForm';

type Editing = { id?: string; start: SmsAccountValues } | null;

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
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const accounts = data ?? [];
  const doRemove = async () => {
    if (!removing) return;
    await remove.mutateAsync({ id: removing.id });
    setRemoving(null);
    notifications.show({ color: 'green', message: t('mailings.sms.removed') });
  };
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t('mailings.sms.title')}</Title>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ start: NEW })} data-testid="sms-new">
            {t('mailings.sms.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('mailings.sms.intro')}
      </Text>
      {me && !isAdmin && (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
          {t('mailings.sms.adminOnly')}
        </Alert>
      )}
      <Paper withBorder>
        <Table verticalSpacing="sm" data-testid="sms-table">
          <Table.Tbody>
            {!isLoading && accounts.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c={error ? 'red' : 'dimmed'} size="sm">
                    {error ? error.message : t('mailings.sms.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {accounts.map((a) => (
              <Table.Tr key={a.id} data-testid="sms-row" style={a.enabled ? undefined : { opacity: 0.6 }}>
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
                  </Group>
                  <Text size="xs" c="dimmed">
                    {a.sender} · {a.username} · {a.apiUrl}
                  </Text>
                </Table.Td>
                <Table.Td w={90}>
                  {isAdmin && (
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('common.edit')}
                        onClick={() =>
                          setEditing({
                            id: a.id,
                            start: {
                              name: a.name,
                              provider: a.provider,
                              apiUrl: a.apiUrl,
                              username: a.username,
                              password: undefined,
                              sender: a.sender,
                              ratePerMinute: a.ratePerMinute,
                              enabled: a.enabled,
                            },
                          })
                        }
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('common.delete')}
                        onClick={() => setRemoving({ id: a.id, name: a.name })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <GuardedEditorModal
        opened={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.id ? t('mailings.sms.edit') : t('mailings.sms.add')}
        size={680}
        testId="sms-editor"
        waiting={false}
        unsaved={{
          title: t('mailings.compose.unsavedTitle'),
          message: t('mailings.templates.unsavedMessage'),
          discard: t('mailings.compose.discard'),
        }}
      >
        {(guard) =>
          editing && (
            <SmsAccountForm
              id={editing.id}
              start={editing.start}
              onDirtyChange={guard.onDirtyChange}
              onCancel={guard.requestClose}
              onSaved={guard.closeSaved}
            />
          )
        }
      </GuardedEditorModal>
      <ConfirmDialog
        opened={!!removing}
        title={t('mailings.sms.removeTitle')}
        message={t('mailings.sms.removeMessage', { name: removing?.name ?? '' })}
        confirmLabel={t('common.remove')}
        loading={remove.isPending}
        onConfirm={() => void doRemove().catch(() => setRemoving(null))}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}
