/**
 * The demo's calendar: "now" is the moment the demo is made, and everything it writes (notes months ago,
 * follow-ups due today, next week's meetings) is placed on the firm's calendar days around it, at wall-clock
 * times of the firm's time zone, skipping weekends and public holidays like an office would.
 */
import type { Db } from '../../db/connection';
import { addDays, dayIn, zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { turkishHolidays, type Holiday } from '../../../src-shared/domain/holidays';
import { firmTimeZone } from '../planner/firm-time';
import type { Random } from './random';

const pad = (n: number) => String(n).padStart(2, '0');

/** HH:MM of minutes after midnight. */
export const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A working-hours time (HH:MM) between `from` and `to` (minutes after midnight), in five-minute steps. */
export const officeTime = (rng: Random, from = 9 * 60, to = 17 * 60) => clock(from + 5 * rng.int(0, (to - from) / 5));

export class DemoClock {
  readonly timeZone: string;
  /** The firm's calendar day of "now". */
  readonly today: string;
  readonly nowMs: number;
  private readonly holidays = new Map<number, Holiday[]>();

  constructor(
    db: Db,
    readonly nowIso: string,
  ) {
    this.timeZone = firmTimeZone(db);
    this.nowMs = Date.parse(nowIso);
    this.today = dayIn(new Date(this.nowMs), this.timeZone);
  }

  /** The UTC instant (ISO) of a wall-clock time on a firm day. */
  at(date: string, time: string): string {
    return zonedToUtc(date, time, this.timeZone).toISOString();
  }

  /** The firm day of an instant. */
  dayOf(iso: string): string {
    return dayIn(new Date(iso), this.timeZone);
  }

  /** An instant no later than now: a stamp for something done "then" never lies in the future. */
  notAfterNow(iso: string): string {
    return Date.parse(iso) > this.nowMs ? this.nowIso : iso;
  }

  isPast(iso: string): boolean {
    return Date.parse(iso) < this.nowMs;
  }

  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** 1 = Monday … 7 = Sunday. */
  weekday(date: string): number {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
  }

  /** The Monday of the week a date is in. */
  mondayOf(date: string): string {
    return addDays(date, 1 - this.weekday(date));
  }

  /** The public holiday (a whole day off) on a date, if any. Half days (arife) are working mornings. */
  holidayOn(date: string): Holiday | undefined {
    const year = Number(date.slice(0, 4));
    let list = this.holidays.get(year);
    if (!list) {
      list = turkishHolidays(year).filter((h) => h.kind !== 'arife-half-day');
      this.holidays.set(year, list);
    }
    return list.find((h) => h.date === date);
  }

  isWorkday(date: string): boolean {
    return this.weekday(date) <= 5 && !this.holidayOn(date);
  }

  /** The nth working day before today (1: the last working day before today). */
  workdayBefore(n: number): string {
    return this.workdaysBefore(this.today, n);
  }

  /** The nth working day before a date. */
  workdaysBefore(date: string, n: number): string {
    let d = date;
    for (let found = 0; found < n;) {
      d = addDays(d, -1);
      if (this.isWorkday(d)) found++;
    }
    return d;
  }

  /** The first working day on or after a date. */
  workdayFrom(date: string): string {
    let d = date;
    while (!this.isWorkday(d)) d = addDays(d, 1);
    return d;
  }
}
