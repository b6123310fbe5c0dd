import type { Widen } from '../../app/i18n/widen';

export const criteriaTr = {
  title: 'Kriterler',
};

export const criteriaEn: Widen<typeof criteriaTr> = {
  title: 'Criteria',
};
