import { useState } from 'react';
import { ActionIcon, Group, Pagination, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_STATUSES, type RecipientStatus } from '../../../src-shared/contract/mailings';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { RecipientStatusBadge } from './MailingBadges';
import { notifications } from '@mantine/notifications';

const PAGE = 50;

/** The permanent record of who got the mailing: paged, filtered by status, with reference numbers and errors. */
export function RecipientsTable(props: {
  mailingId: string;
  /** A draft has no recipients yet: they are fixed from the segment when sending starts. */
  draft: boolean;
  canResend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<RecipientStatus | null>(null);
  const [page, setPage] = useState(1);
  const resend = useMutate('mailings.resendUncertain');
  const { data, error } = useCall(
    'mailings.recipients',
    { id: props.mailingId, ...(status ? { status } : {}), offset: (page - 1) * PAGE, limit: PAGE },
    { keepPrevious: true },
  );
  const rows = data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE));
  const [asking, setAsking] = useState<null | { id: string; name: string }>(null);
  const resendOne = async (id: string) => {
    await resend.mutateAsync({ id: props.mailingId, recipientIds: [id] });
    setAsking(null);
    notifications.show({ color: 'green', message: t('mailings.detail.resent') });
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('mailings.recipients.title')}</Title>
        <Select
          aria-label={t('mailings.recipients.filter')}
          placeholder={t('mailings.list.all')}
          clearable
          w={200}
          data={RECIPIENT_STATUSES.map((s) => ({ value: s, label: t(`mailings.recipientStatuses.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v as RecipientStatus | null);
            setPage(1);
          }}
          data-testid="recipients-filter"
        />
      </Group>
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="recipients-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mailings.recipients.columns.name')}</Table.Th>
              <Table.Th>{t('mailings.recipients.columns.address')}</Table.Th>
              <Table.Th>{t('mailings.recipients.columns.reference')}</Table.Th>
              <Table.Th>{t('mailings.recipients.columns.status')}</Table.Th>
              <Table.Th>{t('mailings.recipients.columns.sentAt')}</Table.Th>
              <Table.Th>{t('mailings.recipients.columns.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c={error ? 'red' : 'dimmed'} size="sm" ta="center" py="sm">
                    {error
                      ? error.message
                      : props.draft
                        ? t('mailings.recipients.notFixed')
                        : t('mailings.recipients.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="recipient-row" data-status={r.status}>
                <Table.Td>
                  <Text size="sm">{r.name || '—'}</Text>
                  {r.salutation && (
                    <Text size="xs" c="dimmed">
                      {r.salutation}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.address}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" data-testid="recipient-reference">
                    {r.referenceNo}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <RecipientStatusBadge status={r.status} />
                    {r.status === 'uncertain' && props.canResend && (
                      <Tooltip label={t('mailings.detail.resendOne')} withArrow>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="orange"
                          aria-label={t('mailings.detail.resendOne')}
                          onClick={() => setAsking({ id: r.id, name: r.name || r.address })}
                        >
                          <IconRefresh size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {r.sentAt ? formatDateTime(r.sentAt, i18n.language) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="xs" c="red.8" lineClamp={2} title={r.error ?? undefined}>
                    {r.error ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
      <ConfirmDialog
        opened={!!asking}
        title={t('mailings.detail.resendTitle')}
        message={t('mailings.detail.resendOneMessage', { name: asking?.name ?? '' })}
        confirmLabel={t('mailings.detail.resend')}
        loading={resend.isPending}
        onConfirm={() => asking && void resendOne(asking.id).catch(() => setAsking(null))}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
}
