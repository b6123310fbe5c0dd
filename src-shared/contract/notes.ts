/** The notes slice: meeting notes (görüşme notları) and complaints on cards. */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, optionalText, pageInput, requiredText } from './common';
import { CARD_TYPES } from './cards';
import { followUpFields, followUpOut } from './followups';

export const NOTE_KINDS = ['meeting', 'complaint'] as const;
export const NOTE_CHANNELS = [
  'face_to_face',
  'phone',
  'video',
  'email',
  'visit_theirs',
  'visit_ours',
  'other',
] as const;
export const COMPLAINT_STATUSES = ['open', 'in_progress', 'resolved'] as const;
/** Rich text as the editor sends it; main sanitises it before storing. */
export const MAX_NOTE_HTML = 1_000_000;

const noteInputFields = {
  kind: z.enum(NOTE_KINDS).default('meeting'),
  title: requiredText(200, 'Konu'),
  /** ISO date-time (with offset) of the start. */
  happenedAt: z.iso.datetime({ offset: true, message: 'Görüşme zamanı geçerli bir tarih-saat olmalı' }),
  durationMinutes: z
    .number()
    .int()
    .min(0, { message: 'Süre eksi olamaz' })
    .max(24 * 60, { message: 'Süre en çok 24 saat olabilir' })
    .nullable()
    .default(null),
  reasonId: idSchema.nullable().default(null),
  channel: z.enum(NOTE_CHANNELS).default('face_to_face'),
  bodyHtml: z.string().max(MAX_NOTE_HTML, { message: 'Not metni çok uzun (en çok 1 MB)' }).default(''),
  /** Persons and/or institutions the note concerns. */
  cardIds: z.array(idSchema).max(200).default([]),
  /** Staff (users) who took part. */
  staffIds: z.array(idSchema).max(100).default([]),
  complaintStatus: z.enum(COMPLAINT_STATUSES).nullable().default(null),
  complaintResponsibleId: idSchema.nullable().default(null),
  complaintResolution: optionalText(5000),
};

export const noteInput = z.object(noteInputFields);

/** A new note may ask for one follow-up, written in the note's transaction (more: followUps.create). */
export const noteCreateInput = noteInput.extend({ followUp: followUpFields.nullable().default(null) });
export type NoteInput = z.input<typeof noteInput>;

const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });
const userRef = z.object({ id: z.string(), name: z.string() });

export const noteOut = z.object({
  id: z.string(),
  kind: z.enum(NOTE_KINDS),
  title: z.string(),
  happenedAt: z.string(),
  durationMinutes: z.number().nullable(),
  reason: z.object({ id: z.string(), name: z.string() }).nullable(),
  channel: z.enum(NOTE_CHANNELS),
  /** Sanitised HTML: safe to render as HTML. */
  bodyHtml: z.string(),
  bodyText: z.string(),
  cards: z.array(cardRef),
  staff: z.array(userRef),
  documents: z.array(z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() })),
  complaintStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  complaintResponsible: userRef.nullable(),
  complaintResolution: z.string().nullable(),
  followUps: z.array(followUpOut),
  /** When the acting user read it (managers follow their team's notes); null: not yet. */
  readAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
  updatedAt: z.string(),
  deleted: z.boolean(),
});
export type NoteOut = z.infer<typeof noteOut>;

export const noteSummary = noteOut.omit({ bodyHtml: true, followUps: true }).extend({
  /** The start of the plain text, for lists. */
  excerpt: z.string(),
});
export type NoteSummary = z.infer<typeof noteSummary>;

export const noteReasonOut = z.object({ id: z.string(), name: z.string(), archived: z.boolean(), inUse: z.number() });

export const notesCalls = {
  'notes.create': defineCall({
    summary: 'Writes a meeting note or complaint on one or more cards (at least one card or staff member).',
    input: noteCreateInput,
    output: noteOut,
  }),
  'notes.update': defineCall({
    summary: 'Changes a note; every field is replaced by the input.',
    input: noteInput.extend({
      id: idSchema,
      /** The note's updatedAt when the form opened: a note changed since is refused (CONFLICT), not overwritten. */
      expectedUpdatedAt: z.string().optional(),
    }),
    output: noteOut,
  }),
  'notes.get': defineCall({
    summary: 'One note with its cards, staff and documents.',
    input: z.object({ id: idSchema }),
    output: noteOut,
  }),
  'notes.list': defineCall({
    summary: 'Notes newest first: of a card, by kind, open complaints; paged.',
    input: z.object({
      cardId: idSchema.optional(),
      kind: z.enum(NOTE_KINDS).optional(),
      complaintStatus: z.enum(COMPLAINT_STATUSES).optional(),
      ...pageInput,
    }),
    output: z.object({ notes: z.array(noteSummary), total: z.number() }),
  }),
  'notes.delete': defineCall({
    summary: 'Moves a note to the recycle bin (restorable).',
    input: z.object({ id: idSchema }),
    output: noteOut,
  }),
  'notes.restore': defineCall({
    summary: 'Brings a note back from the recycle bin.',
    input: z.object({ id: idSchema }),
    output: noteOut,
  }),
  'notes.attachDocument': defineCall({
    summary: 'Attaches an uploaded file (transfer.upload) to a note as a document.',
    input: z.object({ noteId: idSchema, uploadId: idSchema }),
    output: noteOut,
  }),
  'notes.detachDocument': defineCall({
    summary: 'Takes a document off a note.',
    input: z.object({ noteId: idSchema, documentId: idSchema }),
    output: noteOut,
  }),
  'notes.markRead': defineCall({
    summary: 'Marks a note read (or unread again) for the acting user; read state is per reader.',
    input: z.object({ id: idSchema, read: z.boolean().default(true) }),
    output: z.object({ id: z.string(), readAt: z.string().nullable() }),
  }),
  'notes.team': defineCall({
    summary:
      'A manager’s feed: notes written by, or with, the users they manage, newest first; unread ones first when asked.',
    input: z.object({ unreadOnly: z.boolean().default(false), ...pageInput }),
    output: z.object({ notes: z.array(noteSummary), total: z.number(), unread: z.number() }),
  }),
  'notes.reasons': defineCall({
    summary: 'The list of meeting reasons (archived ones included, flagged).',
    input: z.object({}).default({}),
    output: z.object({ reasons: z.array(noteReasonOut) }),
  }),
  'notes.saveReason': defineCall({
    summary: 'Adds or renames a meeting reason (admin); one per folded spelling.',
    input: z.object({ id: idSchema.optional(), name: requiredText(100, 'Görüşme nedeni') }),
    output: noteReasonOut,
  }),
  'notes.archiveReason': defineCall({
    summary: 'Archives (or brings back) a meeting reason (admin); notes keep it.',
    input: z.object({ id: idSchema, archived: z.boolean() }),
    output: noteReasonOut,
  }),
};

export const notesEvents = {
  'notes.changed': defineEvent({
    summary: 'A note was written, changed, deleted or restored.',
    payload: z.object({
      id: z.string(),
      cardIds: z.array(z.string()),
      action: z.enum(['saved', 'deleted', 'restored']),
    }),
  }),
};
