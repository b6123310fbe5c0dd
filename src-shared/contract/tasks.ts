/**
 * The tasks slice (görev yönetimi): tasks with assignees, due date, priority, status, checklist, comments,
 * links to cards/notes/documents and recurrence (RFC 5545 RRULE, e.g. "every first Monday").
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, isoDate, optionalText, pageInput, requiredText } from './common';
import { CARD_TYPES } from './cards';
import { clockTime } from './followups';

export const TASK_STATUSES = ['todo', 'in_progress', 'waiting', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/**
 * An RRULE value without the "RRULE:" prefix (FREQ=WEEKLY;BYDAY=MO). Checked in main with the recurrence
 * library; a rule that gives no date after the task's is refused.
 */
export const rruleText = z
  .string()
  .trim()
  .max(500, { message: 'Tekrar kuralı çok uzun' })
  .regex(/^FREQ=/i, { message: 'Tekrar kuralı FREQ= ile başlamalı (ör. FREQ=WEEKLY;BYDAY=MO)' });

export const taskFields = z.object({
  title: requiredText(200, 'Görev başlığı'),
  description: z.string().max(20_000, { message: 'Açıklama en fazla 20.000 karakter olabilir' }).default(''),
  assigneeIds: z.array(idSchema).max(50, { message: 'En çok 50 kişi atanabilir' }).default([]),
  dueDate: isoDate('Bitiş tarihi').nullable().default(null),
  dueTime: clockTime.nullable().default(null),
  priority: z.enum(TASK_PRIORITIES).default('normal'),
  status: z.enum(TASK_STATUSES).default('todo'),
  /** A recurrence needs a due date (the first occurrence). */
  rrule: rruleText.nullable().default(null),
  cardIds: z.array(idSchema).max(100).default([]),
  noteIds: z.array(idSchema).max(100).default([]),
  documentIds: z.array(idSchema).max(100).default([]),
  /** New tasks only: checklist lines to start with. */
  checklist: z.array(requiredText(500, 'Madde')).max(200).default([]),
  /** A due date before today asks for confirmation, like follow-ups. */
  confirmPast: z.boolean().default(false),
});
export type TaskFields = z.input<typeof taskFields>;

const userRef = z.object({ id: z.string(), name: z.string() });
const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const checklistItemOut = z.object({
  id: z.string(),
  text: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: userRef.nullable(),
});

export const taskCommentOut = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
});

export const taskSummary = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  dueDate: z.string().nullable(),
  dueTime: z.string().nullable(),
  /** Due before today (firm's time zone) and not done/cancelled. */
  overdue: z.boolean(),
  rrule: z.string().nullable(),
  assignees: z.array(userRef),
  cards: z.array(cardRef),
  checklistDone: z.number(),
  checklistTotal: z.number(),
  commentCount: z.number(),
  updatedAt: z.string(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

export const taskOut = taskSummary.extend({
  description: z.string(),
  seriesId: z.string().nullable(),
  notes: z.array(z.object({ id: z.string(), title: z.string(), happenedAt: z.string() })),
  documents: z.array(z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() })),
  checklist: z.array(checklistItemOut),
  comments: z.array(taskCommentOut),
  /** The next few dates of the recurrence after this one (for the form's preview). */
  nextOccurrences: z.array(z.string()),
  completedAt: z.string().nullable(),
  completedBy: userRef.nullable(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
  deleted: z.boolean(),
});
export type TaskOut = z.infer<typeof taskOut>;

export const TASK_VIEWS = ['mine', 'team', 'overdue', 'all'] as const;

export const tasksCalls = {
  'tasks.create': defineCall({ summary: 'Adds a task.', input: taskFields, output: taskOut }),
  'tasks.update': defineCall({
    summary: 'Changes a task; every field is replaced (checklist lines are kept: use the checklist calls).',
    input: taskFields.omit({ checklist: true }).extend({ id: idSchema, expectedUpdatedAt: z.string().optional() }),
    output: taskOut,
  }),
  'tasks.get': defineCall({ summary: 'One task in full.', input: z.object({ id: idSchema }), output: taskOut }),
  'tasks.list': defineCall({
    summary:
      'Tasks: mine, my team’s, overdue or all; of a card; by status; open ones by due date (no date last), then newest.',
    input: z.object({
      view: z.enum(TASK_VIEWS).default('mine'),
      cardId: idSchema.optional(),
      statuses: z.array(z.enum(TASK_STATUSES)).max(TASK_STATUSES.length).optional(),
      /** Due on or before this date (the planner). */
      dueOnOrBefore: isoDate('Tarih').optional(),
      query: optionalText(200),
      ...pageInput,
    }),
    output: z.object({ tasks: z.array(taskSummary), total: z.number() }),
  }),
  'tasks.setStatus': defineCall({
    summary:
      'Moves a task to a status (the board). Done on a recurring task creates the next occurrence (returned as next).',
    input: z.object({ id: idSchema, status: z.enum(TASK_STATUSES) }),
    output: z.object({ task: taskOut, next: taskOut.nullable() }),
  }),
  'tasks.snooze': defineCall({
    summary: 'Moves the due date/time of one task (this occurrence only).',
    input: z.object({
      id: idSchema,
      dueDate: isoDate('Bitiş tarihi'),
      dueTime: clockTime.nullable().default(null),
      confirmPast: z.boolean().default(false),
    }),
    output: taskOut,
  }),
  'tasks.reassign': defineCall({
    summary: 'Gives a task to other staff (they are notified).',
    input: z.object({ id: idSchema, assigneeIds: z.array(idSchema).min(1).max(50) }),
    output: taskOut,
  }),
  'tasks.delete': defineCall({
    summary: 'Moves a task to the recycle bin (restorable).',
    input: z.object({ id: idSchema }),
    output: taskOut,
  }),
  'tasks.restore': defineCall({ summary: 'Brings a task back.', input: z.object({ id: idSchema }), output: taskOut }),
  'tasks.addChecklistItem': defineCall({
    summary: 'Adds a checklist line at the end.',
    input: z.object({ taskId: idSchema, text: requiredText(500, 'Madde') }),
    output: taskOut,
  }),
  'tasks.updateChecklistItem': defineCall({
    summary: 'Ticks, unticks or rewords a checklist line.',
    input: z.object({ id: idSchema, text: requiredText(500, 'Madde').optional(), done: z.boolean().optional() }),
    output: taskOut,
  }),
  'tasks.removeChecklistItem': defineCall({
    summary: 'Removes a checklist line.',
    input: z.object({ id: idSchema }),
    output: taskOut,
  }),
  'tasks.addComment': defineCall({
    summary: 'Writes a comment on a task (the other assignees are notified).',
    input: z.object({ taskId: idSchema, body: requiredText(5000, 'Yorum') }),
    output: taskOut,
  }),
  'tasks.attachDocument': defineCall({
    summary: 'Attaches an uploaded file (transfer.upload) to a task as a document.',
    input: z.object({ taskId: idSchema, uploadId: idSchema }),
    output: taskOut,
  }),
};

export const tasksEvents = {
  'tasks.changed': defineEvent({
    summary: 'A task was added, changed, commented, done, deleted or restored.',
    payload: z.object({ id: z.string(), cardIds: z.array(z.string()), assigneeIds: z.array(z.string()) }),
  }),
};
