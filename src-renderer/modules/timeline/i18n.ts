import type { Widen } from '../../app/i18n/widen';

export const timelineTr = {
  title: 'Zaman çizelgesi',
};

export const timelineEn: Widen<typeof timelineTr> = {
  title: 'Timeline',
};
