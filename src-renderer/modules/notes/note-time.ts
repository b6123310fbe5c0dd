/**
 * The office's wall clock (Europe/Istanbul) for the editor's date and time fields:
 * what is typed is Istanbul time whatever the computer's own zone, as every date
 * on screen is shown in Istanbul time.
 */
const WALL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Istanbul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Istanbul date (YYYY-MM-DD) and time (HH:mm) of an instant. */
export function istanbulWallClock(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(WALL.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/**
 * The ISO date-time with offset of an Istanbul date and time; null if either is
 * missing or no date. The offset is found, not assumed: before 2016 Turkey had
 * summer time, and a note may be written about an old meeting.
 */
export function istanbulToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that moment: what the wall clock shows minus UTC.
  const offsetAt = (ms: number) => {
    const wall = istanbulWallClock(new Date(ms));
    const [y, mo, da] = wall.date.split('-').map(Number);
    const [h, mi] = wall.time.split(':').map(Number);
    return (Date.UTC(y!, mo! - 1, da!, h!, mi!) - Math.floor(ms / 60_000) * 60_000) / 60_000;
  };
  const offset = offsetAt(asUtc - offsetAt(asUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
