import { notBuiltYet } from '../not-built-yet';

/** The sending slice: templates, single sends, mailings, SMS accounts. */
export const mailingsHandlers = {
  ...notBuiltYet([
    'mail.templates.list',
    'mail.templates.save',
    'mail.templates.remove',
    'mail.preview',
    'mail.send',
    'mailings.create',
    'mailings.start',
    'mailings.pause',
    'mailings.resume',
    'mailings.cancel',
    'mailings.resendUncertain',
    'mailings.list',
    'mailings.get',
    'mailings.recipients',
    'mailings.ofCard',
    'sms.accounts.list',
    'sms.accounts.save',
    'sms.accounts.remove',
  ] as const),
};
