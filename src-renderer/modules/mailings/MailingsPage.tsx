import { useState } from 'react';
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconMail, IconMessage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { MailingCounts, MailingStatusBadge } from './MailingBadges';
import { mailingPath } from './mailing-looks';
import { PagedTable, usePaging } from './PagedTable';

const PAGE = 50;
const COLUMNS = ['subject', 'segment', 'status', 'counts', 'created'] as const;

/** Everything sent, newest first: mailings and single sends, with their state and counts. */
export function MailingsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'all' | 'single' | 'mailing'>('all');
  const paging = usePaging(PAGE);
  const { data, isLoading, error } = useCall(
    'mailings.list',
    { ...(kind === 'all' ? {} : { kind }), ...paging.window },
    { keepPrevious: true },
  );
  const rows = data?.rows ?? [];
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Group justify="space-between">
        <Title order={2}>{t('mailings.title')}</Title>
        <Button component={Link} to="/mailings/new" leftSection={<IconPlus size={16} />} data-testid="mailing-new">
          {t('mailings.list.new')}
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        value={kind}
        onChange={(v) => {
          setKind(v as typeof kind);
          paging.setPage(1);
        }}
        data={[
          { value: 'all', label: t('mailings.list.all') },
          { value: 'mailing', label: t('mailings.kinds.mailing') },
          { value: 'single', label: t('mailings.kinds.single') },
        ]}
      />
      <PagedTable
        columns={COLUMNS.map((c) => t(`mailings.list.columns.${c}`))}
        testId="mailings-table"
        verticalSpacing="sm"
        highlightOnHover
        empty={
          !isLoading && rows.length === 0
            ? { text: error ? error.message : t('mailings.list.empty'), error: !!error, py: 'md' }
            : null
        }
        page={paging.page}
        pages={paging.pageCount(data?.total)}
        onPage={paging.setPage}
      >
        {rows.map((m) => (
          <Table.Tr
            key={m.id}
            style={{ cursor: 'pointer' }}
            onClick={() => void navigate(mailingPath(m.id))}
            data-testid="mailing-row"
          >
            <Table.Td maw={420}>
              <Group gap={8} wrap="nowrap">
                {m.channel === 'sms' ? (
                  <IconMessage size={16} color="var(--mantine-color-teal-6)" aria-label="SMS" />
                ) : (
                  <IconMail size={16} color="var(--mantine-color-blue-6)" aria-label={t('mailings.channels.email')} />
                )}
                <Anchor component={Link} to={mailingPath(m.id)} size="sm" truncate onClick={(e) => e.stopPropagation()}>
                  {m.channel === 'sms' ? m.body : m.subject || t('mailings.list.noSubject')}
                </Anchor>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={m.segmentName ? undefined : 'dimmed'}>
                {m.segmentName ?? t('mailings.kinds.single')}
              </Text>
            </Table.Td>
            <Table.Td>
              <MailingStatusBadge status={m.status} />
            </Table.Td>
            <Table.Td>
              <MailingCounts mailing={m} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{m.createdBy?.name ?? '—'}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.createdAt, i18n.language)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </PagedTable>
    </Stack>
  );
}
