/**
 * .ics import into one calendar: Outlook, Google and Apple exports, with their time zones, recurrences and
 * changed or cancelled instances. Each event (a series with its changed instances) is written whole or reported
 * with its reason; all of them in one transaction, so a crash leaves nothing half-imported. An event whose UID is
 * already in the calendar is skipped, so importing the same file twice adds nothing.
 */
import ICAL from 'ical.js';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { ContractError, invalidInput } from '../../../src-shared/contract/errors';
import type { ImportReport } from '../../../src-shared/contract/agenda';
import type { Actor } from '../documents/document-writes';
import { firmTimeZone } from '../planner/firm-time';
import { assertCanBook, calendarAccessRow } from './calendar-permissions';
import { checkEventFields } from './event-checks';
import { instanceKey, isInstanceOf } from './event-recurrence';
import { eventRow, seriesSpecOf } from './event-rows';
import { insertEvent } from './event-writes';
import { splitIcs, MAX_ICS_BYTES } from './ics-blocks';
import { parseEventBlock, type ImportedEvent } from './ics-event-parse';
import { ZoneResolver } from './ics-zones';

type Component = InstanceType<typeof ICAL.Component>;

/** The file's VTIMEZONE blocks by TZID (broken ones are left out: an event that needs one reports it). */
function timezonesOf(blocks: ReturnType<typeof splitIcs>['timezones']): Map<string, Component> {
  const out = new Map<string, Component>();
  for (const block of blocks) {
    if (block.problem || block.lines.some((l) => l.includes('\u0000'))) continue;
    try {
      const calendar = new ICAL.Component(
        ICAL.parse(['BEGIN:VCALENDAR', ...block.lines, 'END:VCALENDAR'].join('\r\n')),
      );
      const zone = calendar.getFirstSubcomponent('vtimezone');
      const tzid = zone?.getFirstPropertyValue('tzid');
      if (zone && typeof tzid === 'string') out.set(tzid, zone);
    } catch {
      // Unreadable: as if absent.
    }
  }
  return out;
}

interface Series {
  uid: string;
  master: ImportedEvent | null;
  instances: ImportedEvent[];
}

/** Events grouped by UID: a series and its changed instances arrive as separate VEVENTs. */
function groupByUid(events: ImportedEvent[]): Series[] {
  const groups = new Map<string, Series>();
  for (const event of events) {
    let group = groups.get(event.uid);
    if (!group) groups.set(event.uid, (group = { uid: event.uid, master: null, instances: [] }));
    if (event.recurrenceId === null && !group.master) group.master = event;
    else group.instances.push(event);
  }
  return [...groups.values()];
}

function reason(err: unknown): string {
  if (err instanceof ContractError) return err.message;
  return `beklenmeyen hata: ${(err as Error).message}`;
}

type ImportError = ImportReport['errors'][number];

/**
 * Writes one series (or single event) and its changed instances; throws to roll back that event only. A changed
 * instance whose RECURRENCE-ID is no instance of its series is left out and reported on its own (`errors`).
 */
function writeSeries(
  db: Db,
  actor: Actor,
  calendarId: string,
  zone: string,
  series: Series,
  errors: ImportError[],
): number {
  const options = { defaultTimeZone: zone, allowZeroLength: true };
  const meta = { uid: series.uid, action: 'event_import' as const };
  if (!series.master) {
    // Changed instances whose series is not in the file: each is an event of its own.
    let written = 0;
    for (const instance of series.instances) {
      if (instance.cancelled) continue;
      insertEvent(db, actor, checkEventFields(db, { ...instance.fields, calendarId }, options), meta);
      written += 1;
    }
    return written;
  }
  const master = series.master;
  const cancelled = series.instances.filter((i) => i.cancelled).map((i) => i.recurrenceId!);
  const fields = { ...master.fields, calendarId, exdates: [...master.fields.exdates, ...cancelled] };
  const seriesId = insertEvent(db, actor, checkEventFields(db, fields, options), meta);
  const stored = eventRow(db, seriesId);
  let written = 1;
  for (const instance of series.instances) {
    if (instance.cancelled) continue;
    const raw = instance.recurrenceId ?? '';
    const recurrenceId = stored.rrule ? instanceKey(stored, raw) : null;
    // As saveInstance: the key must name one of the series' own instances, or the copy would show beside it.
    if (!recurrenceId || !isInstanceOf(seriesSpecOf(stored), recurrenceId)) {
      const reason = stored.rrule
        ? `RECURRENCE-ID ${raw} serinin tekrarlarından biri değil; bu değişiklik alınmadı`
        : `RECURRENCE-ID ${raw} tekrarlanmayan bir etkinliğe işaret ediyor; bu değişiklik alınmadı`;
      errors.push({ uid: series.uid, summary: instance.summary, reason });
      continue;
    }
    const checked = checkEventFields(db, { ...instance.fields, calendarId }, { ...options, instance: true });
    insertEvent(db, actor, checked, {
      ...meta,
      parentId: seriesId,
      recurrenceId,
      organizerId: stored.organizerId,
    });
    written += 1;
  }
  return written;
}

