import type { MailAnswer, MailOptions } from './mail-commands';
import { CommandError } from './transfer-commands';

/** `mail send --to ADDR --subject S --text FILE`: queues and sends one mail, waits for the SMTP answer. */
export async function mailSendCommand(_options: MailOptions): Promise<MailAnswer> {
  throw new CommandError('mail send: henüz hazır değil');
}
