/**
 * The agenda slice: shared calendars (rooms, vehicles, equipment, personal, holidays), events with recurrence,
 * attendees with invitations, check-in and badges, .ics import and export.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, isoDate, optionalText, requiredText } from './common';
import { CARD_TYPES } from './cards';
import { rruleText } from './tasks';

export const CALENDAR_KINDS = ['general', 'personal', 'room', 'vehicle', 'equipment', 'holiday'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
/** Calendars of these kinds are resources: a booking that overlaps another is refused. */
export const RESOURCE_KINDS: readonly CalendarKind[] = ['room', 'vehicle', 'equipment'];
export const CALENDAR_VISIBILITIES = ['everyone', 'members'] as const;
export const CALENDAR_BOOKING = ['everyone', 'members', 'owner'] as const;
export const ATTENDEE_KINDS = ['person', 'staff', 'external'] as const;
export const ATTENDEE_RESPONSES = ['needs_action', 'accepted', 'declined', 'tentative'] as const;
export type AttendeeResponse = (typeof ATTENDEE_RESPONSES)[number];
export const INVITATION_CHANNELS = ['email', 'sms', 'manual'] as const;

const userRef = z.object({ id: z.string(), name: z.string() });
const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const calendarFields = z.object({
  name: requiredText(100, 'Takvim adı'),
  kind: z.enum(CALENDAR_KINDS),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Renk #rrggbb biçiminde olmalı' }),
  visibility: z.enum(CALENDAR_VISIBILITIES).default('everyone'),
  booking: z.enum(CALENDAR_BOOKING).default('everyone'),
  description: optionalText(1000),
  members: z
    .array(z.object({ userId: idSchema, canBook: z.boolean().default(true) }))
    .max(200)
    .default([]),
});

export const calendarOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CALENDAR_KINDS),
  color: z.string(),
  owner: userRef,
  visibility: z.enum(CALENDAR_VISIBILITIES),
  booking: z.enum(CALENDAR_BOOKING),
  description: z.string().nullable(),
  members: z.array(z.object({ user: userRef, canBook: z.boolean() })),
  /** What the acting user may do here (enforced in main; the UI only hides what would be refused). */
  canBook: z.boolean(),
  canEdit: z.boolean(),
  archived: z.boolean(),
});
export type CalendarOut = z.infer<typeof calendarOut>;

/**
 * Timed events: ISO date-times with offset (stored as UTC). All-day events: dates (YYYY-MM-DD), end exclusive.
 * `timeZone` is the zone the recurrence is expanded in (default: the firm's, Europe/Istanbul).
 */
export const eventFields = z.object({
  calendarId: idSchema,
  title: requiredText(200, 'Başlık'),
  location: optionalText(300),
  description: z.string().max(20_000, { message: 'Açıklama en fazla 20.000 karakter olabilir' }).default(''),
  allDay: z.boolean().default(false),
  startsAt: z.string().trim().min(1, { message: 'Başlangıç gerekli' }),
  endsAt: z.string().trim().min(1, { message: 'Bitiş gerekli' }),
  timeZone: z.string().trim().max(64).optional(),
  rrule: rruleText.nullable().default(null),
  /** Instance starts left out of the recurrence (same form as startsAt). */
  exdates: z.array(z.string().max(40)).max(1000).default([]),
  cardIds: z.array(idSchema).max(100).default([]),
  remindMinutes: z.number().int().min(0).max(40_320).nullable().default(null),
});
export type EventFields = z.input<typeof eventFields>;

export const attendeeOut = z.object({
  id: z.string(),
  eventId: z.string(),
  kind: z.enum(ATTENDEE_KINDS),
  card: cardRef.nullable(),
  user: userRef.nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  institutionName: z.string().nullable(),
  roleTitle: z.string().nullable(),
  code: z.string(),
  response: z.enum(ATTENDEE_RESPONSES),
  respondedAt: z.string().nullable(),
  invitedAt: z.string().nullable(),
  invitedVia: z.enum(INVITATION_CHANNELS).nullable(),
  checkedInAt: z.string().nullable(),
  walkIn: z.enum(['allowed', 'refused']).nullable(),
});
export type AttendeeOut = z.infer<typeof attendeeOut>;

export const eventOut = z.object({
  id: z.string(),
  calendarId: z.string(),
  calendarName: z.string(),
  color: z.string(),
  title: z.string(),
  location: z.string().nullable(),
  description: z.string(),
  allDay: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  rrule: z.string().nullable(),
  exdates: z.array(z.string()),
  /** Set on a changed instance of a series: the series and the instance's original start. */
  parentId: z.string().nullable(),
  recurrenceId: z.string().nullable(),
  uid: z.string(),
  cards: z.array(cardRef),
  documents: z.array(z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() })),
  attendees: z.array(attendeeOut),
  remindMinutes: z.number().nullable(),
  organizer: userRef.nullable(),
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean(),
});
export type EventOut = z.infer<typeof eventOut>;

