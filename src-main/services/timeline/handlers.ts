import type { timelineCalls } from '../../../src-shared/contract/timeline';
import type { Handlers } from '../handler-types';
import { timelineForCard } from './timeline';

export const timelineHandlers: Handlers<keyof typeof timelineCalls> = {
  'timeline.forCard': (input, ctx) => timelineForCard(ctx.db, { ...input, userId: ctx.userId }),
};
