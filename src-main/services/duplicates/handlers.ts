import type { duplicatesCalls } from '../../../src-shared/contract/duplicates';
import type { MergeRecord } from '../../../src-shared/contract/duplicates';
import { isoNow, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listDuplicates } from './detect';
import { compareCards } from './compare';
import { mergeCards, undoMerge } from './merge';
import { listMerges } from './merge-record';
import { dismissPair, undismissPair } from './dismissals';

const stamp = (ctx: ServiceContext) => ({ userId: ctx.userId, at: isoNow(ctx) });

/** Both cards of a merge changed: every list, card and search on screen refetches. */
function emitBoth(ctx: ServiceContext, m: MergeRecord, action: 'merged' | 'unmerged') {
  ctx.events.emit('cards.changed', { id: m.survivor.id, type: m.type, action });
  ctx.events.emit('cards.changed', { id: m.loser.id, type: m.type, action });
}

export const duplicatesHandlers: Handlers<keyof typeof duplicatesCalls> = {
  'duplicates.list': (input, ctx) => listDuplicates(ctx.db, input),
  'duplicates.compare': (input, ctx) => compareCards(ctx.db, input.firstId, input.secondId),
  'duplicates.merge': (input, ctx) => {
    const merge = mergeCards(ctx.db, input, stamp(ctx));
    emitBoth(ctx, merge, 'merged');
    return merge;
  },
  'duplicates.undoMerge': (input, ctx) => {
    const merge = undoMerge(ctx.db, input.id, stamp(ctx));
    emitBoth(ctx, merge, 'unmerged');
    return merge;
  },
  'duplicates.dismiss': (input, ctx) => dismissPair(ctx.db, input.firstId, input.secondId, stamp(ctx)),
  'duplicates.undismiss': (input, ctx) => undismissPair(ctx.db, input.firstId, input.secondId, stamp(ctx)),
  'duplicates.merges': (input, ctx) => listMerges(ctx.db, input),
};
