import { Anchor, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { RecipientStatusBadge } from './MailingBadges';
import { mailingPath } from './mailing-looks';
import { PagedTable, usePaging } from './PagedTable';

const PAGE = 25;
const COLUMNS = ['date', 'channel', 'subject', 'reference', 'status'] as const;

/** A card's "Gönderilenler": every mail and SMS sent to it, single or in a mailing, newest first. */
export function SentPanel({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation();
  const paging = usePaging(PAGE);
  const { data, isLoading, error } = useCall('mailings.ofCard', { cardId, ...paging.window }, { keepPrevious: true });
  const rows = data?.rows ?? [];
  if (error)
    return (
      <Text c="red" size="sm" data-testid="sent-error">
        {error.message}
      </Text>
    );
  if (!isLoading && rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="sent-empty">
        {t('mailings.sent.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <PagedTable
        columns={COLUMNS.map((c) => t(`mailings.sent.columns.${c}`))}
        testId="sent-table"
        verticalSpacing="xs"
        empty={null}
        page={paging.page}
        pages={paging.pageCount(data?.total)}
        onPage={paging.setPage}
        paginationSize="sm"
      >
        {rows.map((r) => (
          <Table.Tr key={r.id} data-testid="sent-row">
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {r.sentAt ? formatDateTime(r.sentAt, i18n.language) : '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              {r.channel === 'sms' ? (
                <IconMessage size={16} aria-label="SMS" />
              ) : (
                <IconMail size={16} aria-label={t('mailings.channels.email')} />
              )}
            </Table.Td>
            <Table.Td maw={380}>
              <Anchor component={Link} to={mailingPath(r.mailingId)} size="sm" lineClamp={1}>
                {r.subject || (r.channel === 'sms' ? t('mailings.channels.sms') : t('mailings.list.noSubject'))}
              </Anchor>
              <Text size="xs" c="dimmed">
                {r.address}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {r.referenceNo}
              </Text>
            </Table.Td>
            <Table.Td>
              <RecipientStatusBadge status={r.status} />
              {r.error && (
                <Text size="xs" c="red.8" lineClamp={1} title={r.error}>
                  {r.error}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
    </Stack>
  );
}
