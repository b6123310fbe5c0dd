/**
 * The planner slice: notifications (reminders and news for the acting user) and the "Bugün" screen built
 * from the data, with the planner's settings (time zone, start of the working day, "no contact for N days").
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, isoDate, pageInput } from './common';
import { CARD_TYPES } from './cards';
import { clockTime, followUpOut } from './followups';
import { taskSummary } from './tasks';
import { noteSummary } from './notes';
import { occurrenceOut } from './agenda';

export const NOTIFICATION_KINDS = [
  'follow_up_due',
  'task_due',
  'event_starts',
  'team_note',
  'follow_up_assigned',
  'task_assigned',
  'task_comment',
  'mail_received',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationOut = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  entityType: z.enum(['follow_up', 'task', 'note', 'event', 'mail']),
  entityId: z.string(),
  subject: z.string(),
  dueAt: z.string(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  /** Fell due while the app was closed (shown once on the next start, marked late). */
  late: z.boolean(),
});
export type NotificationOut = z.infer<typeof notificationOut>;

export const plannerSettings = z.object({
  /** The firm's time zone (admins change it); IANA name. */
  timeZone: z.string().trim().min(1).max(64),
  /** When date-only follow-ups and tasks are reminded (firm-wide, admins change it). */
  workdayStart: clockTime,
  /** The acting user's: a card they own with no note (or mail) for this many days shows in the planner. */
  noContactDays: z.number().int().min(1).max(3650),
});
export type PlannerSettings = z.infer<typeof plannerSettings>;

export const plannerCalls = {
  'notifications.list': defineCall({
    summary: 'The acting user’s notifications that are due, newest first, with the unread count.',
    input: z.object({ unreadOnly: z.boolean().default(false), ...pageInput }),
    output: z.object({ notifications: z.array(notificationOut), unread: z.number() }),
  }),
  'notifications.markRead': defineCall({
    summary: 'Marks notifications read (the given ones, or all of the acting user’s).',
    input: z.object({ ids: z.array(idSchema).max(500).default([]), all: z.boolean().default(false) }),
    output: z.object({ unread: z.number() }),
  }),
  'planner.today': defineCall({
    summary:
      'The acting user’s day: follow-ups and tasks due or overdue, today’s events, birthdays of persons they own, ' +
      'their cards with no contact for N days, and (managers) the team’s unread notes.',
    input: z.object({ date: isoDate('Tarih').optional() }).default({}),
    output: z.object({
      date: z.string(),
      timeZone: z.string(),
      followUps: z.array(followUpOut),
      tasks: z.array(taskSummary),
      events: z.array(occurrenceOut),
      birthdays: z.array(
        z.object({ cardId: z.string(), displayName: z.string(), birthDate: z.string(), age: z.number() }),
      ),
      quietCards: z.array(
        z.object({
          cardId: z.string(),
          type: z.enum(CARD_TYPES),
          displayName: z.string(),
          lastContactAt: z.string().nullable(),
        }),
      ),
      quietCardsTotal: z.number(),
      teamUnreadNotes: z.array(noteSummary),
      teamUnreadTotal: z.number(),
    }),
  }),
  'planner.settings': defineCall({
    summary: 'The planner settings (firm-wide time zone and workday start; the acting user’s no-contact days).',
    input: z.object({}).default({}),
    output: plannerSettings,
  }),
  'planner.saveSettings': defineCall({
    summary: 'Saves planner settings: time zone and workday start need an admin; no-contact days are the user’s own.',
    input: plannerSettings.partial(),
    output: plannerSettings,
  }),
};

export const plannerEvents = {
  'notifications.delivered': defineEvent({
    summary:
      'Notifications fell due: the renderer shows them (toast), the desktop host as OS notifications. Sent once per row.',
    payload: z.object({ userId: z.string(), notifications: z.array(notificationOut) }),
  }),
  'notifications.changed': defineEvent({
    summary: 'A user’s notifications were added or read (badge counts refresh).',
    payload: z.object({ userId: z.string() }),
  }),
};
