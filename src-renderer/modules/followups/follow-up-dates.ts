import { addDays } from '../../../src-shared/domain/zoned-time';

/**
 * The office's calendar for follow-ups, counted from the firm's today (useFirmToday: the firm's time zone from
 * planner.settings), so a date the form calls past is the one main refuses without a yes.
 */
export const isPastDate = (date: string, today: string): boolean => date !== '' && date < today;

export const tomorrow = (today: string): string => addDays(today, 1);

/** Monday of next week: "Gelecek hafta" in an office means the start of it. */
export function nextMonday(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, (8 - weekday) % 7 || 7);
}
