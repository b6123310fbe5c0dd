/**
 * Which IANA time zone an imported TZID means. Files name zones many ways: IANA ("Europe/Istanbul", Google and
 * Apple), Windows ("Turkey Standard Time", Outlook), with a vendor prefix ("/mozilla.org/20050126_1/Europe/Berlin"),
 * by display name ("(UTC+03:00) Istanbul"), or only through the file's own VTIMEZONE block. The zone is kept on
 * the event, so a series is expanded in the runtime's up-to-date rules rather than the file's copy of them.
 */
import ICAL from 'ical.js';
import { isTimeZone } from '../../../src-shared/domain/zoned-time';
import { wallOf } from './event-times';
import { ianaOfWindowsZone } from './windows-zones';

type Component = InstanceType<typeof ICAL.Component>;

let zonesByCity: Map<string, string> | undefined;

/** "istanbul" → Europe/Istanbul, "new york" → America/New_York (the last part of every IANA name). */
function zoneOfCity(city: string): string | undefined {
  if (!zonesByCity) {
    zonesByCity = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const name = zone.split('/').pop()!.replaceAll('_', ' ').toLowerCase();
      if (!zonesByCity.has(name)) zonesByCity.set(name, zone);
    }
  }
  return zonesByCity.get(city.trim().toLowerCase());
}

const isIana = (name: string) => (name.includes('/') || name === 'UTC') && isTimeZone(name);

/** A zone from the TZID text alone. */
function zoneOfName(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (isIana(name)) return name;
  const windows = ianaOfWindowsZone(name);
  if (windows) return windows;
  // Vendor prefixes: keep the last two or three parts ("America/Argentina/Buenos_Aires").
  const parts = name.split('/').filter(Boolean);
  for (const n of [3, 2]) {
    const tail = parts.slice(-n).join('/');
    if (parts.length >= n && isIana(tail)) return tail;
  }
  // "(UTC+03:00) Istanbul", "(GMT+01:00) Amsterdam, Berlin, Bern, Rome": the first city IANA knows.
  const cities = name.replace(/^\((?:UTC|GMT)[^)]*\)\s*/i, '').split(/[,/]/);
  for (const city of cities) {
    const zone = zoneOfCity(city);
    if (zone) return zone;
  }
  return undefined;
}

/** Preferred when several zones keep the same clock: the ones an office in Turkey most likely meant. */
const PREFERRED = ['Europe/Istanbul', 'Europe/Berlin', 'Europe/London', 'Europe/Moscow', 'America/New_York', 'UTC'];

/**
 * A zone that keeps the same clock as a file's VTIMEZONE block around `year`: compared at the 1st and 15th of
 * every month of that year and the next, which catches the offsets and the months of the DST changes.
 */
function zoneLike(vtimezone: Component, year: number): string | undefined {
  let zone: InstanceType<typeof ICAL.Timezone>;
  try {
    zone = new ICAL.Timezone(vtimezone);
  } catch {
    return undefined;
  }
  const samples: { ms: number; wall: string }[] = [];
  for (const y of [year, year + 1]) {
    for (let month = 0; month < 12; month++) {
      for (const day of [1, 15]) {
        const ms = Date.UTC(y, month, day, 12);
        const local = ICAL.Time.fromJSDate(new Date(ms), true).convertToZone(zone);
        samples.push({ ms, wall: local.toString().slice(0, 16) });
      }
    }
  }
  const matches = (candidate: string) =>
    samples.every((s) => {
      const w = wallOf(s.ms, candidate);
      return `${w.date}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` === s.wall;
    });
  const candidates = [...PREFERRED, ...Intl.supportedValuesOf('timeZone')];
  return candidates.find(matches);
}

/**
 * Matching a VTIMEZONE block against every zone costs thousands of Intl calls: a file gets this many (real files
 * carry a handful of zones; a hostile one could carry thousands).
 */
const MAX_BLOCK_MATCHES = 20;

/** Resolves TZIDs of one file, each once. */
export class ZoneResolver {
  private readonly cache = new Map<string, string | null>();
  private blockMatches = 0;

  constructor(private readonly vtimezones: ReadonlyMap<string, Component>) {}

  /** The IANA zone for a TZID (around `year`, for matching a VTIMEZONE block), or null if none fits. */
  resolve(tzid: string, year: number): string | null {
    const key = `${tzid}\u0001${year}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let zone = zoneOfName(tzid) ?? null;
    const block = this.vtimezones.get(tzid);
    if (!zone && block) {
      const location = block.getFirstPropertyValue('x-lic-location');
      zone = typeof location === 'string' ? (zoneOfName(location) ?? null) : null;
      if (!zone && this.blockMatches < MAX_BLOCK_MATCHES) {
        this.blockMatches += 1;
        zone = zoneLike(block, year) ?? null;
      }
    }
    this.cache.set(key, zone);
    return zone;
  }
}
