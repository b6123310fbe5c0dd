import type { MailAnswer, MailOptions } from './mail-commands';
import { CommandError } from './transfer-commands';

/** `mail accounts add …`: checks the connection and stores the account (password from the named variable). */
export async function mailAccountsAddCommand(_options: MailOptions): Promise<MailAnswer> {
  throw new CommandError('mail accounts add: henüz hazır değil');
}

/** `mail sync [--account ID] --json`: one scan of each account; prints fetched, stored, linked, unfiled, bounces. */
export async function mailSyncCommand(_options: MailOptions): Promise<MailAnswer> {
  throw new CommandError('mail sync: henüz hazır değil');
}
