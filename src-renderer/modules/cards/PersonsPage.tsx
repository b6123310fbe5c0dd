import { useState } from 'react';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PersonRow } from '../../../src-shared/contract/cards';
import { usePagedRows } from '../../ui/usePagedRows';
import { VirtualTable, type Column } from '../../ui/VirtualTable';
import { ListToolbar } from './ListToolbar';
import { PersonFormModal } from './PersonForm';
import { useListState } from './useListState';
import { formatDate } from '../../ui/format';

export function PersonsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useListState();
  const [creating, setCreating] = useState(false);
  const [q] = useDebouncedValue(list.query, 200);
  const filter = { q, sort: list.sort.key, dir: list.sort.dir, deleted: list.deleted };
  const { total, getRow } = usePagedRows('cards.listPersons', filter, list.visible);
  // From anywhere, also while typing in the filter box.
  useHotkeys([['mod+N', () => setCreating(true)]], []);

  const columns: Column<PersonRow>[] = [
    {
      key: 'name',
      label: t('cards.columns.name'),
      width: 'minmax(180px, 1.4fr)',
      sort: 'name',
      render: (r) => (
        <Text fw={500} size="sm" truncate>
          {r.displayName}
        </Text>
      ),
    },
    {
      key: 'institutions',
      label: t('cards.columns.institutions'),
      width: 'minmax(200px, 2fr)',
      render: (r) => r.institutions ?? '',
    },
    { key: 'phone', label: t('cards.columns.phone'), width: '150px', render: (r) => r.phone ?? '' },
    { key: 'email', label: t('cards.columns.email'), width: 'minmax(160px, 1.2fr)', render: (r) => r.email ?? '' },
    { key: 'province', label: t('cards.columns.province'), width: '120px', render: (r) => r.province ?? '' },
    {
      key: 'updatedAt',
      label: t('cards.columns.updatedAt'),
      width: '130px',
      sort: 'updatedAt',
      render: (r) => formatDate(r.updatedAt, i18n.language),
    },
  ];

  return (
    <>
      <ListToolbar
        title={t('nav.persons')}
        total={total}
        query={list.query}
        onQuery={list.setQuery}
        deleted={list.deleted}
        onDeleted={list.setDeleted}
        newLabel={t('cards.newPerson')}
        onNew={() => setCreating(true)}
      />
      <VirtualTable
        label={t('nav.persons')}
        columns={columns}
        total={total ?? 0}
        getRow={getRow}
        rowKey={(r) => r.id}
        onVisibleChange={list.setVisible}
        onOpen={(r) => void navigate(`/persons/${r.id}`)}
        sort={list.sort}
        onSort={list.toggleSort}
        empty={list.deleted ? t('cards.emptyBin') : q ? t('cards.emptyFilter') : t('cards.emptyList')}
      />
      <PersonFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => void navigate(`/persons/${p.id}`)}
      />
    </>
  );
}
