import { useState } from 'react';
import { Anchor, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { RecipientStatusBadge } from './MailingBadges';
import { mailingPath } from './mailing-looks';

const PAGE = 25;

/** A card's "Gönderilenler": every mail and SMS sent to it, single or in a mailing, newest first. */
export function SentPanel({ cardId }: { cardId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useCall(
    'mailings.ofCard',
    { cardId, offset: (page - 1) * PAGE, limit: PAGE },
    { keepPrevious: true },
  );
  const rows = data?.rows ?? [];
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE));
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
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="sent-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mailings.sent.columns.date')}</Table.Th>
              <Table.Th>{t('mailings.sent.columns.channel')}</Table.Th>
              <Table.Th>{t('mailings.sent.columns.subject')}</Table.Th>
              <Table.Th>{t('mailings.sent.columns.reference')}</Table.Th>
              <Table.Th>{t('mailings.sent.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
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
          </Table.Tbody>
        </Table>
      </Paper>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} size="sm" />}
    </Stack>
  );
}
