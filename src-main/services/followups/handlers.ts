import type { followUpsCalls } from '../../../src-shared/contract/followups';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { getFollowUp, listFollowUps } from './followup-reads';
import {
  cancelFollowUp,
  completeFollowUp,
  createFollowUp,
  handOverFollowUp,
  moveFollowUp,
  reopenFollowUp,
  type FollowUpChange,
} from './followup-writes';

/**
 * Tells every screen that shows it: the follow-up's lists (of everyone who had or has it), its note, and the
 * notification badges of the staff whose reminders or news changed. Emitted after the write committed.
 */
export function announceFollowUp(ctx: ServiceContext, change: FollowUpChange): void {
  ctx.events.emit('followUps.changed', {
    id: change.followUpId,
    noteId: change.noteId,
    assigneeIds: change.assigneeIds,
  });
  ctx.events.emit('notes.changed', { id: change.noteId, cardIds: change.cards.map((c) => c.id), action: 'saved' });
  for (const userId of change.notifiedUserIds) ctx.events.emit('notifications.changed', { userId });
}

function answer(ctx: ServiceContext, change: FollowUpChange) {
  if (change.changed) announceFollowUp(ctx, change);
  return getFollowUp(ctx.db, change.followUpId);
}

export const followUpsHandlers: Handlers<keyof typeof followUpsCalls> = {
  'followUps.create': (input, ctx) => answer(ctx, createFollowUp(ctx.db, actingStamp(ctx), input)),
  'followUps.get': (input, ctx) => getFollowUp(ctx.db, input.id),
  'followUps.list': (input, ctx) => listFollowUps(ctx.db, ctx.userId, input),
  'followUps.complete': (input, ctx) => answer(ctx, completeFollowUp(ctx.db, actingStamp(ctx), input)),
  'followUps.reopen': (input, ctx) => answer(ctx, reopenFollowUp(ctx.db, actingStamp(ctx), input)),
  'followUps.cancel': (input, ctx) => answer(ctx, cancelFollowUp(ctx.db, actingStamp(ctx), input)),
  'followUps.move': (input, ctx) => answer(ctx, moveFollowUp(ctx.db, actingStamp(ctx), input)),
  'followUps.handOver': (input, ctx) => answer(ctx, handOverFollowUp(ctx.db, actingStamp(ctx), input)),
};
