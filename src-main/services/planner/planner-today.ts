/**
 * The "Bugün" screen of one user, built from the data each module owns: their follow-ups and tasks due on or
 * before the day (overdue ones included), the day's events, birthdays and quiet cards of what they own, and for
 * managers the team's notes they have not read yet.
 */
import type { CallOutput } from '../../../src-shared/contract';
import type { Db } from '../../db/connection';
import { listFollowUps } from '../followups/followup-reads';
import { listTeamNotes } from '../notes/team-notes';
import { listTasks } from '../tasks/task-reads';
import { roleOf } from '../criteria/permissions';
import { firmTimeZone, firmToday } from './firm-time';
import { noContactDays } from './planner-settings';
import { birthdaysOn } from './today-birthdays';
import { eventsOfDay } from './today-events';
import { quietCards } from './today-quiet-cards';

/** A day's list, not an archive: a user with more than this many open items sees the oldest ones first. */
const DUE_ITEMS_SHOWN = 200;
const TEAM_NOTES_SHOWN = 20;
const OPEN_TASK_STATUSES = ['todo', 'in_progress', 'waiting'] as const;

export type PlannerDay = CallOutput<'planner.today'>;

export function plannerToday(db: Db, userId: string, input: { date?: string | undefined }, now: Date): PlannerDay {
  const timeZone = firmTimeZone(db);
  const today = firmToday(db, now);
  const date = input.date ?? today;
  const followUps = listFollowUps(db, userId, {
    scope: 'mine',
    status: 'open',
    dueOnOrBefore: date,
    offset: 0,
    limit: DUE_ITEMS_SHOWN,
  }).followUps;
  // "Overdue" stays relative to the real today, also when another day is looked at.
  const tasks = listTasks(db, userId, today, {
    view: 'mine',
    statuses: [...OPEN_TASK_STATUSES],
    dueOnOrBefore: date,
    query: undefined,
    offset: 0,
    limit: DUE_ITEMS_SHOWN,
  }).tasks;
  const quiet = quietCards(db, userId, { date, days: noContactDays(db, userId), timeZone });
  const role = roleOf(db, userId);
  const team =
    role === 'manager' || role === 'admin'
      ? listTeamNotes(db, userId, { unreadOnly: true, offset: 0, limit: TEAM_NOTES_SHOWN })
      : { notes: [], unread: 0 };
  return {
    date,
    timeZone,
    followUps,
    tasks,
    events: eventsOfDay(db, userId, date, timeZone),
    birthdays: birthdaysOn(db, userId, date),
    quietCards: quiet.cards,
    quietCardsTotal: quiet.total,
    teamUnreadNotes: team.notes,
    teamUnreadTotal: team.unread,
  };
}
