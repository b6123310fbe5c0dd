import { DEFAULT_TIME_ZONE, addDays, dayIn, wallClockIn, zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { useCall } from '../../app/contract-hooks';

/**
 * The firm's time zone, in which the agenda is drawn and typed (so a booking at 10:00 means 10:00 at the office,
 * whatever the computer's own zone). Until the planner settings answer, Europe/Istanbul.
 */
export function useFirmTimeZone(): string {
  const { data } = useCall('planner.settings', {});
  return data?.timeZone ?? DEFAULT_TIME_ZONE;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm) of an instant in a zone. */
export function wallOf(iso: string, timeZone: string): { date: string; time: string } {
  const w = wallClockIn(new Date(iso), timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The instant (ISO, UTC) of a wall-clock date and time in a zone; null when either is missing or malformed. */
export function instantOf(date: string, time: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = zonedToUtc(date, time, timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The calendar day of an instant in a zone. */
export const dayOf = (iso: string, timeZone: string): string => dayIn(new Date(iso), timeZone);

export { addDays };
