import type { Handlers } from '../handler-types';
import { getMailing, listMailings, listRecipients, sentToCard } from './mailing-reads';

export const mailingReadHandlers: Handlers<
  'mailings.list' | 'mailings.get' | 'mailings.recipients' | 'mailings.ofCard'
> = {
  'mailings.list': (input, ctx) => listMailings(ctx.db, input),
  'mailings.get': (input, ctx) => getMailing(ctx.db, input.id),
  'mailings.recipients': (input, ctx) => listRecipients(ctx.db, input),
  'mailings.ofCard': (input, ctx) => sentToCard(ctx.db, input),
};
