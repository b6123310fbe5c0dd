/** Raw messages and stored accounts for the mail ingest tests: real RFC 822 bytes, a real database. */
import type { KartotekApp } from '../../src-main/core/app';
import { newId } from '../../src-main/core/ids';
import { writeTransaction } from '../../src-main/db/transaction';
import {
  parseRawMessage,
  storeParsedMessage,
  type MailLocation,
  type StoreResult,
} from '../../src-main/services/mail/ingest/store-incoming';

export interface RawMail {
  from?: string;
  to?: string;
  cc?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  date?: string;
  headers?: string[];
  /** A whole body with its own Content-Type (multipart and the like). */
  contentType?: string;
  body?: string;
}

/** A message as a mail server would hand it over (CRLF lines). */
export function rawMail(mail: RawMail): Buffer {
  const lines = [
    `From: ${mail.from ?? '"Ayşe Kaya" <ayse@example.com.tr>'}`,
    `To: ${mail.to ?? 'satis@biz.com.tr'}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    `Subject: ${mail.subject ?? 'Teklif hakkında'}`,
    ...(mail.messageId === '' ? [] : [`Message-ID: <${mail.messageId ?? `${newId()}@example.com.tr`}>`]),
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`] : []),
    ...(mail.references ? [`References: ${mail.references}`] : []),
    `Date: ${mail.date ?? 'Mon, 02 Mar 2026 08:30:00 +0300'}`,
    'MIME-Version: 1.0',
    ...(mail.headers ?? []),
    `Content-Type: ${mail.contentType ?? 'text/plain; charset=utf-8'}`,
    '',
    mail.body ?? 'Merhaba,\nteklifinizi aldık.\n',
  ];
  return Buffer.from(lines.join('\r\n').replace(/\r?\n/g, '\r\n'), 'utf8');
}

export interface TestAccount {
  accountId: string;
  inbox: string;
  sent: string;
}

/** A mail account with its inbox and sent folders, written straight into the tables the scan job keeps. */
export function addAccount(app: KartotekApp, address = 'satis@biz.com.tr'): TestAccount {
  const db = app.ctx.db.$client;
  const at = new Date().toISOString();
  const accountId = newId();
  db.prepare(
    `insert into mail_accounts (id, name, email_address, imap_host, imap_port, imap_security, smtp_host, smtp_port,
       smtp_security, username, secret_sealed, secret_scheme, created_at, updated_at)
     values (?, 'Satış', ?, '127.0.0.1', 993, 'tls', '127.0.0.1', 465, 'tls', ?, 'x', 'test', ?, ?)`,
  ).run(accountId, address, address, at, at);
  const folder = (path: string, role: string) => {
    const id = newId();
    db.prepare(
      `insert into mail_folders (id, account_id, path, role, uid_validity, updated_at) values (?, ?, ?, ?, '1', ?)`,
    ).run(id, accountId, path, role, at);
    return id;
  };
  return { accountId, inbox: folder('INBOX', 'inbox'), sent: folder('Sent', 'sent') };
}

let nextUid = 1;

/** Parses and stores one raw message the way the scan job does (parse outside, store inside a transaction). */
export async function ingest(
  app: KartotekApp,
  account: TestAccount,
  raw: Buffer,
  where: Partial<MailLocation> = {},
): Promise<StoreResult> {
  const parsed = await parseRawMessage(raw);
  const location: MailLocation = {
    accountId: account.accountId,
    folderId: where.role === 'sent' ? account.sent : account.inbox,
    role: 'inbox',
    uidValidity: '1',
    uid: nextUid++,
    internalDate: null,
    seenOnServer: false,
    ...where,
  };
  const at = app.ctx.now().toISOString();
  return writeTransaction(app.ctx.db, () =>
    storeParsedMessage(app.ctx.db, parsed, location, { userId: app.ctx.userId, at }),
  );
}

export function mailRow(app: KartotekApp, id: string) {
  return app.ctx.db.$client
    .prepare(
      `select id, subject, from_address as fromAddress, body_text as bodyText, body_html_source as bodyHtmlSource,
         thread_id as threadId, uid, uid_validity as uidValidity, folder_id as folderId, direction, parse_problems as
         parseProblems, header_block as headerBlock, bounce_of as bounceOf, filed
       from mail_messages where id = ?`,
    )
    .get(id) as {
    id: string;
    subject: string;
    fromAddress: string | null;
    bodyText: string;
    /** The HTML part as received (not safe): what leaves main is mail.get's sanitised html. */
    bodyHtmlSource: string | null;
    filed: string;
    threadId: string;
    uid: number;
    uidValidity: string;
    folderId: string | null;
    direction: string;
    parseProblems: string | null;
    headerBlock: string;
    bounceOf: string | null;
  };
}

export function linksOf(app: KartotekApp, messageId: string): { cardId: string; linkKind: string }[] {
  return app.ctx.db.$client
    .prepare('select card_id as cardId, link_kind as linkKind from mail_message_cards where message_id = ? order by 1')
    .all(messageId) as { cardId: string; linkKind: string }[];
}
