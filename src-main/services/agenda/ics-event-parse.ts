/**
 * One VEVENT block of an imported file read into the fields of an agenda event, or a reason it cannot be: each
 * block is parsed by ical.js on its own, and every problem is a sentence about that event.
 */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import type { EventFieldsIn } from './event-checks';
import { addDays, instantOfWall, isoOf, wallOf } from './event-times';
import type { IcsBlock } from './ics-blocks';
import type { ZoneResolver } from './ics-zones';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type ICalTime = InstanceType<typeof ICAL.Time>;

/** An event read from a file, ready for the same checks as one typed into the form. */
export interface ImportedEvent {
  uid: string;
  summary: string | null;
  /** A changed instance of a series: its original start as the file names it (a date or an ISO instant). */
  recurrenceId: string | null;
  cancelled: boolean;
  fields: Omit<EventFieldsIn, 'calendarId'>;
}

export type ParsedBlock =
  { ok: true; event: ImportedEvent } | { ok: false; uid: string | null; summary: string | null; reason: string };

/** A problem with one event, worded for the import report. */
class EventProblem extends Error {}

const TITLE_MAX = 200;
const LOCATION_MAX = 300;
const DESCRIPTION_MAX = 20_000;
const MAX_REMIND_MINUTES = 40_320;

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (t: ICalTime) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;

/** Text as stored: control characters other than line breaks and tabs dropped, cut to the field's length. */
function cleanText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type TimeValue = { date: string } | { ms: number; zone: string; utc: boolean };

/** A DTSTART/DTEND/EXDATE/RECURRENCE-ID value: a date, or an instant with the zone it was written in. */
function readTime(prop: Property, value: ICalTime, zones: ZoneResolver, firmZone: string): TimeValue {
  if (value.isDate) return { date: dateOf(value) };
  const wall = { date: dateOf(value), hour: value.hour, minute: value.minute, second: value.second };
  const tzid = prop.getParameter('tzid');
  if (typeof tzid === 'string' && tzid.trim()) {
    const zone = zones.resolve(tzid, value.year);
    if (!zone) throw new EventProblem(`bilinmeyen saat dilimi "${tzid}" (dosyada tanımı da yok)`);
    return { ms: instantOfWall(wall, zone), zone, utc: false };
  }
  if (value.zone === ICAL.Timezone.utcTimezone || value.zone?.tzid === 'UTC') {
    return {
      ms: Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second),
      zone: 'UTC',
      utc: true,
    };
  }
  // Floating time: the same clock everywhere; read on the firm's clock.
  return { ms: instantOfWall(wall, firmZone), zone: firmZone, utc: false };
}

function firstTime(event: Component, name: string, zones: ZoneResolver, firmZone: string): TimeValue | null {
  const prop = event.getFirstProperty(name);
  if (!prop) return null;
  let value: unknown;
  try {
    value = prop.getFirstValue();
  } catch (err) {
    throw new EventProblem(`${name.toUpperCase()} okunamadı: ${(err as Error).message}`);
  }
  if (!(value instanceof ICAL.Time) || Number.isNaN(value.year) || !value.year) {
    throw new EventProblem(`${name.toUpperCase()} geçerli bir tarih değil`);
  }
  return readTime(prop, value, zones, firmZone);
}

/** A start as the form would send it: a date for all-day events, an ISO instant otherwise. */
const asField = (t: TimeValue, allDay: boolean, zone: string): string =>
  'date' in t ? t.date : allDay ? wallOf(t.ms, zone).date : isoOf(t.ms);

function endOf(event: Component, start: TimeValue, zones: ZoneResolver, firmZone: string): TimeValue {
  const end = firstTime(event, 'dtend', zones, firmZone);
  if (end) return end;
  const durationProp = event.getFirstProperty('duration');
  if (durationProp) {
    const duration = durationProp.getFirstValue();
    if (!(duration instanceof ICAL.Duration)) throw new EventProblem('DURATION okunamadı');
    const seconds = duration.toSeconds();
    if ('date' in start) return { date: addDays(start.date, Math.max(1, Math.round(seconds / 86_400))) };
    return { ...start, ms: start.ms + seconds * 1000 };
  }
  // RFC 5545: no end means one day for a date, the same moment for a date-time.
  return 'date' in start ? { date: addDays(start.date, 1) } : start;
}

/** Instance keys named by EXDATE properties (each may carry several values and its own TZID). */
function exdatesOf(event: Component, allDay: boolean, zone: string, zones: ZoneResolver, firmZone: string): string[] {
  const out: string[] = [];
  for (const prop of event.getAllProperties('exdate')) {
    for (const value of prop.getValues()) {
      if (!(value instanceof ICAL.Time)) throw new EventProblem('EXDATE okunamadı');
      out.push(asField(readTime(prop, value, zones, firmZone), allDay, zone));
    }
  }
  return out;
}

