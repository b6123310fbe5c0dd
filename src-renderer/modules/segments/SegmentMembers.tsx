import { useState } from 'react';
import { Center, Loader, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { InstitutionRow, PersonRow } from '../../../src-shared/contract/cards';
import type { SegmentCardType, SegmentQuery } from '../../../src-shared/domain/segment-query';
import { usePagedRows } from '../../ui/usePagedRows';
import { VirtualTable, type Column } from '../../ui/VirtualTable';

type Row = PersonRow | InstitutionRow;

/** The cards a query selects now, virtualised like the main lists (a segment can hold 100k cards). */
export function SegmentMembers({ cardType, query }: { cardType: SegmentCardType; query: SegmentQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [visible, setVisible] = useState({ start: 0, end: 50 });
  const [sort, setSort] = useState<{ key: 'name' | 'updatedAt'; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const method = cardType === 'person' ? 'cards.listPersons' : 'cards.listInstitutions';
  const { total, getRow } = usePagedRows(method, { query, sort: sort.key, dir: sort.dir }, visible);
  const columns: Column<Row>[] = [
    {
      key: 'name',
      label: t(cardType === 'person' ? 'cards.columns.name' : 'cards.columns.title'),
      width: 'minmax(200px, 1.5fr)',
      sort: 'name',
      render: (r) => (
        <Text size="sm" fw={500} truncate>
          {r.displayName}
        </Text>
      ),
    },
    cardType === 'person'
      ? {
          key: 'institutions',
          label: t('cards.columns.institutions'),
          width: 'minmax(200px, 2fr)',
          render: (r) => (r as PersonRow).institutions ?? '',
        }
      : {
          key: 'sector',
          label: t('cards.columns.sector'),
          width: 'minmax(140px, 1fr)',
          render: (r) => (r as InstitutionRow).sector ?? '',
        },
    { key: 'phone', label: t('cards.columns.phone'), width: '150px', render: (r) => r.phone ?? '' },
    { key: 'province', label: t('cards.columns.province'), width: '120px', render: (r) => r.province ?? '' },
  ];
  // Until the first block arrives, "no cards" would be a lie.
  if (total === null)
    return (
      <Center h={120}>
        <Loader size="sm" />
      </Center>
    );
  return (
    <Paper
      withBorder
      style={{ flex: 1, minHeight: 320, display: 'flex', flexDirection: 'column' }}
      data-testid="segment-members"
    >
      <VirtualTable<Row>
        label={t('segments.members')}
        columns={columns}
        total={total}
        getRow={getRow as (i: number) => Row | undefined}
        rowKey={(r) => r.id}
        onVisibleChange={setVisible}
        onOpen={(r) => void navigate(`/${cardType === 'person' ? 'persons' : 'institutions'}/${r.id}`)}
        sort={sort}
        onSort={(key) =>
          setSort((s) =>
            s.key === key ? { ...s, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: key as 'name', dir: 'asc' },
          )
        }
        empty={t('cards.emptyFilter')}
      />
    </Paper>
  );
}
