import { wallClockIn } from '../../../src-shared/domain/zoned-time';
import type { AttendeeEventRow } from './attendee-event-row';

/** One SMS part: with Turkish letters (the Turkish GSM shift table) a message still fits 160 characters. */
export const SMS_MAX = 160;

const pad = (n: number) => String(n).padStart(2, '0');

/** "24.11.2026 10:00" in the event's own zone; all-day events by date alone. */
export function smsWhen(event: Pick<AttendeeEventRow, 'allDay' | 'startsAt' | 'timeZone'>): string {
  if (event.allDay) {
    const [y, m, d] = event.startsAt.slice(0, 10).split('-');
    return `${d}.${m}.${y}`;
  }
  const w = wallClockIn(new Date(event.startsAt), event.timeZone);
  return `${pad(w.day)}.${pad(w.month)}.${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 3 ? text.slice(0, Math.max(0, max)) : text.slice(0, max - 3).trimEnd() + '...';
}

/**
 * "Sayın Ayşe Yılmaz, 24.11.2026 10:00 Bütçe toplantısı, Toplantı Odası 1. Giriş kodunuz: K7M2P9QX" within one
 * SMS: the place goes first when it does not fit, then the title and the name are shortened; the date and the
 * code always stay whole.
 */
export function smsText(
  event: Pick<AttendeeEventRow, 'allDay' | 'startsAt' | 'timeZone' | 'title' | 'location'>,
  name: string,
  code: string,
): string {
  const tail = `. Giriş kodunuz: ${code}`;
  const when = smsWhen(event);
  const compose = (who: string, what: string) => `Sayın ${who}, ${when} ${what}${tail}`;
  const withPlace = event.location ? `${event.title}, ${event.location}` : event.title;
  if (compose(name, withPlace).length <= SMS_MAX) return compose(name, withPlace);
  const room = SMS_MAX - compose(name, '').length;
  if (room >= Math.min(event.title.length, 20)) return compose(name, cut(event.title, room));
  const shortName = cut(name, 30);
  return compose(shortName, cut(event.title, SMS_MAX - compose(shortName, '').length));
}
