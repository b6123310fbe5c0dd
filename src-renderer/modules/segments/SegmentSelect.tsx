import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SegmentCardType } from '../../../src-shared/domain/segment-query';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

/** Narrows a card list to a saved segment's members. */
export function SegmentSelect(props: {
  cardType: SegmentCardType;
  value: string | null;
  onChange: (segmentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { data } = useCall('segments.list', { cardType: props.cardType });
  const segments = data?.segments ?? [];
  if (segments.length === 0 && !props.value) return null;
  return (
    <Select
      aria-label={t('segments.segmentFilter')}
      placeholder={t('segments.segmentFilterNone')}
      data={segments.map((s) => ({ value: s.id, label: s.name }))}
      value={props.value}
      onChange={props.onChange}
      clearable
      searchable
      filter={foldedFilter}
      w={220}
      data-testid="list-segment"
    />
  );
}
