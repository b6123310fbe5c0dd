import type { Widen } from '../../app/i18n/widen';

export const notesTr = {
  tab: 'Notlar',
};

export const notesEn: Widen<typeof notesTr> = {
  tab: 'Notes',
};
