import { notBuiltYet } from '../not-built-yet';

/** The mail slice: accounts, stored mail, filing. */
export const mailHandlers = {
  ...notBuiltYet([
    'mail.accounts.list',
    'mail.accounts.save',
    'mail.accounts.remove',
    'mail.accounts.test',
    'mail.accounts.syncNow',
    'mail.list',
    'mail.get',
    'mail.markRead',
    'mail.file',
    'mail.unlink',
    'mail.dismiss',
    'mail.counts',
  ] as const),
};
