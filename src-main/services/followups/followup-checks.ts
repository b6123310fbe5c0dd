import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import { firmToday } from '../planner/firm-time';

/**
 * Where a message goes on the form: followUps.create names its own fields ("dueDate"), a note written with a
 * follow-up names them inside the note's input ("followUp.dueDate").
 */
export type FieldPrefix = '' | 'followUp.';

const turkishDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A date before today (the firm's calendar) is usually a typo, so it needs the user's yes; one already saved is
 * not asked again (a follow-up moved only in time keeps its overdue day).
 */
export function checkDueDate(db: Db, dueDate: string, confirmPast: boolean, now: Date, prefix: FieldPrefix): void {
  if (confirmPast) return;
  const today = firmToday(db, now);
  if (dueDate >= today) return;
  throw invalidInput(
    `Takip tarihi (${turkishDate(dueDate)}) geçmişte; yine de kaydetmek için onaylayın (bugün ${turkishDate(today)}).`,
    { [`${prefix}dueDate`]: 'Tarih geçmişte' },
  );
}

/** The staff who do it: existing users, each once. */
export function checkAssignees(db: Db, ids: readonly string[], prefix: FieldPrefix): string[] {
  const unique = [...new Set(ids)];
  const exists = stmt(db, 'select 1 from users where id = ?');
  for (const id of unique) {
    if (!exists.get(id)) {
      throw invalidInput(`Takibi yapacak olarak seçilen kullanıcı bulunamadı (${id}).`, {
        [`${prefix}assigneeIds`]: 'Kullanıcı bulunamadı',
      });
    }
  }
  return unique;
}