/**
 * How long one import may hold the database. The write lock is held while events are checked and written; a
 * hostile file (thousands of heavy rules) must not freeze the desk, so what is left after this is reported.
 * Ordinary events go in at about a thousand a second here, so years of a busy office's calendar fit; impossible
 * rules are refused in milliseconds, so only a very large file reaches it.
 */
export const IMPORT_TIME_LIMIT_MS = 30_000;

/** Imports the text of an .ics file into a calendar the acting user may book in. */
export function importIcsText(
  db: Db,
  actor: Actor,
  calendarId: string,
  text: string,
  timeLimitMs = IMPORT_TIME_LIMIT_MS,
): ImportReport {
  if (Buffer.byteLength(text) > MAX_ICS_BYTES) {
    throw invalidInput(`Dosya çok büyük: en çok ${MAX_ICS_BYTES / (1024 * 1024)} MB'lık .ics içe aktarılabilir.`);
  }
  assertCanBook(db, calendarAccessRow(db, calendarId), actor.userId);
  const blocks = splitIcs(text);
  const zone = firmTimeZone(db);
  const zones = new ZoneResolver(timezonesOf(blocks.timezones));
  const report: ImportReport = { imported: 0, skipped: 0, errors: [] };
  const parsed: ImportedEvent[] = [];
  for (const block of blocks.events) {
    const result = parseEventBlock(block, zones, zone);
    if (result.ok) parsed.push(result.event);
    else report.errors.push({ uid: result.uid, summary: result.summary, reason: result.reason });
  }
  // Already here: a live series or single event with the UID (a changed instance counts only with its series).
  const known = stmt(
    db,
    'select 1 from events where calendar_id = ? and uid = ? and parent_id is null and deleted_at is null limit 1',
  );
  const deadline = Date.now() + timeLimitMs;
  writeTransaction(db, () => {
    for (const series of groupByUid(parsed)) {
      const count = (series.master ? 1 : 0) + series.instances.length;
      const first = series.master ?? series.instances[0]!;
      if (Date.now() >= deadline) {
        const seconds = Math.round(timeLimitMs / 1000);
        const reason = `içe aktarma ${seconds} saniyelik süre sınırını aştı; bu etkinlik alınmadı (dosyayı bölün)`;
        report.errors.push({ uid: series.uid, summary: first.summary, reason });
        continue;
      }
      if (known.get(calendarId, series.uid)) {
        report.skipped += count;
        continue;
      }
      if (series.master ? series.master.cancelled : series.instances.every((i) => i.cancelled)) {
        // A cancelled meeting is not a booking: nothing to write.
        report.skipped += count;
        continue;
      }
      try {
        // A savepoint per event: a refused event leaves no rows, the others stay.
        const instanceErrors: ImportError[] = [];
        report.imported += writeTransaction(db, () => writeSeries(db, actor, calendarId, zone, series, instanceErrors));
        report.errors.push(...instanceErrors);
      } catch (err) {
        report.errors.push({ uid: series.uid, summary: first.summary, reason: reason(err) });
      }
    }
  });
  return report;
}
