import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Loader, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlugConnected, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/contract';
import type { MailAccountOut } from '../../../src-shared/contract/mail';
import { useMutate } from '../../app/contract-hooks';
import { intlLocale } from '../../app/i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { relativeTime } from '../timeline/relative-time';
import { ConnectionResult } from './ConnectionResult';
import type { SyncProgress } from './useSyncProgress';

const STATUS_COLORS = { idle: 'green', syncing: 'blue', error: 'red', disabled: 'gray' } as const;

/** One account: its servers, its status (with the scan's progress), and what an admin can do with it. */
export function MailAccountRow(props: {
  account: MailAccountOut;
  progress: SyncProgress | undefined;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { account: a, progress } = props;
  const [removing, setRemoving] = useState(false);
  const [result, setResult] = useState<CallOutput<'mail.accounts.test'> | null>(null);
  const syncNow = useMutate('mail.accounts.syncNow');
  const test = useMutate('mail.accounts.test');
  const remove = useMutate('mail.accounts.remove');
  const security = (s: MailAccountOut['imapSecurity']) => t(`mail.accounts.security.${s}`);
  const working = progress && (progress.phase === 'first' || progress.phase === 'incremental') && progress.total > 0;
  return (
    <Paper withBorder radius="md" p="md" data-testid="mail-account">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600}>{a.name}</Text>
            <Text size="sm" c="dimmed">
              {a.displayName ? `${a.displayName} <${a.emailAddress}>` : a.emailAddress}
            </Text>
            <Badge color={STATUS_COLORS[a.status]} variant="light" data-testid="account-status">
              {t(`mail.accounts.status.${a.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('mail.accounts.servers', {
              imap: `${a.imapHost}:${a.imapPort} (${security(a.imapSecurity)})`,
              smtp: `${a.smtpHost}:${a.smtpPort} (${security(a.smtpSecurity)})`,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('mail.accounts.folderLine', { inbox: a.inboxFolder, sent: a.sentFolder })} ·{' '}
            {t('mail.accounts.messages', { count: a.messageCount })} ·{' '}
            {a.lastSyncAt ? (
              <span title={formatDateTime(a.lastSyncAt, i18n.language)} data-testid="account-last-sync">
                {t('mail.accounts.lastSync', {
                  when: relativeTime(a.lastSyncAt, new Date(), intlLocale(i18n.language)),
                })}
              </span>
            ) : (
              t('mail.accounts.neverSynced')
            )}
          </Text>
          {a.status === 'error' && a.statusDetail && (
            <Text size="sm" c="red.8" data-testid="account-error">
              {a.statusDetail}
            </Text>
          )}
          {progress && progress.phase !== 'idle' && (
            <Stack gap={2} maw={520} data-testid="account-progress">
              <Text size="xs" c="dimmed">
                {/* An error before any folder was opened (login, connection) names no folder. */}
                {progress.folder
                  ? t(`mail.accounts.phase.${progress.phase}`, { folder: progress.folder })
                  : t(progress.phase === 'error' ? 'mail.accounts.scanStopped' : 'mail.accounts.scanning')}
                {working && ` — ${t('mail.accounts.progress', { done: progress.done, total: progress.total })}`}
              </Text>
              {working && <Progress value={(100 * progress.done) / progress.total} size="sm" animated />}
            </Stack>
          )}
          {a.bodiesPending > 0 && (
            <Group gap={6} c="dimmed" data-testid="account-bodies-pending">
              <Loader size={12} />
              <Text size="xs">{t('mail.accounts.bodiesPending', { count: a.bodiesPending })}</Text>
            </Group>
          )}
          {result && <ConnectionResult result={result} />}
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={15} />}
            loading={syncNow.isPending}
            disabled={!a.enabled}
            onClick={() =>
              syncNow.mutate(
                { id: a.id },
                { onSuccess: () => notifications.show({ message: t('mail.accounts.syncAsked', { name: a.name }) }) },
              )
            }
            data-testid="sync-now"
          >
            {t('mail.accounts.syncNow')}
          </Button>
          {props.canEdit && (
            <>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPlugConnected size={15} />}
                loading={test.isPending}
                onClick={() => {
                  setResult(null);
                  test.mutate({ id: a.id }, { onSuccess: setResult });
                }}
              >
                {t('mail.accounts.test')}
              </Button>
              <Tooltip label={t('common.edit')}>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('common.edit')}
                  onClick={props.onEdit}
                  data-testid="edit-account"
                >
                  <IconPencil size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('mail.accounts.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('mail.accounts.remove')}
                  onClick={() => setRemoving(true)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
        </Group>
      </Group>
      <ConfirmDialog
        opened={removing}
        title={t('mail.accounts.removeTitle')}
        message={t('mail.accounts.removeConfirm', { name: a.name })}
        confirmLabel={t('mail.accounts.remove')}
        loading={remove.isPending}
        onClose={() => setRemoving(false)}
        onConfirm={() =>
          void remove
            .mutateAsync({ id: a.id })
            .then(() => {
              setRemoving(false);
              notifications.show({ message: t('mail.accounts.removed', { name: a.name }) });
            })
            .catch(() => undefined)
        }
      />
    </Paper>
  );
}
