import { useTranslation } from 'react-i18next';
import { INSTITUTION_KINDS } from '../../../src-shared/contract/cards';
import { provinceNames, REGIONS } from '../../../src-shared/domain/tr-places';
import type { SegmentCardType } from '../../../src-shared/domain/segment-query';
import { useCall } from '../../app/contract-hooks';

export interface Option {
  value: string;
  label: string;
}

/** The values a choice condition can pick from; lists that live in the database are fetched once. */
export function useChoiceOptions(field: string, cardType: SegmentCardType): Option[] {
  const { t } = useTranslation();
  const users = useCall('users.list', {}, { enabled: field === 'owner' });
  const tags = useCall('criteria.listTags', { cardType }, { enabled: field === 'tag' });
  switch (field) {
    case 'gender':
      return (['female', 'male'] as const).map((g) => ({ value: g, label: t(`cards.genders.${g}`) }));
    case 'province':
      return provinceNames().map((p) => ({ value: p, label: p }));
    case 'region':
      return REGIONS.map((r) => ({ value: r, label: r }));
    case 'kind':
      return INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`cards.kinds.${k}`) }));
    case 'birthMonth':
      return (t('segments.months', { returnObjects: true }) as string[]).map((m, i) => ({
        value: String(i + 1),
        label: m,
      }));
    case 'owner':
      return (users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }));
    case 'tag':
      return (tags.data?.tags ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }));
    default:
      return [];
  }
}
