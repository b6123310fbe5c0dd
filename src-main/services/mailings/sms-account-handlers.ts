import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { signalOutbox } from './outbox-signal';
import { listSmsAccounts, removeSmsAccount, saveSmsAccount } from './sms/sms-accounts';

export const smsAccountHandlers: Handlers<'sms.accounts.list' | 'sms.accounts.save' | 'sms.accounts.remove'> = {
  'sms.accounts.list': (_input, ctx) => listSmsAccounts(ctx.db),
  'sms.accounts.save': (input, ctx) => {
    const account = saveSmsAccount(ctx.db, ctx.secrets, input, actingStamp(ctx));
    signalOutbox(ctx.db, { accountChanged: account.id });
    return account;
  },
  'sms.accounts.remove': (input, ctx) => {
    removeSmsAccount(ctx.db, input.id, actingStamp(ctx));
    return { ok: true };
  },
};