/** One instance on screen: a single event, one occurrence of a series, or a holiday. */
export const occurrenceOut = z.object({
  /** Null for computed holidays. */
  eventId: z.string().nullable(),
  calendarId: z.string(),
  title: z.string(),
  color: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  location: z.string().nullable(),
  /** The instance's original start in its series (pass back to edit or drop "only this one"). */
  occurrenceStart: z.string().nullable(),
  recurring: z.boolean(),
  holidayKind: z.enum(['official', 'religious', 'arife-half-day', 'firm']).nullable(),
  attendeeCount: z.number(),
});
export type OccurrenceOut = z.infer<typeof occurrenceOut>;

const attendeeIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), cardId: idSchema }),
  z.object({ kind: z.literal('staff'), userId: idSchema }),
  z.object({
    kind: z.literal('external'),
    name: requiredText(200, 'Ad soyad'),
    email: optionalText(254),
    phone: optionalText(40),
    institutionName: optionalText(200),
    roleTitle: optionalText(200),
  }),
]);

export const importReport = z.object({
  imported: z.number(),
  skipped: z.number(),
  errors: z.array(z.object({ uid: z.string().nullable(), summary: z.string().nullable(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReport>;

export const agendaCalls = {
  'agenda.calendars': defineCall({
    summary: 'Calendars the acting user may see (archived ones when asked).',
    input: z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }),
    output: z.object({ calendars: z.array(calendarOut) }),
  }),
  'agenda.saveCalendar': defineCall({
    summary: 'Adds a calendar, or changes one (its owner or an admin).',
    input: calendarFields.extend({ id: idSchema.optional() }),
    output: calendarOut,
  }),
  'agenda.archiveCalendar': defineCall({
    summary: 'Archives (or brings back) a calendar; its events stay.',
    input: z.object({ id: idSchema, archived: z.boolean() }),
    output: calendarOut,
  }),
  'agenda.range': defineCall({
    summary:
      'Everything on the chosen calendars between from and to: events, occurrences of series (expanded for this range only) and holidays.',
    input: z.object({
      from: z.iso.datetime({ offset: true, message: 'Başlangıç geçerli bir tarih-saat olmalı' }),
      to: z.iso.datetime({ offset: true, message: 'Bitiş geçerli bir tarih-saat olmalı' }),
      calendarIds: z.array(idSchema).max(200),
    }),
    output: z.object({ occurrences: z.array(occurrenceOut), truncated: z.boolean() }),
  }),
  'agenda.getEvent': defineCall({
    summary: 'One event with its attendees, cards and files.',
    input: z.object({ id: idSchema }),
    output: eventOut,
  }),
  'agenda.saveEvent': defineCall({
    summary:
      'Adds or changes an event. A resource calendar refuses an overlapping booking (CONFLICT naming who holds the slot). ' +
      'With `occurrenceStart` only that instance of a series changes.',
    input: eventFields.extend({
      id: idSchema.optional(),
      occurrenceStart: z.string().max(40).optional(),
      expectedUpdatedAt: z.string().optional(),
    }),
    output: eventOut,
  }),
  'agenda.deleteEvent': defineCall({
    summary: 'Moves an event (a whole series) to the recycle bin, or drops one instance of a series.',
    input: z.object({ id: idSchema, occurrenceStart: z.string().max(40).optional() }),
    output: eventOut,
  }),
  'agenda.restoreEvent': defineCall({
    summary: 'Brings an event back from the recycle bin (refused if its slot was booked since).',
    input: z.object({ id: idSchema }),
    output: eventOut,
  }),
  'agenda.attachDocument': defineCall({
    summary: 'Attaches an uploaded file (transfer.upload) to an event: presentation, minutes, recording.',
    input: z.object({ eventId: idSchema, uploadId: idSchema }),
    output: eventOut,
  }),
  'agenda.detachDocument': defineCall({
    summary: 'Takes a file off an event.',
    input: z.object({ eventId: idSchema, documentId: idSchema }),
    output: eventOut,
  }),
  'agenda.importIcs': defineCall({
    summary: 'Imports an uploaded .ics file (transfer.upload) into a calendar: each event imported or a reason.',
    input: z.object({ uploadId: idSchema, calendarId: idSchema }),
    output: importReport,
  }),
  'agenda.exportIcs': defineCall({
    summary: 'The chosen calendars (optionally a date range) or events as an iCalendar file.',
    input: z.object({
      calendarIds: z.array(idSchema).max(200).default([]),
      eventIds: z.array(idSchema).max(5000).default([]),
      from: isoDate('Başlangıç').optional(),
      to: isoDate('Bitiş').optional(),
    }),
    output: z.object({ fileName: z.string(), ics: z.string() }),
  }),
  'agenda.holidays': defineCall({
    summary: 'Turkish official and religious holidays (arife half days) of a year, and the firm’s closing days.',
    input: z.object({ year: z.number().int().min(1981).max(2077) }),
    output: z.object({
      holidays: z.array(
        z.object({
          date: z.string(),
          name: z.string(),
          /** firm: a closing day of the firm's own (an event on a holiday calendar). */
          kind: z.enum(['official', 'religious', 'arife-half-day', 'firm']),
          startsAt: z.string().optional(),
          estimated: z.boolean().optional(),
        }),
      ),
    }),
  }),
  'agenda.addAttendees': defineCall({
    summary: 'Invites persons (cards), staff or outsiders to an event; each gets a personal code.',
    input: z.object({ eventId: idSchema, attendees: z.array(attendeeIn).min(1).max(5000) }),
    output: eventOut,
  }),
  'agenda.updateAttendee': defineCall({
    summary: 'Records a response by hand, or corrects an attendee’s name, institution or role for the badge.',
    input: z.object({
      id: idSchema,
      response: z.enum(ATTENDEE_RESPONSES).optional(),
      name: requiredText(200, 'Ad soyad').optional(),
      institutionName: optionalText(200),
      roleTitle: optionalText(200),
    }),
    output: attendeeOut,
  }),
  'agenda.removeAttendee': defineCall({
    summary: 'Takes an attendee off an event.',
    input: z.object({ id: idSchema }),
    output: eventOut,
  }),
  'agenda.invitation': defineCall({
    summary:
      'An attendee’s invitation: iCalendar REQUEST (with their code), SMS text and QR code (PNG, base64); for mail and SMS sending.',
    input: z.object({ attendeeId: idSchema }),
    output: z.object({ ics: z.string(), smsText: z.string(), qrPngBase64: z.string() }),
  }),
  'agenda.markInvited': defineCall({
    summary: 'Records that attendees were invited (when, how).',
    input: z.object({ attendeeIds: z.array(idSchema).min(1).max(5000), via: z.enum(INVITATION_CHANNELS) }),
    output: eventOut,
  }),
  'agenda.sendInvitations': defineCall({
    summary:
      'Sends attendees their invitation through the outbox: by e-mail (the iCalendar REQUEST so calendars offer accept/decline, the QR code inline) or by SMS (the invitation text); marks them invited.',
    input: z.object({
      eventId: idSchema,
      /** Left out: every attendee of the event with an address (phone) for the channel. */
      attendeeIds: z.array(idSchema).max(5000).optional(),
      channel: z.enum(['email', 'sms']),
    }),
    output: z.object({
      queued: z.number(),
      mailingIds: z.array(z.string()),
      skipped: z.array(z.object({ attendeeId: z.string(), name: z.string(), reason: z.string() })),
    }),
  }),
  'agenda.applyReply': defineCall({
    summary: 'Reads an iCalendar REPLY (an attendee accepted, declined, tentative) and updates the response.',
    input: z.object({ ics: z.string().max(1_000_000) }),
    output: z.object({
      updated: z.array(z.object({ attendeeId: z.string(), response: z.enum(ATTENDEE_RESPONSES) })),
      unknown: z.array(z.string()),
    }),
  }),
  'agenda.checkIn': defineCall({
    summary: 'Door check-in by an attendee’s code (barcode scanner or camera): who it is and whether they were in.',
    input: z.object({ eventId: idSchema, code: z.string().trim().min(1, { message: 'Kod gerekli' }).max(100) }),
    output: z.object({
      result: z.enum(['checked_in', 'already_checked_in', 'unknown_code', 'other_event']),
      attendee: attendeeOut.nullable(),
      /** For other_event: which event the code belongs to. */
      otherEventTitle: z.string().nullable(),
    }),
  }),
  'agenda.walkIn': defineCall({
    summary: 'Records someone who came without an invitation: let in (checked in) or refused.',
    input: z.object({
      eventId: idSchema,
      cardId: idSchema.optional(),
      name: requiredText(200, 'Ad soyad'),
      institutionName: optionalText(200),
      allowed: z.boolean(),
    }),
    output: attendeeOut,
  }),
  'agenda.badges': defineCall({
    summary:
      'Name badges as a PDF: A4 sheets of labels or one card per page (name, institution, role, barcode of the code).',
    input: z.object({
      eventId: idSchema,
      layout: z.enum(['a4_labels', 'single_card']).default('a4_labels'),
      attendeeIds: z.array(idSchema).max(5000).optional(),
    }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
};

export const agendaEvents = {
  'agenda.changed': defineEvent({
    summary: 'Calendars, events or attendees changed (check-ins included).',
    payload: z.object({ calendarIds: z.array(z.string()), eventId: z.string().nullable() }),
  }),
};
