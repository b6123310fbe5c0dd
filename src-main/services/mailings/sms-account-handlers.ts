import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { listSmsAccounts, removeSmsAccount, saveSmsAccount } from './sms/sms-accounts';

export const smsAccountHandlers: Handlers<'sms.accounts.list' | 'sms.accounts.save' | 'sms.accounts.remove'> = {
  'sms.accounts.list': (_input, ctx) => listSmsAccounts(ctx.db),
  'sms.accounts.save': (input, ctx) => saveSmsAccount(ctx.db, ctx.secrets, input, actingStamp(ctx)),
  'sms.accounts.remove': (input, ctx) => {
    removeSmsAccount(ctx.db, input.id, actingStamp(ctx));
    return { ok: true };
  },
};
