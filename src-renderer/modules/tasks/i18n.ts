import type { Widen } from '../../app/i18n/widen';

/** Tasks (görev yönetimi): lists, board, task screen. */
export const tasksTr = {
  title: 'Görevler',
};

export const tasksEn: Widen<typeof tasksTr> = {
  title: 'Tasks',
};
