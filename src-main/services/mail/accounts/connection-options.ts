/**
 * One place that turns an account's settings into imapflow and nodemailer options, so the scan job, the
 * connection test and the outbox connect the same way: `tls` is TLS from the first byte, `starttls` must upgrade
 * (no silent fallback to cleartext), `none` stays cleartext (a LAN server, a test server). Certificates are
 * always checked. Timeouts are short: a desk app must say "unreachable" in seconds, not minutes.
 */
import { eq } from 'drizzle-orm';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Db } from '../../../db/connection';
import { mailAccounts } from '../../../db/schema';
import type { SecretBox } from '../../../core/secret-box';
import type { MailSecurity } from '../../../../src-shared/contract/mail';
import { notFound } from '../../../../src-shared/contract/errors';

export interface ConnectionSettings {
  imapHost: string;
  imapPort: number;
  imapSecurity: MailSecurity;
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: MailSecurity;
  username: string;
  password: string;
}

export const CONNECT_TIMEOUT_MS = 15_000;

export function imapOptions(s: ConnectionSettings): ImapFlowOptions {
  return {
    host: s.imapHost,
    port: s.imapPort,
    secure: s.imapSecurity === 'tls',
    doSTARTTLS: s.imapSecurity === 'starttls' ? true : s.imapSecurity === 'none' ? false : undefined,
    auth: { user: s.username, pass: s.password },
    // imapflow logs whole commands (with the login) at debug level: never hand it a logger.
    logger: false,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
    tls: { rejectUnauthorized: true },
  };
}

export function smtpOptions(s: ConnectionSettings): SMTPTransport.Options {
  return {
    host: s.smtpHost,
    port: s.smtpPort,
    secure: s.smtpSecurity === 'tls',
    requireTLS: s.smtpSecurity === 'starttls',
    ignoreTLS: s.smtpSecurity === 'none',
    auth: { user: s.username, pass: s.password },
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
    tls: { rejectUnauthorized: true },
  };
}

/** A stored account's settings with its password opened by the host's SecretBox. */
export function accountSettings(db: Db, secrets: SecretBox, accountId: string): ConnectionSettings {
  const row = db.select().from(mailAccounts).where(eq(mailAccounts.id, accountId)).get();
  if (!row || row.deletedAt) throw notFound('Posta hesabı');
  return {
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecurity: row.imapSecurity as MailSecurity,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity as MailSecurity,
    username: row.username,
    password: secrets.open(row.secretSealed, row.secretScheme),
  };
}

/** A connected IMAP client for a stored account (the caller logs out). */
export async function connectImap(db: Db, secrets: SecretBox, accountId: string): Promise<ImapFlow> {
  const client = new ImapFlow(imapOptions(accountSettings(db, secrets, accountId)));
  await client.connect();
  return client;
}

/** A nodemailer transport for a stored account (the caller closes it). */
export function smtpTransport(db: Db, secrets: SecretBox, accountId: string) {
  return nodemailer.createTransport(smtpOptions(accountSettings(db, secrets, accountId)));
}
