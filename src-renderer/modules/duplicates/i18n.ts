import type { Widen } from '../../app/i18n/widen';

export const duplicatesTr = {
  title: 'Mükerrer kartlar',
};

export const duplicatesEn: Widen<typeof duplicatesTr> = {
  title: 'Duplicates',
};
