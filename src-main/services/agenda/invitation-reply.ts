/**
 * Replies to our invitations (iCalendar METHOD:REPLY, RFC 5546): the attendee's calendar names the event by its
 * UID and the attendee by their address (and our X-KARTOTEK-CODE parameter when the client kept it), with
 * PARTSTAT saying accepted, declined or tentative. Pasted by a user (agenda.applyReply) or found by the mail
 * scan in an incoming message (applyCalendarReply). A reply nobody here matches is reported, not refused: mail
 * brings replies to invitations sent from other programs too.
 */
import ICAL from 'ical.js';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { invalidInput } from '../../../src-shared/contract/errors';
import type { AttendeeResponse } from '../../../src-shared/contract/agenda';
import type { Actor } from '../documents/document-writes';
import { codeCandidates } from './attendee-codes';
import { liveEventsByUid, type AttendeeEventRow } from './attendee-event-row';
import { storedAttendeeByCode, storedAttendeesOfEvent, type StoredAttendee } from './attendee-reads';
import { auditAttendee, snapshotOf } from './attendee-audit';
import type { AttendeeChange } from './attendee-writes';
import { CODE_PARAMETER } from './invitation-ics';

export const MAX_REPLY_CHARS = 1_000_000;

const RESPONSES: Record<string, AttendeeResponse> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needs_action',
};

export interface ReplyOutcome {
  /** Every attendee the reply answered for, with the response now recorded. */
  updated: { attendeeId: string; response: AttendeeResponse }[];
  /** Events or attendees of the reply that are not ours, in words. */
  unknown: string[];
  /** The events whose attendees changed (for agenda.changed). */
  changes: AttendeeChange[];
}

/** The parsed calendars, or INVALID_INPUT saying plainly why the text is not a reply we can read. */
function parseReply(text: string): ICAL.Component[] {
  if (text.length > MAX_REPLY_CHARS) {
    throw invalidInput(
      `iCalendar yanıtı çok büyük (${text.length.toLocaleString('tr-TR')} karakter; en çok ${MAX_REPLY_CHARS.toLocaleString('tr-TR')}).`,
    );
  }
  if (text.includes('\u0000')) {
    throw invalidInput('iCalendar yanıtında NUL karakteri var: dosya bozuk ya da bir iCalendar metni değil.');
  }
  // A byte order mark or blank lines before the calendar are what mail programs add; anything else is not ours.
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR[ \t]*\r?\n/i.test(body)) {
    throw invalidInput('Bu bir iCalendar yanıtı değil: metin BEGIN:VCALENDAR ile başlamıyor.');
  }
  let parsed: unknown;
  try {
    parsed = ICAL.parse(body);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    throw invalidInput(`iCalendar yanıtı okunamadı: ${reason}`);
  }
  const jcals = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])) as [
    string,
    unknown[],
    unknown[],
  ][];
  const calendars = jcals.map((j) => new ICAL.Component(j)).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw invalidInput('Bu bir iCalendar yanıtı değil: VCALENDAR bölümü yok.');
  for (const cal of calendars) {
    const method = String(cal.getFirstPropertyValue('method') ?? '').toUpperCase();
    if (method !== 'REPLY') {
      throw invalidInput(
        `Bu bir davet yanıtı değil (METHOD:${method || 'yok'}); yalnız METHOD:REPLY olan yanıtlar okunur.`,
      );
    }
    if (cal.getAllSubcomponents('vevent').length === 0) throw invalidInput('Yanıtta etkinlik (VEVENT) yok.');
  }
  return calendars;
}

interface ReplyLine {
  email: string | null;
  code: string | null;
  label: string;
  partstat: string;
}

function replyLines(vevent: ICAL.Component): ReplyLine[] {
  return vevent.getAllProperties('attendee').map((p) => {
    const value = String(p.getFirstValue() ?? '').trim();
    const email = /^mailto:/i.test(value) ? value.slice(7).trim().toLowerCase() : null;
    const codeParam = p.getParameter(CODE_PARAMETER);
    const code = typeof codeParam === 'string' ? (codeCandidates(codeParam)[0] ?? null) : null;
    const partstat = String(p.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase();
    return { email, code, label: email ?? code ?? (value || '(adsız katılımcı)'), partstat };
  });
}

/** The attendees of these events the line stands for: by code first (unique), else by address. */
function matchLine(db: Db, events: AttendeeEventRow[], line: ReplyLine): StoredAttendee[] {
  const eventIds = new Set(events.map((e) => e.id));
  if (line.code) {
    const byCode = storedAttendeeByCode(db, line.code);
    if (byCode && eventIds.has(byCode.eventId)) return [byCode];
  }
  if (!line.email) return [];
  return events.flatMap((e) => storedAttendeesOfEvent(db, e.id).filter((a) => a.email === line.email));
}

/**
 * Applies every answer of a REPLY in one transaction. `authorize` (the acting user's right to change the event)
 * is checked for each matched event before anything is written; the mail scan passes none.
 */
export function applyCalendarReply(
  db: Db,
  icsText: string,
  stamp: Actor,
  authorize?: (eventId: string) => void,
): ReplyOutcome {
  const calendars = parseReply(icsText);
  return writeTransaction(db, () => {
    const outcome: ReplyOutcome = { updated: [], unknown: [], changes: [] };
    const touched = new Map<string, AttendeeChange>();
    const update = stmt(db, 'update event_attendees set response = ?, responded_at = ?, updated_at = ? where id = ?');
    for (const vevent of calendars.flatMap((c) => c.getAllSubcomponents('vevent'))) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '').trim();
      const events = uid ? liveEventsByUid(db, uid) : [];
      if (events.length === 0) {
        outcome.unknown.push(uid ? `Bilinmeyen etkinlik (UID ${uid})` : 'UID’si olmayan etkinlik');
        continue;
      }
      for (const event of events) authorize?.(event.id);
      const title = events[0]!.title;
      for (const line of replyLines(vevent)) {
        const matches = matchLine(db, events, line);
        const response = RESPONSES[line.partstat];
        if (matches.length === 0) {
          outcome.unknown.push(`Bilinmeyen katılımcı: ${line.label} («${title}»)`);
          continue;
        }
        if (!response) {
          outcome.unknown.push(`Anlaşılmayan yanıt: ${line.label} PARTSTAT=${line.partstat} («${title}»)`);
          continue;
        }
        for (const attendee of matches) {
          const event = events.find((e) => e.id === attendee.eventId)!;
          if (attendee.response !== response) {
            const before = snapshotOf(db, attendee.id, event.title);
            update.run(response, stamp.at, stamp.at, attendee.id);
            auditAttendee(db, stamp, 'update', attendee.id, before, snapshotOf(db, attendee.id, event.title));
            const change = touched.get(event.id) ?? {
              eventId: event.id,
              calendarId: event.calendarId,
              attendeeIds: [],
            };
            change.attendeeIds.push(attendee.id);
            touched.set(event.id, change);
          }
          outcome.updated.push({ attendeeId: attendee.id, response });
        }
      }
    }
    outcome.changes = [...touched.values()];
    return outcome;
  });
}
