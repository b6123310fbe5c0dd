/**
 * `kartotek mail …`: accounts and a one-off scan (mail-account-commands.ts), and sending one mail
 * (mail-send-command.ts), through the same calls and services the app uses.
 */
import type { KartotekApp } from '../core/app';
import { mailAccountsAddCommand, mailSyncCommand } from './mail-account-commands';
import { mailSendCommand } from './mail-send-command';
import { CommandError } from './transfer-commands';

export const MAIL_USAGE =
  'kartotek mail accounts add --imap HOST:PORT --smtp HOST:PORT --user U --password-env DEĞİŞKEN ' +
  '[--tls none|starttls|tls] [--name AD] [--address ADRES] | mail sync [--account ID] [--json] | ' +
  'mail send --to ADRES --subject KONU --text DOSYA [--account ID] [--json]';

export interface MailOptions {
  imap?: string | undefined;
  smtp?: string | undefined;
  user?: string | undefined;
  passwordEnv?: string | undefined;
  tls?: string | undefined;
  name?: string | undefined;
  address?: string | undefined;
  account?: string | undefined;
  to?: string | undefined;
  subject?: string | undefined;
  text?: string | undefined;
  open: () => KartotekApp;
  /** `mail sync`: called when every account is scanned, before the queued bodies are read (the bench times both). */
  onScanned?: () => void;
}

export interface MailAnswer {
  value: unknown;
  text: () => string;
  failed?: boolean;
}

export async function mailCommand(args: string[], options: MailOptions): Promise<MailAnswer> {
  const [sub, verb] = args;
  if (sub === 'accounts' && verb === 'add') return mailAccountsAddCommand(options);
  if (sub === 'sync') return mailSyncCommand(options);
  if (sub === 'send') return mailSendCommand(options);
  throw new CommandError(`bilinmeyen mail komutu. Kullanım: ${MAIL_USAGE}`);
}
