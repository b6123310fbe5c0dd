import { addDays } from '../../../src-shared/domain/zoned-time';
import { istanbulWallClock } from '../notes/note-time';

/**
 * The office's calendar for follow-ups: "today" is Istanbul's, like every date on screen, so a date the form
 * calls past is the one main refuses without a yes.
 */
export const officeToday = (now = new Date()): string => istanbulWallClock(now).date;

export const isPastDate = (date: string, now = new Date()): boolean => date !== '' && date < officeToday(now);

export const tomorrow = (now = new Date()): string => addDays(officeToday(now), 1);

/** Monday of next week: "Gelecek hafta" in an office means the start of it. */
export function nextMonday(now = new Date()): string {
  const today = officeToday(now);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, (8 - weekday) % 7 || 7);
}
