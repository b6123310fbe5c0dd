import type { Widen } from '../../app/i18n/widen';

/** The daily planner ("Bugün") and notifications. */
export const plannerTr = {
  title: 'Bugün',
};

export const plannerEn: Widen<typeof plannerTr> = {
  title: 'Today',
};
