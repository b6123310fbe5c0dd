import type { duplicatesCalls } from '../../../src-shared/contract/duplicates';
import type { MergeRecord } from '../../../src-shared/contract/duplicates';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listDuplicates } from './detect';
import { compareCards } from './compare';
import { mergeCards, undoMerge } from './merge';
import { listMerges } from './merge-record';
import { dismissPair, undismissPair } from './dismissals';

/** Both cards of a merge changed: every list, card and search on screen refetches. */
function emitBoth(ctx: ServiceContext, m: MergeRecord, action: 'merged' | 'unmerged') {
  ctx.events.emit('cards.changed', { id: m.survivor.id, type: m.type, action });
  ctx.events.emit('cards.changed', { id: m.loser.id, type: m.type, action });
}

export const duplicatesHandlers: Handlers<keyof typeof duplicatesCalls> = {
  'duplicates.list': (input, ctx) => listDuplicates(ctx.db, input),
  'duplicates.compare': (input, ctx) => compareCards(ctx.db, input.firstId, input.secondId),
  'duplicates.merge': (input, ctx) => {
    const merge = mergeCards(ctx.db, input, actingStamp(ctx));
    emitBoth(ctx, merge, 'merged');
    return merge;
  },
  'duplicates.undoMerge': (input, ctx) => {
    const merge = undoMerge(ctx.db, input.id, actingStamp(ctx));
    emitBoth(ctx, merge, 'unmerged');
    return merge;
  },
  'duplicates.dismiss': (input, ctx) => dismissPair(ctx.db, input.firstId, input.secondId, actingStamp(ctx)),
  'duplicates.undismiss': (input, ctx) => undismissPair(ctx.db, input.firstId, input.secondId, actingStamp(ctx)),
  'duplicates.merges': (input, ctx) => listMerges(ctx.db, input),
};
