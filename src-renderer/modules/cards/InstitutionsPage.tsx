import { useState } from 'react';
import { Badge, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_KINDS, type InstitutionKind, type InstitutionRow } from '../../../src-shared/contract/cards';
import type { Column } from '../../ui/VirtualTable';
import { CardListView } from './CardListView';
import { InstitutionFormModal } from './InstitutionForm';
import { formatDate } from '../../ui/format';
import { SegmentSelect } from '../segments/SegmentSelect';

export function InstitutionsPage() {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<InstitutionKind | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);

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
    <CardListView
      method="cards.listInstitutions"
      title={t('nav.institutions')}
      newLabel={t('cards.newInstitution')}
      basePath="/institutions"
      columns={columns}
      extraFilter={{ ...(kind ? { kind } : {}), ...(segmentId ? { segmentId } : {}) }}
      toolbarExtras={
        <>
          <SegmentSelect cardType="institution" value={segmentId} onChange={setSegmentId} />
          <Select
            aria-label={t('cards.fields.kinds')}
            placeholder={t('cards.fields.kinds')}
            clearable
            w={160}
            value={kind}
            onChange={(v) => setKind(v as InstitutionKind | null)}
            data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`cards.kinds.${k}`) }))}
          />
        </>
      }
      renderNewForm={(form) => <InstitutionFormModal {...form} />}
    />
  );
}
