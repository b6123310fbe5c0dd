import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezoneFor } from '../../src-main/services/agenda/vtimezone';

/** The UTC instant another program computes from our VTIMEZONE alone (not from its own zone database). */
function utcThroughVtimezone(zone: string, firstYear: number, lastYear: number, local: string): string {
  const timezone = new ICAL.Timezone(vtimezoneFor(zone, firstYear, lastYear));
  const [date, time] = local.split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const t = ICAL.Time.fromData({ year, month, day, hour, minute, second: 0 }, timezone);
  return t.toJSDate().toISOString();
}

describe('VTIMEZONE written for exports and invitations', () => {
  it('is right from the first day of the first year, before that year’s first clock change', () => {
    // 16 March 2026 is before Berlin's change on 29 March: 10:00 CET is 09:00Z.
    expect(utcThroughVtimezone('Europe/Berlin', 2026, 2026, '2026-03-16T10:00')).toBe('2026-03-16T09:00:00.000Z');
    expect(utcThroughVtimezone('Europe/Berlin', 2026, 2026, '2026-01-05T10:00')).toBe('2026-01-05T09:00:00.000Z');
    expect(utcThroughVtimezone('Europe/Berlin', 2026, 2026, '2026-07-01T10:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('carries the yearly rule past the last year, and a zone without DST has one offset', () => {
    expect(utcThroughVtimezone('Europe/Berlin', 2026, 2026, '2030-07-01T10:00')).toBe('2030-07-01T08:00:00.000Z');
    expect(utcThroughVtimezone('America/New_York', 2026, 2026, '2026-02-02T09:00')).toBe('2026-02-02T14:00:00.000Z');
    expect(utcThroughVtimezone('Europe/Istanbul', 2026, 2026, '2026-03-16T10:00')).toBe('2026-03-16T07:00:00.000Z');
  });
});
