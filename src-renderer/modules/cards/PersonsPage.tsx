import { useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../src-shared/contract/cards';
import type { Column } from '../../ui/VirtualTable';
import { CardListView } from './CardListView';
import { PersonFormModal } from './PersonForm';
import { formatDate } from '../../ui/format';
import { SegmentSelect } from '../segments/SegmentSelect';

export function PersonsPage() {
  const { t, i18n } = useTranslation();
  const [segmentId, setSegmentId] = useState<string | null>(null);

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
    <CardListView
      method="cards.listPersons"
      title={t('nav.persons')}
      newLabel={t('cards.newPerson')}
      basePath="/persons"
      columns={columns}
      extraFilter={segmentId ? { segmentId } : {}}
      toolbarExtras={<SegmentSelect cardType="person" value={segmentId} onChange={setSegmentId} />}
      renderNewForm={(form) => <PersonFormModal {...form} />}
    />
  );
}
