/**
 * Event reminders are written ahead, not stored with the event: a series has endless occurrences, so each tick
 * looks at the occurrences whose reminder falls due within the next LOOK_AHEAD_MS and writes one `event_starts`
 * notification per occurrence and person (keyed by the occurrence's start, so writing it again changes
 * nothing), due `remind_minutes` before the start. The occurrences looked at reach as far ahead as the longest
 * lead time asks: a reminder two days ahead is written before it is due, not on the day. Who is reminded: the
 * calendar's owner and members, the organizer and the staff attendees who have not declined.
 *
 * Pending reminders of occurrences in the window that no longer match (the event moved, was deleted, lost its
 * reminder, someone left the calendar) are dropped, and a changed lead time moves the pending row. An
 * occurrence that has already started is not reminded of; one whose reminder fell due while the app was
 * closed is still delivered on the next start, late.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { zonedToUtc } from '../../../src-shared/domain/zoned-time';
import { occurrencesInRange } from '../../services/agenda/event-occurrences';
import { firmTimeZone } from '../../services/planner/firm-time';
import { notify } from '../../services/planner/notify';

/** A day and a bit: a reminder is written at least a day before it is due, also across a DST change. */
export const LOOK_AHEAD_MS = 26 * 3_600_000;
const MAX_OCCURRENCES = 5000;
/** The longest lead time an event may have (the contract's four weeks): bounds how far ahead a tick looks. */
const MAX_REMIND_MINUTES = 40_320;

interface Reminder {
  userId: string;
  eventId: string;
  subject: string;
  dueAt: string;
  key: string;
}

const dedupeKey = (r: Pick<Reminder, 'eventId' | 'userId' | 'key'>) => `event_starts:${r.eventId}:${r.userId}:${r.key}`;

/** An occurrence's start as an instant: all-day ones start at midnight in the firm's zone. */
function startInstant(start: string, timeZone: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(start) ? zonedToUtc(start, '00:00', timeZone).getTime() : Date.parse(start);
}

/** Calendars with an event that may remind in the window: the common case (none) costs one query. */
function calendarsWithReminders(db: Db, from: string, to: string): string[] {
  return (
    stmt(
      db,
      `select distinct e.calendar_id as id from events e join calendars c on c.id = e.calendar_id
        where e.remind_minutes is not null and e.deleted_at is null and c.archived_at is null
          and e.starts_at <= ? and (e.rrule is not null or coalesce(e.series_ends_at, e.ends_at) >= ?)`,
    ).all(to, from.slice(0, 10)) as { id: string }[]
  ).map((r) => r.id);
}

function recipients(db: Db, calendarId: string, eventId: string, organizerId: string | null): string[] {
  const rows = stmt(
    db,
    `select owner_id as id from calendars where id = ?
     union select user_id from calendar_members where calendar_id = ?
     union select user_id from event_attendees
            where event_id = ? and kind = 'staff' and user_id is not null and response <> 'declined'`,
  ).all(calendarId, calendarId, eventId) as { id: string }[];
  return [...new Set([...rows.map((r) => r.id), ...(organizerId ? [organizerId] : [])])];
}

function expectedReminders(
  db: Db,
  now: number,
  from: string,
  to: string,
): { reminders: Reminder[]; complete: boolean } {
  const calendarIds = calendarsWithReminders(db, from, to);
  if (calendarIds.length === 0) return { reminders: [], complete: true };
  const { occurrences, truncated } = occurrencesInRange(db, { from, to, calendarIds, limit: MAX_OCCURRENCES });
  const timeZone = firmTimeZone(db);
  const eventRow = stmt(
    db,
    'select remind_minutes as remindMinutes, organizer_id as organizerId from events where id = ? and deleted_at is null',
  );
  const reminders: Reminder[] = [];
  for (const o of occurrences) {
    if (!o.eventId) continue;
    const event = eventRow.get(o.eventId) as { remindMinutes: number | null; organizerId: string | null } | undefined;
    if (!event || event.remindMinutes === null) continue;
    const start = startInstant(o.start, timeZone);
    if (!(start > now) || start > Date.parse(to)) continue;
    const due = start - event.remindMinutes * 60_000;
    // Written once due within the look-ahead: an hour's lead on a daily series does not fill weeks ahead.
    if (due > now + LOOK_AHEAD_MS) continue;
    const dueAt = new Date(due).toISOString();
    const key = o.occurrenceStart ?? o.start;
    for (const userId of recipients(db, o.calendarId, o.eventId, event.organizerId)) {
      reminders.push({ userId, eventId: o.eventId, subject: o.title, dueAt, key });
    }
  }
  return { reminders, complete: !truncated };
}

/** The longest lead time of a live event, in ms (bounded by MAX_REMIND_MINUTES). */
function longestLeadMs(db: Db): number {
  const longest = stmt(
    db,
    'select max(remind_minutes) from events where remind_minutes is not null and deleted_at is null',
  )
    .pluck()
    .get() as number | null;
  return Math.min(Math.max(longest ?? 0, 0), MAX_REMIND_MINUTES) * 60_000;
}

/** Writes (and tidies) the event reminders of the window after `now`; answers how many rows changed. */
export function scheduleEventReminders(db: Db, nowDate: Date): number {
  const now = nowDate.getTime();
  const from = nowDate.toISOString();
  const timeZone = firmTimeZone(db);
  return writeTransaction(db, () => {
    const pending = (
      stmt(
        db,
        `select id, dedupe_key as dedupeKey, due_at as dueAt, subject from notifications
          where kind = 'event_starts' and delivered_at is null`,
      ).all() as { id: string; dedupeKey: string; dueAt: string; subject: string }[]
    ).map((row) => ({ ...row, start: startInstant(row.dedupeKey.split(':').slice(3).join(':'), timeZone) }));
    // Far enough for every occurrence whose reminder falls due within LOOK_AHEAD_MS, and for every pending row
    // (written under a longer lead time since shortened): each must be looked at to be moved or dropped.
    const furthestPending = Math.max(0, ...pending.map((row) => row.start - now));
    const window = Math.min(
      Math.max(LOOK_AHEAD_MS + longestLeadMs(db), furthestPending),
      LOOK_AHEAD_MS + MAX_REMIND_MINUTES * 60_000,
    );
    const { reminders, complete } = expectedReminders(db, now, from, new Date(now + window).toISOString());
    const wanted = new Map(reminders.map((r) => [dedupeKey(r), r]));
    let changed = 0;
    const drop = stmt(db, 'delete from notifications where id = ?');
    const move = stmt(db, 'update notifications set due_at = ?, subject = ? where id = ?');
    for (const row of pending) {
      const want = wanted.get(row.dedupeKey);
      if (want) {
        if (want.dueAt !== row.dueAt || want.subject !== row.subject)
          changed += move.run(want.dueAt, want.subject, row.id).changes;
        continue;
      }
      // Only rows whose occurrence lies in the window looked at can be judged (and only on a full answer).
      if (complete && row.start > now && row.start <= now + window) changed += drop.run(row.id).changes;
    }
    const createdAt = nowDate.toISOString();
    for (const r of wanted.values()) {
      const before = stmt(db, 'select 1 from notifications where dedupe_key = ?').get(dedupeKey(r));
      if (before) continue;
      notify(db, {
        userIds: [r.userId],
        kind: 'event_starts',
        entityType: 'event',
        entityId: r.eventId,
        subject: r.subject,
        dueAt: r.dueAt,
        key: r.key,
        createdAt,
      });
      changed += 1;
    }
    return changed;
  });
}
