import type { Widen } from '../../app/i18n/widen';

export const segmentsTr = {
  title: 'Segmentler',
};

export const segmentsEn: Widen<typeof segmentsTr> = {
  title: 'Segments',
};
