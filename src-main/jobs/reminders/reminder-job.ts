/**
 * The reminder job: on start, every REMINDER_POLL_MS, whenever a follow-up, task, note or event changes and when
 * another user takes the desk, it writes the coming event reminders and delivers every notification of the
 * desk's user that has fallen due — once: the delivery is recorded in the same statement that takes the row, so
 * a restart, a second tick or a second desk on the same file never shows it again, and what fell due while the
 * app was closed (or its user away from the desk) is shown when they are there, marked late. Time comes from
 * ctx.now, so tests drive the clock.
 */
import type { KartotekApp } from '../../core/app';
import type { ServiceContext } from '../../core/context';
import { log } from '../../core/log';
import type { EventName } from '../../../src-shared/contract';
import type { RunningJob } from '../background-jobs';
import { deliverDueNotifications, type Delivery } from './deliver-due';
import { scheduleEventReminders } from './event-reminders';

export const REMINDER_POLL_MS = 15_000;

type JobContext = Pick<ServiceContext, 'db' | 'events' | 'now' | 'userId'>;

/**
 * Writes that may have added or moved a reminder: look again at once rather than at the next poll. A user
 * switch too: the one who sat down sees what fell due for them meanwhile at once.
 */
const SIGNALS: readonly EventName[] = [
  'followUps.changed',
  'tasks.changed',
  'notes.changed',
  'agenda.changed',
  'users.switched',
];

/**
 * One pass: event reminders ahead, then delivery of what is due, then the events (after the commit). Each part
 * stands alone: a failing look-ahead (an event the agenda cannot expand) must not hold back the reminders.
 */
export function runReminderTick(target: JobContext | KartotekApp): Delivery[] {
  const ctx = 'ctx' in target ? target.ctx : target;
  const now = ctx.now();
  try {
    scheduleEventReminders(ctx.db, now);
  } catch (err) {
    log.error('reminders: event look-ahead failed', { message: (err as Error).message });
  }
  // Read at each tick: users.switchTo changes the desk's user in this same context.
  const deliveries = deliverDueNotifications(ctx.db, now.toISOString(), ctx.userId);
  for (const delivery of deliveries) {
    ctx.events.emit('notifications.delivered', delivery);
    ctx.events.emit('notifications.changed', { userId: delivery.userId });
  }
  return deliveries;
}

export function startReminderJob(app: KartotekApp, intervalMs = REMINDER_POLL_MS): RunningJob {
  const ctx = app.ctx;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let soon: NodeJS.Immediate | undefined;

  const tick = () => {
    if (stopped) return;
    try {
      runReminderTick(ctx);
    } catch (err) {
      log.error('reminders: tick failed', { message: (err as Error).message });
    }
  };
  const poll = () => {
    tick();
    if (!stopped) timer = setTimeout(poll, intervalMs);
  };
  // Once the host has finished starting (listeners subscribed), so the first deliveries reach the window.
  timer = setTimeout(poll, 0);

  const unsubscribe = ctx.events.subscribe((event) => {
    // After the emitter's own work, and several changes in a row cost one tick.
    if (stopped || soon || !SIGNALS.includes(event.name)) return;
    soon = setImmediate(() => {
      soon = undefined;
      tick();
    });
  });

  return {
    // A tick is synchronous: once stop() returns, none is under way and none will start.
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      if (soon) clearImmediate(soon);
      unsubscribe();
      return Promise.resolve();
    },
  };
}
