import { useState } from 'react';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Badge, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INSTITUTION_KINDS, type InstitutionKind, type InstitutionRow } from '../../../src-shared/contract/cards';
import { usePagedRows } from '../../ui/usePagedRows';
import { VirtualTable, type Column } from '../../ui/VirtualTable';
import { ListToolbar } from './ListToolbar';
import { InstitutionFormModal } from './InstitutionForm';
import { useListState } from './useListState';
import { formatDate } from '../../ui/format';

export function InstitutionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useListState();
  const [kind, setKind] = useState<InstitutionKind | null>(null);
  const [creating, setCreating] = useState(false);
  const [q] = useDebouncedValue(list.query, 200);
  const filter = { q, sort: list.sort.key, dir: list.sort.dir, deleted: list.deleted, ...(kind ? { kind } : {}) };
  const { total, getRow } = usePagedRows('cards.listInstitutions', filter, list.visible);
  // From anywhere, also while typing in the filter box.
  useHotkeys([['mod+N', () => setCreating(true)]], []);

  const columns: Column<InstitutionRow>[] = [
    {
      key: 'title',
      label: t('cards.columns.title'),
      width: 'minmax(220px, 2fr)',
      sort: 'name',
      render: (r) => (
        <Text fw={500} size="sm" truncate>
          {r.displayName}
        </Text>
      ),
    },
    {
      key: 'kinds',
      label: t('cards.columns.kinds'),
      width: 'minmax(160px, 1.2fr)',
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.kinds.map((k) => (
            <Badge key={k} size="sm" variant="light">
              {t(`cards.kinds.${k}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    { key: 'sector', label: t('cards.columns.sector'), width: 'minmax(120px, 1fr)', render: (r) => r.sector ?? '' },
    { key: 'phone', label: t('cards.columns.phone'), width: '150px', render: (r) => r.phone ?? '' },
    { key: 'province', label: t('cards.columns.province'), width: '120px', render: (r) => r.province ?? '' },
    { key: 'persons', label: t('cards.columns.persons'), width: '70px', render: (r) => r.personCount },
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
        title={t('nav.institutions')}
        total={total}
        query={list.query}
        onQuery={list.setQuery}
        deleted={list.deleted}
        onDeleted={list.setDeleted}
        newLabel={t('cards.newInstitution')}
        onNew={() => setCreating(true)}
      >
        <Select
          aria-label={t('cards.fields.kinds')}
          placeholder={t('cards.fields.kinds')}
          clearable
          w={160}
          value={kind}
          onChange={(v) => setKind(v as InstitutionKind | null)}
          data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`cards.kinds.${k}`) }))}
        />
      </ListToolbar>
      <VirtualTable
        label={t('nav.institutions')}
        columns={columns}
        total={total ?? 0}
        getRow={getRow}
        rowKey={(r) => r.id}
        onVisibleChange={list.setVisible}
        onOpen={(r) => void navigate(`/institutions/${r.id}`)}
        sort={list.sort}
        onSort={list.toggleSort}
        empty={list.deleted ? t('cards.emptyBin') : q || kind ? t('cards.emptyFilter') : t('cards.emptyList')}
      />
      <InstitutionFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(i) => void navigate(`/institutions/${i.id}`)}
      />
    </>
  );
}
