import type { plannerCalls } from '../../../src-shared/contract/planner';
import { isoNow } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listNotifications, markNotificationsRead } from './notification-reads';
import { plannerToday } from './planner-today';
import { readPlannerSettings, savePlannerSettings } from './planner-settings';

export const plannerHandlers: Handlers<keyof typeof plannerCalls> = {
  'notifications.list': (input, ctx) => listNotifications(ctx.db, ctx.userId, input),
  'notifications.markRead': (input, ctx) => {
    const { unread, changed } = markNotificationsRead(ctx.db, ctx.userId, input, isoNow(ctx));
    if (changed > 0) ctx.events.emit('notifications.changed', { userId: ctx.userId });
    return { unread };
  },
  'planner.today': (input, ctx) => plannerToday(ctx.db, ctx.userId, input, ctx.now()),
  'planner.settings': (_input, ctx) => readPlannerSettings(ctx.db, ctx.userId),
  'planner.saveSettings': (input, ctx) => {
    const { settings, firmClockChanged } = savePlannerSettings(ctx.db, ctx.userId, input, isoNow(ctx));
    // Reminders may have moved: the bells and every planner refetch (no event of its own for settings).
    if (firmClockChanged) ctx.events.emit('notifications.changed', { userId: ctx.userId });
    return settings;
  },
};
