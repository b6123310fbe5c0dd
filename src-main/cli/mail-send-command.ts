import fs from 'node:fs';
import type { MailAnswer, MailOptions } from './mail-commands';
import { CommandError } from './transfer-commands';
import { runOutboxToEnd } from '../jobs/outbox/outbox-job';
import { stmt } from '../db/statements';

/**
 * `mail send --to ADDR --subject S --text FILE [--account ID]`: queues one mail through the same call the compose
 * screen uses (mail.send), then runs the outbox for this mail only in this process (the CLI has no background job;
 * other queued work is the app's) and answers with what the SMTP server said, or why the account could not send.
 */
export async function mailSendCommand(options: MailOptions): Promise<MailAnswer> {
  if (!options.to) throw new CommandError('--to ADRES gerekli', true);
  if (!options.text) throw new CommandError('--text DOSYA gerekli (iletinin metni)', true);
  let body: string;
  try {
    body = fs.readFileSync(options.text, 'utf8');
  } catch (err) {
    throw new CommandError(`--text "${options.text}" okunamadı: ${(err as NodeJS.ErrnoException).code ?? 'hata'}`);
  }
  const app = options.open();
  try {
    const result = await app.call('mail.send', {
      channel: 'email',
      ...(options.account ? { accountId: options.account } : {}),
      to: [{ address: options.to }],
      subject: options.subject ?? '',
      body,
    });
    if (!result.ok) {
      const detail = Object.values(result.error.fields ?? {})[0];
      throw new CommandError(
        `${result.error.message}${detail && detail !== result.error.message ? ` (${detail})` : ''}`,
      );
    }
    const { mailingId } = result.value as { mailingId: string };
    const { accountProblem } = await runOutboxToEnd(app, { onlyMailing: mailingId });
    const row = stmt(
      app.ctx.db,
      `select status, error, message_id_header as messageId from mailing_recipients where mailing_id = ? order by position limit 1`,
    ).get(mailingId) as { status: string; error: string | null; messageId: string };
    const error = row.status === 'pending' ? (accountProblem ?? row.error) : row.error;
    const value = { mailingId, status: row.status, messageId: `<${row.messageId}>`, error };
    return {
      value,
      failed: row.status !== 'sent',
      text: () =>
        row.status === 'sent'
          ? `Gönderildi: ${options.to} ${value.messageId}${row.error ? `\nNot: ${row.error}` : ''}`
          : row.status === 'pending'
            ? `Gönderilemedi, sırada bekliyor (uygulama açıkken yeniden denenecek): ${error ?? ''}`
            : `Gönderilemedi (${row.status}): ${error ?? ''}`,
    };
  } finally {
    app.close();
  }
}
