import type { tasksCalls } from '../../../src-shared/contract/tasks';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { firmToday } from '../planner/firm-time';
import { discardUpload, uploadFile } from '../transfer/temp-files';
import { addChecklistItem, removeChecklistItem, updateChecklistItem } from './task-checklist';
import { addComment } from './task-comments';
import { attachFileToTask } from './task-documents';
import { getTask, listTasks } from './task-reads';
import type { TaskChange } from './task-store';
import {
  createTask,
  deleteTask,
  reassignTask,
  restoreTask,
  setTaskStatus,
  snoozeTask,
  updateTask,
  type TaskActor,
} from './task-writes';

const today = (ctx: ServiceContext) => firmToday(ctx.db, ctx.now());
const actor = (ctx: ServiceContext): TaskActor => ({ ...actingStamp(ctx), today: today(ctx) });

/** The task's screens, every concerned card's timeline and the badges of whoever was (or is no longer) told refresh. */
function announce(ctx: ServiceContext, change: TaskChange) {
  const cardIds = change.cards.map((c) => c.id);
  ctx.events.emit('tasks.changed', { id: change.taskId, cardIds, assigneeIds: change.assigneeIds });
  if (change.nextTaskId)
    ctx.events.emit('tasks.changed', { id: change.nextTaskId, cardIds, assigneeIds: change.assigneeIds });
  for (const card of change.cards)
    ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
  for (const userId of change.notifiedUserIds) ctx.events.emit('notifications.changed', { userId });
  return getTask(ctx.db, change.taskId, today(ctx));
}

export const tasksHandlers: Handlers<keyof typeof tasksCalls> = {
  'tasks.create': (input, ctx) => announce(ctx, createTask(ctx.db, actor(ctx), input)),
  'tasks.update': (input, ctx) => announce(ctx, updateTask(ctx.db, actor(ctx), input)),
  'tasks.get': (input, ctx) => getTask(ctx.db, input.id, today(ctx)),
  'tasks.list': (input, ctx) => listTasks(ctx.db, ctx.userId, today(ctx), input),
  'tasks.setStatus': (input, ctx) => {
    const change = setTaskStatus(ctx.db, actor(ctx), input.id, input.status);
    const task = announce(ctx, change);
    return { task, next: change.nextTaskId ? getTask(ctx.db, change.nextTaskId, today(ctx)) : null };
  },
  'tasks.snooze': (input, ctx) => announce(ctx, snoozeTask(ctx.db, actor(ctx), input)),
  'tasks.reassign': (input, ctx) => announce(ctx, reassignTask(ctx.db, actor(ctx), input)),
  'tasks.delete': (input, ctx) => announce(ctx, deleteTask(ctx.db, actor(ctx), input.id)),
  'tasks.restore': (input, ctx) => announce(ctx, restoreTask(ctx.db, actor(ctx), input.id)),
  'tasks.addChecklistItem': (input, ctx) => announce(ctx, addChecklistItem(ctx.db, actingStamp(ctx), input)),
  'tasks.updateChecklistItem': (input, ctx) => announce(ctx, updateChecklistItem(ctx.db, actingStamp(ctx), input)),
  'tasks.removeChecklistItem': (input, ctx) => announce(ctx, removeChecklistItem(ctx.db, actingStamp(ctx), input.id)),
  'tasks.addComment': (input, ctx) => announce(ctx, addComment(ctx.db, actingStamp(ctx), input)),
  'tasks.attachDocument': async (input, ctx) => {
    // The upload's temp file goes once filed or refused (a refused file would be uploaded again anyway).
    const file = uploadFile(ctx.dataDir, input.uploadId);
    try {
      return announce(ctx, await attachFileToTask(ctx.db, actingStamp(ctx), { taskId: input.taskId, file }));
    } finally {
      discardUpload(ctx.dataDir, input.uploadId);
    }
  },
};
