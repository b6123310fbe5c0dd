import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { getMailing } from './mailing-reads';
import { cancelMailing, pauseMailing, resendUncertain, resumeMailing } from './mailing-state';
import { signalOutbox } from './outbox-signal';
import { assertMayRunMailing } from './mailing-permissions';
import { previewSend } from './preview';
import { createMailing, queueSingle, startMailing } from './queue';

type SendCall =
  | 'mail.preview'
  | 'mail.send'
  | 'mailings.create'
  | 'mailings.start'
  | 'mailings.pause'
  | 'mailings.resume'
  | 'mailings.cancel'
  | 'mailings.resendUncertain';

/** After a committed change: the screens hear of it, the send job wakes. */
function announced(ctx: ServiceContext, id: string) {
  const m = getMailing(ctx.db, id);
  ctx.events.emit('mailings.progress', { id: m.id, status: m.status, counts: m.counts, total: m.total });
  signalOutbox(ctx.db);
  return m;
}

export const sendHandlers: Handlers<SendCall> = {
  'mail.preview': (input, ctx) => previewSend(ctx.db, input, todayInIstanbul(ctx.now())),
  'mail.send': (input, ctx) => {
    const id = queueSingle(ctx.db, input, actingStamp(ctx), todayInIstanbul(ctx.now()));
    announced(ctx, id);
    return { mailingId: id };
  },
  'mailings.create': (input, ctx) =>
    announced(ctx, createMailing(ctx.db, input, actingStamp(ctx), todayInIstanbul(ctx.now()))),
  'mailings.start': (input, ctx) => {
    assertMayRunMailing(ctx.db, input.id, ctx.userId, 'başlatmayı');
    startMailing(ctx.db, input.id, actingStamp(ctx), todayInIstanbul(ctx.now()));
    return announced(ctx, input.id);
  },
  'mailings.pause': (input, ctx) => {
    assertMayRunMailing(ctx.db, input.id, ctx.userId, 'duraklatmayı');
    pauseMailing(ctx.db, input.id, actingStamp(ctx));
    return announced(ctx, input.id);
  },
  'mailings.resume': (input, ctx) => {
    assertMayRunMailing(ctx.db, input.id, ctx.userId, 'sürdürmeyi');
    resumeMailing(ctx.db, input.id, actingStamp(ctx));
    return announced(ctx, input.id);
  },
  'mailings.cancel': (input, ctx) => {
    assertMayRunMailing(ctx.db, input.id, ctx.userId, 'iptal etmeyi');
    cancelMailing(ctx.db, input.id, actingStamp(ctx));
    return announced(ctx, input.id);
  },
  'mailings.resendUncertain': (input, ctx) => {
    assertMayRunMailing(ctx.db, input.id, ctx.userId, 'yeniden göndermeyi');
    resendUncertain(ctx.db, input.id, input.recipientIds, actingStamp(ctx));
    return announced(ctx, input.id);
  },
};
