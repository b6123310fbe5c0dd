import type { Widen } from '../../app/i18n/widen';

export const transferTr = {
  title: 'İçe / dışa aktar',
};

export const transferEn: Widen<typeof transferTr> = {
  title: 'Import / export',
};
