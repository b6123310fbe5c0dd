import { z } from 'zod';
import { mailAccountFields, type MailAccountOut, type MailSecurity } from '../../../src-shared/contract/mail';

/**
 * The account form's schema: the contract's own, except the password: required for a new account, and on
 * an edit an empty field means "keep the stored one" (it is never sent back to the screen).
 */
export const accountFormSchema = (isNew: boolean) =>
  mailAccountFields.extend({
    password: isNew
      ? z.string().min(1, { message: 'Parola gerekli' }).max(1000)
      : z
          .string()
          .max(1000)
          .optional()
          .transform((v) => (v ? v : undefined)),
  });
export type AccountFormInput = z.input<ReturnType<typeof accountFormSchema>>;
export type AccountFormOutput = z.output<ReturnType<typeof accountFormSchema>>;

/** The usual ports: what a mail provider's help page says for each kind of connection. */
export const USUAL_PORTS: Record<'imap' | 'smtp', Record<MailSecurity, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

/**
 * The port after the security changes: the usual one, unless the person typed a port of their own (one
 * that is no usual port for this protocol), which stays.
 */
export function portAfterSecurityChange(protocol: 'imap' | 'smtp', port: number | undefined, next: MailSecurity) {
  const usual = Object.values(USUAL_PORTS[protocol]);
  return port === undefined || usual.includes(port) ? USUAL_PORTS[protocol][next] : port;
}

export const newAccountDefaults: AccountFormInput = {
  name: '',
  emailAddress: '',
  displayName: '',
  imapHost: '',
  imapPort: 993,
  imapSecurity: 'tls',
  smtpHost: '',
  smtpPort: 465,
  smtpSecurity: 'tls',
  username: '',
  password: '',
  inboxFolder: 'INBOX',
  sentFolder: 'Sent',
  syncWindowDays: 365,
  ratePerMinute: 60,
  enabled: true,
};

export const accountDefaults = (a: MailAccountOut): AccountFormInput => ({
  name: a.name,
  emailAddress: a.emailAddress,
  displayName: a.displayName ?? '',
  imapHost: a.imapHost,
  imapPort: a.imapPort,
  imapSecurity: a.imapSecurity,
  smtpHost: a.smtpHost,
  smtpPort: a.smtpPort,
  smtpSecurity: a.smtpSecurity,
  username: a.username,
  password: '',
  inboxFolder: a.inboxFolder,
  sentFolder: a.sentFolder,
  syncWindowDays: a.syncWindowDays,
  ratePerMinute: a.ratePerMinute,
  enabled: a.enabled,
});