/** Minutes before the start of the first display or audio alarm (TRIGGER:-PT15M), if any. */
function remindMinutesOf(event: Component): number | null {
  for (const alarm of event.getAllSubcomponents('valarm')) {
    const trigger = alarm.getFirstProperty('trigger');
    const value = trigger?.getFirstValue();
    if (!(value instanceof ICAL.Duration) || trigger?.getParameter('related') === 'END') continue;
    const minutes = Math.round(-value.toSeconds() / 60);
    if (minutes >= 0 && minutes <= MAX_REMIND_MINUTES) return minutes;
  }
  return null;
}

/** Events without a UID still need one that a second import of the same file finds again. */
const contentUid = (block: IcsBlock) =>
  `${createHash('sha256').update(block.lines.join('\n')).digest('hex').slice(0, 32)}@kartotek-import`;

function guessProperty(block: IcsBlock, name: string): string | null {
  const line = block.lines.find(
    (l) => l.toUpperCase().startsWith(`${name}:`) || l.toUpperCase().startsWith(`${name};`),
  );
  if (!line) return null;
  // Enough of iCalendar's escaping undone to name the event in a report.
  const value = line
    .slice(line.indexOf(':') + 1)
    .replace(/\\n/gi, ' ')
    .replace(/\\([,;\\])/g, '$1');
  return cleanText(value, TITLE_MAX);
}

export function parseEventBlock(block: IcsBlock, zones: ZoneResolver, firmZone: string): ParsedBlock {
  const uidGuess = guessProperty(block, 'UID');
  const summaryGuess = guessProperty(block, 'SUMMARY');
  const fail = (reason: string): ParsedBlock => ({ ok: false, uid: uidGuess, summary: summaryGuess, reason });
  if (block.problem) return fail(`${block.line}. satırdaki etkinlik bozuk: ${block.problem}`);
  if (block.lines.some((l) => l.includes('\u0000'))) {
    return fail('NUL baytı içeriyor (bozuk ya da değiştirilmiş dosya); alınmadı');
  }
  let event: Component | null;
  try {
    const calendar = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...block.lines, 'END:VCALENDAR'].join('\r\n')));
    event = calendar.getFirstSubcomponent('vevent');
  } catch (err) {
    return fail(`${block.line}. satırdaki etkinlik okunamadı: ${(err as Error).message}`);
  }
  if (!event) return fail(`${block.line}. satırdaki etkinlik okunamadı`);
  try {
    return { ok: true, event: readEvent(event, block, zones, firmZone) };
  } catch (err) {
    if (err instanceof EventProblem) return fail(err.message);
    return fail(`okunamadı: ${(err as Error).message}`);
  }
}

function readEvent(event: Component, block: IcsBlock, zones: ZoneResolver, firmZone: string): ImportedEvent {
  const uid = cleanText(event.getFirstPropertyValue('uid'), 1000) ?? contentUid(block);
  const summary = cleanText(event.getFirstPropertyValue('summary'), TITLE_MAX);
  const start = firstTime(event, 'dtstart', zones, firmZone);
  if (!start) throw new EventProblem('başlangıç (DTSTART) yok');
  const end = endOf(event, start, zones, firmZone);
  const allDay = 'date' in start;
  const rules = event.getAllProperties('rrule');
  if (rules.length > 1) throw new EventProblem('birden fazla RRULE var; desteklenmiyor');
  if (event.getFirstProperty('rdate')) throw new EventProblem('RDATE (ek tekrar tarihleri) desteklenmiyor');
  const rrule = rules[0] ? String(rules[0].getFirstValue()) : null;
  // A series in UTC is expanded in UTC (its rule counts UTC days); a single event just keeps the firm's clock.
  const zone = allDay ? firmZone : 'utc' in start && start.utc && !rrule ? firmZone : (start as { zone: string }).zone;
  // As written (a date, or an instant), not in this instance's own form: an instance changed to all-day still
  // names a timed series' instance by its time, which the series' key reads (instanceKey).
  const recurrenceProp = event.getFirstProperty('recurrence-id');
  const recurrenceId = recurrenceProp
    ? asField(firstTime(event, 'recurrence-id', zones, firmZone)!, false, zone)
    : null;
  const status = event.getFirstPropertyValue('status');
  return {
    uid,
    summary,
    recurrenceId,
    cancelled: typeof status === 'string' && status.toUpperCase() === 'CANCELLED',
    fields: {
      title: summary ?? '(Başlıksız etkinlik)',
      location: cleanText(event.getFirstPropertyValue('location'), LOCATION_MAX) ?? undefined,
      description: cleanText(event.getFirstPropertyValue('description'), DESCRIPTION_MAX) ?? '',
      allDay,
      startsAt: asField(start, allDay, zone),
      endsAt: asField(end, allDay, zone),
      timeZone: zone,
      rrule,
      exdates: rrule ? exdatesOf(event, allDay, zone, zones, firmZone) : [],
      cardIds: [],
      remindMinutes: remindMinutesOf(event),
    },
  };
}
