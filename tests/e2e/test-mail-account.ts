import type { DovecotServer } from '../support/dovecot';
import type { SmtpSink } from '../support/smtp-sink';

/**
 * The fields of a mail account on the test servers (dovecot for IMAP, the SMTP sink), one login on both. Each
 * account needs its own From address: the app refuses two accounts for one address on one server.
 */
export function testMailAccount(
  imap: DovecotServer,
  smtp: SmtpSink,
  own: { name?: string; emailAddress?: string; ratePerMinute?: number } = {},
) {
  return {
    name: own.name ?? 'Ofis',
    emailAddress: own.emailAddress ?? imap.user,
    displayName: 'Kartotek Ofis',
    imapHost: '127.0.0.1',
    imapPort: imap.port,
    imapSecurity: 'none' as const,
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpSecurity: 'none' as const,
    username: imap.user,
    password: imap.password,
    ratePerMinute: own.ratePerMinute ?? 600,
  };
}
