/**
 * The follow-ups slice: a meeting note asks for a follow-up on a date by one or more staff members; on that
 * date they are reminded; it can be done, moved or handed over, and links back to its note.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, isoDate, optionalText, pageInput } from './common';
import { CARD_TYPES } from './cards';

export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** HH:MM, 24-hour. */
export const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Saat SS:DD biçiminde olmalı (ör. 14:30)' });

/**
 * When and by whom. A date before today (in the firm's time zone) is refused unless `confirmPast` is true:
 * the form asks "Tarih geçmişte, yine de kaydedilsin mi?" and sends again.
 */
export const followUpFields = z.object({
  description: optionalText(1000),
  dueDate: isoDate('Takip tarihi'),
  dueTime: clockTime.nullable().default(null),
  assigneeIds: z
    .array(idSchema)
    .min(1, { message: 'Takibi yapacak en az bir kişi seçin' })
    .max(50, { message: 'En çok 50 kişi seçilebilir' }),
  confirmPast: z.boolean().default(false),
});
export type FollowUpFields = z.input<typeof followUpFields>;

const userRef = z.object({ id: z.string(), name: z.string() });
const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const followUpOut = z.object({
  id: z.string(),
  noteId: z.string(),
  noteTitle: z.string(),
  /** The cards of the note (whom the follow-up is about). */
  cards: z.array(cardRef),
  description: z.string(),
  dueDate: z.string(),
  dueTime: z.string().nullable(),
  status: z.enum(FOLLOW_UP_STATUSES),
  assignees: z.array(userRef),
  doneAt: z.string().nullable(),
  doneBy: userRef.nullable(),
  doneNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
  updatedAt: z.string(),
});
export type FollowUpOut = z.infer<typeof followUpOut>;

export const followUpsCalls = {
  'followUps.create': defineCall({
    summary: 'Adds a follow-up to a note (the assignees are reminded on the date).',
    input: followUpFields.extend({ noteId: idSchema }),
    output: followUpOut,
  }),
  'followUps.get': defineCall({
    summary: 'One follow-up with its note and cards.',
    input: z.object({ id: idSchema }),
    output: followUpOut,
  }),
  'followUps.list': defineCall({
    summary:
      'Follow-ups by due date: mine, my team’s (a manager) or everyone’s; of a note or a card; open, done or all.',
    input: z.object({
      scope: z.enum(['mine', 'team', 'all']).default('mine'),
      status: z.enum(['open', 'done', 'all']).default('open'),
      noteId: idSchema.optional(),
      cardId: idSchema.optional(),
      /** Only those due on or before this date (the planner's "due today or overdue"). */
      dueOnOrBefore: isoDate('Tarih').optional(),
      ...pageInput,
    }),
    output: z.object({ followUps: z.array(followUpOut), total: z.number() }),
  }),
  'followUps.complete': defineCall({
    summary: 'Marks a follow-up done, with an optional word on how it went.',
    input: z.object({ id: idSchema, doneNote: optionalText(2000) }),
    output: followUpOut,
  }),
  'followUps.reopen': defineCall({
    summary: 'Opens a done or cancelled follow-up again.',
    input: z.object({ id: idSchema }),
    output: followUpOut,
  }),
  'followUps.cancel': defineCall({
    summary: 'Cancels a follow-up that is no longer needed.',
    input: z.object({ id: idSchema, doneNote: optionalText(2000) }),
    output: followUpOut,
  }),
  'followUps.move': defineCall({
    summary: 'Moves a follow-up to another date/time (snooze); the reminder moves with it.',
    input: z.object({
      id: idSchema,
      dueDate: isoDate('Takip tarihi'),
      dueTime: clockTime.nullable().default(null),
      confirmPast: z.boolean().default(false),
    }),
    output: followUpOut,
  }),
  'followUps.handOver': defineCall({
    summary: 'Hands a follow-up over to other staff (the new assignees are notified; audited on the note’s cards).',
    input: z.object({
      id: idSchema,
      assigneeIds: z.array(idSchema).min(1, { message: 'Takibi devralacak en az bir kişi seçin' }).max(50),
    }),
    output: followUpOut,
  }),
};

export const followUpsEvents = {
  'followUps.changed': defineEvent({
    summary: 'A follow-up was added, done, moved, handed over or cancelled.',
    payload: z.object({ id: z.string(), noteId: z.string(), assigneeIds: z.array(z.string()) }),
  }),
};
