import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMailCog, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MailAccountOut } from '../../../src-shared/contract/mail';
import { useCall } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';
import { MailAccountFormModal } from './MailAccountForm';
import { MailAccountRow } from './MailAccountRow';
import { useSyncProgress } from './useSyncProgress';

/** Settings › "Posta hesapları": the accounts Kartotek reads and sends with, and how their scan is doing. */
export function MailAccountsPage() {
  const { t } = useTranslation();
  const { isAdmin } = useMe();
  const { data, error } = useCall('mail.accounts.list', {});
  const progress = useSyncProgress();
  const [editing, setEditing] = useState<MailAccountOut | null>(null);
  const [creating, setCreating] = useState(false);
  const accounts = data ?? [];
  return (
    <Stack gap="md" style={{ overflow: 'auto' }} maw={1100} pb="xl" data-testid="mail-accounts-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('mail.accounts.title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('mail.accounts.intro')}
          </Text>
        </Stack>
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-account">
            {t('mail.accounts.add')}
          </Button>
        )}
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      {data && accounts.length === 0 && (
        <Paper withBorder radius="md" p="lg">
          <Group gap="sm" c="dimmed">
            <IconMailCog size={22} />
            <Text size="sm">{isAdmin ? t('mail.accounts.none') : t('mail.accounts.noneAsk')}</Text>
          </Group>
        </Paper>
      )}
      {accounts.map((account) => (
        <MailAccountRow
          key={account.id}
          account={account}
          progress={progress[account.id]}
          canEdit={isAdmin}
          onEdit={() => setEditing(account)}
        />
      ))}
      {!isAdmin && accounts.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('mail.accounts.adminOnly')}
        </Text>
      )}
      <MailAccountFormModal
        account={editing}
        opened={creating || !!editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </Stack>
  );
}
