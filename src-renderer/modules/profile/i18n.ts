import type { Widen } from '../../app/i18n/widen';

export const profileTr = {
  title: 'Kişi profili',
};

export const profileEn: Widen<typeof profileTr> = {
  title: 'Person profile',
};
