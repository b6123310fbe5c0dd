/**
 * The rules an event must meet before it is stored, beyond the contract's shape: a known time zone, times that
 * read and end after they start, a recurrence rule ical.js can follow, exdates that name instances, live cards.
 */
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { eventFields } from '../../../src-shared/contract/agenda';
import { isTimeZone } from '../../../src-shared/domain/zoned-time';
import type { CardRow } from '../documents/live-rows';
import { addDays, isoOf, parseDay, parseInstant } from './event-times';
import { checkSeries, instanceKey, rekey, RecurrenceError, type SeriesSpec } from './event-recurrence';

export type EventFieldsIn = z.output<typeof eventFields>;

/** What an events row is written from, every rule already checked. */
export interface CheckedEvent {
  calendarId: string;
  title: string;
  location: string | null;
  description: string;
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  rrule: string | null;
  exdates: string[];
  seriesEndsAt: string | null;
  cards: CardRow[];
  remindMinutes: number | null;
}

export interface CheckOptions {
  /** The zone when the input names none (the stored event's, else the firm's). */
  defaultTimeZone: string;
  /** A changed instance of a series: it has no recurrence of its own. */
  instance?: boolean;
  /** The series as stored before this change: exdates are read against it and follow a new time of day. */
  previous?: Pick<SeriesSpec, 'allDay' | 'startsAt' | 'timeZone'> | undefined;
  /** Cards already on the event may stay even from the recycle bin. */
  keptCardIds?: ReadonlySet<string>;
  /** Imports: an event may end when it starts (RFC 5545 allows it; forms do not). */
  allowZeroLength?: boolean;
}

/** Exdates one series may carry: the contract's bound, also for imports and dropped instances. */
export const MAX_EXDATES = 1000;

/** Years an office calendar may hold; outside them a typo (20226) or a hostile file is the likelier story. */
const FIRST_YEAR = '1900';
const LAST_YEAR = '2200';

function fieldError(field: string, message: string): never {
  throw invalidInput(message, { [field]: message });
}

function checkYear(field: string, value: string): void {
  const year = value.slice(0, 4);
  if (year < FIRST_YEAR || year > LAST_YEAR) fieldError(field, `Tarih ${FIRST_YEAR}–${LAST_YEAR} arasında olmalı.`);
}

function checkTimes(input: EventFieldsIn, timeZone: string, options: CheckOptions) {
  if (input.allDay) {
    const startsAt = parseDay(input.startsAt, timeZone);
    if (!startsAt) fieldError('startsAt', 'Başlangıç bir tarih olmalı (YYYY-AA-GG).');
    let endsAt = parseDay(input.endsAt, timeZone);
    if (!endsAt) fieldError('endsAt', 'Bitiş bir tarih olmalı (YYYY-AA-GG).');
    // An end on the start day means that one day (the end of an all-day event is exclusive).
    if (endsAt === startsAt) endsAt = addDays(startsAt, 1);
    if (endsAt < startsAt) fieldError('endsAt', 'Bitiş günü başlangıç gününden önce olamaz.');
    checkYear('startsAt', startsAt);
    checkYear('endsAt', endsAt);
    return { startsAt, endsAt };
  }
  const start = parseInstant(input.startsAt, timeZone);
  if (start === null) fieldError('startsAt', 'Başlangıç geçerli bir tarih-saat olmalı (ör. 2026-11-24T10:00+03:00).');
  const end = parseInstant(input.endsAt, timeZone);
  if (end === null) fieldError('endsAt', 'Bitiş geçerli bir tarih-saat olmalı (ör. 2026-11-24T11:00+03:00).');
  if (end < start || (end === start && !options.allowZeroLength)) {
    fieldError('endsAt', 'Bitiş başlangıçtan sonra olmalı.');
  }
  const startsAt = isoOf(start);
  const endsAt = isoOf(end);
  checkYear('startsAt', startsAt);
  checkYear('endsAt', endsAt);
  return { startsAt, endsAt };
}

function checkExdates(raw: readonly string[], spec: SeriesSpec, previous: CheckOptions['previous']): string[] {
  if (raw.length > MAX_EXDATES) {
    fieldError(
      'exdates',
      `Bir seride en çok ${MAX_EXDATES} istisna tarihi (silinmiş tekrar) olabilir; ${raw.length} var.`,
    );
  }
  const keys = raw.map((text, index) => {
    const key = instanceKey(previous ?? spec, text);
    if (key === null) fieldError(`exdates.${index}`, `"${text}" geçerli bir tarih değil.`);
    return previous ? rekey(key, previous, spec) : key;
  });
  return [...new Set(keys)].sort();
}

/** A card an event can be linked to; one already on it may stay even from the recycle bin. */
function checkCard(db: Db, id: string, index: number, kept: boolean): CardRow {
  const row = stmt(
    db,
    `select id, type, display_name as displayName, deleted_at as deletedAt, merged_into as mergedInto
     from cards where id = ?`,
  ).get(id) as (CardRow & { deletedAt: string | null; mergedInto: string | null }) | undefined;
  const field = `cardIds.${index}`;
  if (!row) fieldError(field, `Kart bulunamadı (${id}).`);
  if (row.mergedInto) fieldError(field, `«${row.displayName}» başka bir kartla birleştirildi; birleşen kartı seçin.`);
  if (row.deletedAt && !kept) fieldError(field, `«${row.displayName}» çöp kutusunda; önce kartı geri yükleyin.`);
  return { id: row.id, type: row.type, displayName: row.displayName };
}

/** Checks an event's fields; throws INVALID_INPUT naming the field, or returns the row to write. */
export function checkEventFields(db: Db, input: EventFieldsIn, options: CheckOptions): CheckedEvent {
  const timeZone = input.timeZone?.trim() || options.defaultTimeZone;
  if (!isTimeZone(timeZone))
    fieldError('timeZone', `"${timeZone}" bilinen bir saat dilimi değil (ör. Europe/Istanbul).`);
  const { startsAt, endsAt } = checkTimes(input, timeZone, options);
  let rrule: string | null = null;
  let seriesEndsAt: string | null = null;
  let exdates: string[] = [];
  if (input.rrule && !options.instance) {
    const spec: SeriesSpec = { allDay: input.allDay, startsAt, endsAt, timeZone, rrule: input.rrule };
    try {
      ({ rrule, seriesEndsAt } = checkSeries(spec));
    } catch (err) {
      if (err instanceof RecurrenceError) fieldError('rrule', err.message);
      throw err;
    }
    exdates = checkExdates(input.exdates, spec, options.previous);
  }
  const cards = [...new Set(input.cardIds)].map((id, index) =>
    checkCard(db, id, index, options.keptCardIds?.has(id) ?? false),
  );
  return {
    calendarId: input.calendarId,
    title: input.title,
    location: input.location ?? null,
    description: input.description,
    allDay: input.allDay,
    startsAt,
    endsAt,
    timeZone,
    rrule,
    exdates,
    seriesEndsAt,
    cards,
    remindMinutes: input.remindMinutes,
  };
}
