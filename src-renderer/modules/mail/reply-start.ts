import type { MailDetail } from '../../../src-shared/contract/mail';
import type { ComposeStart } from '../mailings/ComposeForm';

const QUOTED_LINES = 40;

/**
 * How an answer starts: to the sender, "Re: subject" (once, however often it was answered), and the start
 * of the original quoted under a line naming who wrote it when, as mail programs do.
 */
export function replyStart(
  mail: MailDetail,
  from: { name: string; address: string },
  quoteHeader: string,
): ComposeStart {
  const subject = /^\s*(re|ynt|ynt\.|cvp)\s*:/i.test(mail.subject) ? mail.subject : `Re: ${mail.subject}`;
  const lines = mail.text.trim().split(/\r?\n/);
  const quoted = lines
    .slice(0, QUOTED_LINES)
    .map((line) => `> ${line}`)
    .join('\n');
  return {
    channel: 'email',
    to: [{ key: `reply:${from.address}`, name: from.name || from.address, address: from.address }],
    subject,
    body: `\n\n${quoteHeader}\n${quoted}${lines.length > QUOTED_LINES ? '\n> …' : ''}`,
    replyTo: mail.id,
  };
}
