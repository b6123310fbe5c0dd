import { createPlugin, type PluginDef } from '@fullcalendar/core';
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal';
import { wallClockIn } from '../../../src-shared/domain/zoned-time';

/**
 * FullCalendar understands named time zones only through a plugin (its own ones need luxon or moment-timezone);
 * this one asks Intl, as the rest of Kartotek does. Arrays are FullCalendar's wall-clock form:
 * [year, month (0-based), day, hour, minute, second, ms]; offsets are minutes east of UTC.
 */
class IntlNamedTimeZone extends NamedTimeZoneImpl {
  private offsetAt(instant: number): number {
    const w = wallClockIn(new Date(instant), this.timeZoneName);
    const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
  }

  offsetForArray(a: number[]): number {
    const wall = Date.UTC(a[0] ?? 1970, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);
    // Two rounds settle the offset also next to a DST change (the first guess may be the other side's).
    const guess = this.offsetAt(wall - this.offsetAt(wall) * 60_000);
    return this.offsetAt(wall - guess * 60_000);
  }

  timestampToArray(ms: number): number[] {
    const w = wallClockIn(new Date(ms), this.timeZoneName);
    return [w.year, w.month - 1, w.day, w.hour, w.minute, w.second, ((ms % 1000) + 1000) % 1000];
  }
}

export const intlTimeZonePlugin: PluginDef = createPlugin({
  name: 'kartotek-intl-time-zone',
  namedTimeZonedImpl: IntlNamedTimeZone,
});
