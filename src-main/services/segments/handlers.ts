import type { segmentsCalls } from '../../../src-shared/contract/segments';
import { actingStamp, type ServiceContext } from '../../core/context';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import type { Handlers } from '../handler-types';
import { deleteSegment, listSegments, loadSegment, saveSegment } from './segment-store';
import { countMatching, queryFilter } from './segment-filter';

const today = (ctx: ServiceContext) => todayInIstanbul(ctx.now());

export const segmentsHandlers: Handlers<keyof typeof segmentsCalls> = {
  'segments.list': (input, ctx) => ({ segments: listSegments(ctx.db, input.cardType) }),
  'segments.get': (input, ctx) => loadSegment(ctx.db, input.id),
  'segments.save': (input, ctx) => {
    const saved = saveSegment(ctx.db, input, actingStamp(ctx), () =>
      queryFilter(ctx.db, input.cardType, input.query, today(ctx)),
    );
    ctx.events.emit('segments.changed', { id: saved.id, action: 'saved' });
    return saved;
  },
  'segments.delete': (input, ctx) => {
    const deleted = deleteSegment(ctx.db, input.id, actingStamp(ctx));
    ctx.events.emit('segments.changed', { id: deleted.id, action: 'deleted' });
    return deleted;
  },
  'segments.count': (input, ctx) => {
    const { cardType, query } = 'id' in input ? loadSegment(ctx.db, input.id) : input;
    return { count: countMatching(ctx.db, cardType, queryFilter(ctx.db, cardType, query, today(ctx))) };
  },
};
