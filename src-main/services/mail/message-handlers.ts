/** The stored-mail calls of the mail slice: reading, read state, filing. */
import type { mailCalls } from '../../../src-shared/contract/mail';
import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listMail } from './read/list-mail';
import { getMail } from './read/get-mail';
import { inlineRemoteContent } from './read/remote-content';
import { dismissMail, fileMail, unlinkMail } from './read/filing';
import { mailCounts, markRead } from './read/read-state';
import { signalMailBodies } from './ingest/body-signal';

type MessageCalls = Extract<
  keyof typeof mailCalls,
  'mail.list' | 'mail.get' | 'mail.markRead' | 'mail.file' | 'mail.unlink' | 'mail.dismiss' | 'mail.counts'
>;

export const messageHandlers: Handlers<MessageCalls> = {
  'mail.list': (input, ctx) => listMail(ctx.db, ctx.userId, input),
  'mail.get': async (input, ctx) => {
    const mail = await getMail(ctx.db, ctx.userId, input.id);
    // Someone is waiting for this body: the job reads it next.
    if (mail.bodyPending) signalMailBodies(ctx.db, mail.id);
    if (!input.allowRemote || !mail.html || !mail.hasRemoteContent) return mail;
    return { ...mail, html: await inlineRemoteContent(mail.html) };
  },
  'mail.markRead': (input, ctx) => {
    const { changed, notificationsRead } = markRead(ctx.db, ctx.userId, input.ids, input.read, actingStamp(ctx).at);
    if (changed) ctx.events.emit('mail.changed', { accountId: null, cardIds: [] });
    if (notificationsRead) ctx.events.emit('notifications.changed', { userId: ctx.userId });
    return { changed };
  },
  'mail.file': (input, ctx) => {
    const outcome = fileMail(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('mail.changed', { accountId: outcome.accountId, cardIds: outcome.cardIds });
    if (outcome.addressAdded && input.addAddressTo) {
      const card = ctx.db.$client.prepare('select type from cards where id = ?').get(input.addAddressTo) as
        { type: 'person' | 'institution' } | undefined;
      if (card) ctx.events.emit('cards.changed', { id: input.addAddressTo, type: card.type, action: 'updated' });
    }
    return { ok: true as const, addressAdded: outcome.addressAdded };
  },
  'mail.unlink': (input, ctx) => {
    const { accountId } = unlinkMail(ctx.db, input, actingStamp(ctx));
    ctx.events.emit('mail.changed', { accountId, cardIds: [input.cardId] });
    return { ok: true as const };
  },
  'mail.dismiss': (input, ctx) => {
    const changed = dismissMail(ctx.db, input.ids, actingStamp(ctx));
    if (changed) ctx.events.emit('mail.changed', { accountId: null, cardIds: [] });
    return { changed };
  },
  'mail.counts': (_input, ctx) => mailCounts(ctx.db, ctx.userId),
};
