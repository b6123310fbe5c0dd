import { useState } from 'react';
import { ActionIcon, Group, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RECIPIENT_STATUSES, type RecipientStatus } from '../../../src-shared/contract/mailings';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { RecipientStatusBadge } from './MailingBadges';
import { PagedTable, usePaging } from './PagedTable';
import { notifications } from '@mantine/notifications';

const PAGE = 50;
const COLUMNS = ['name', 'address', 'reference', 'status', 'sentAt', 'error'] as const;

/** The permanent record of who got the mailing: paged, filtered by status, with reference numbers and errors. */
export function RecipientsTable(props: {
  mailingId: string;
  /** A draft has no recipients yet: they are fixed from the segment when sending starts. */
  draft: boolean;
  canResend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<RecipientStatus | null>(null);
  const paging = usePaging(PAGE);
  const resend = useMutate('mailings.resendUncertain');
  const { data, error } = useCall(
    'mailings.recipients',
    { id: props.mailingId, ...(status ? { status } : {}), ...paging.window },
    { keepPrevious: true },
  );
  const rows = data?.rows ?? [];
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
            paging.setPage(1);
          }}
          data-testid="recipients-filter"
        />
      </Group>
      <PagedTable
        columns={COLUMNS.map((c) => t(`mailings.recipients.columns.${c}`))}
        testId="recipients-table"
        verticalSpacing="xs"
        empty={
          rows.length > 0
            ? null
            : {
                text: error
                  ? error.message
                  : props.draft
                    ? t('mailings.recipients.notFixed')
                    : t('mailings.recipients.empty'),
                error: !!error,
                py: 'sm',
              }
        }
        page={paging.page}
        pages={paging.pageCount(data?.total)}
        onPage={paging.setPage}
        paginationSize="sm"
      >
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
      </PagedTable>
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
