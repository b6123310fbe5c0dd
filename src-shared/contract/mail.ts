/**
 * The mail slice: IMAP/SMTP accounts and the mail Kartotek keeps (incoming and outgoing), linked to cards.
 * Sending (single mails, mailings, SMS) is the `mailings` slice.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, optionalText, pageInput, requiredText } from './common';
import { CARD_TYPES } from './cards';

export const MAIL_SECURITY = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];
export const MAIL_ACCOUNT_STATUSES = ['idle', 'syncing', 'error', 'disabled'] as const;
export const MAIL_LINK_KINDS = ['address', 'domain', 'thread', 'manual'] as const;
export type MailLinkKind = (typeof MAIL_LINK_KINDS)[number];
export const MAIL_FILED = ['linked', 'unfiled', 'dismissed'] as const;

const hostName = requiredText(253, 'Sunucu').regex(/^[A-Za-z0-9.\-[\]:]+$/, {
  message: 'Sunucu adı yalnız harf, rakam, nokta ve tire içerebilir',
});
const port = z.number().int().min(1, { message: 'Port 1–65535 olmalı' }).max(65535, { message: 'Port 1–65535 olmalı' });
const mailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Geçerli bir e-posta adresi olmalı' }));

export const mailAccountFields = z.object({
  name: requiredText(100, 'Hesap adı'),
  emailAddress: mailAddress,
  displayName: optionalText(200),
  imapHost: hostName,
  imapPort: port.default(993),
  imapSecurity: z.enum(MAIL_SECURITY).default('tls'),
  smtpHost: hostName,
  smtpPort: port.default(465),
  smtpSecurity: z.enum(MAIL_SECURITY).default('tls'),
  username: requiredText(320, 'Kullanıcı adı'),
  /** Required for a new account; left out on an update it keeps the stored one. */
  password: z.string().min(1, { message: 'Parola boş olamaz' }).max(1000).optional(),
  inboxFolder: requiredText(200, 'Gelen kutusu klasörü').default('INBOX'),
  sentFolder: requiredText(200, 'Gönderilenler klasörü').default('Sent'),
  syncWindowDays: z.number().int().min(1).max(3650).default(365),
  ratePerMinute: z.number().int().min(1).max(600).default(60),
  enabled: z.boolean().default(true),
});
export type MailAccountFields = z.input<typeof mailAccountFields>;

export const mailAccountOut = z.object({
  id: z.string(),
  name: z.string(),
  emailAddress: z.string(),
  displayName: z.string().nullable(),
  imapHost: z.string(),
  imapPort: z.number(),
  imapSecurity: z.enum(MAIL_SECURITY),
  smtpHost: z.string(),
  smtpPort: z.number(),
  smtpSecurity: z.enum(MAIL_SECURITY),
  username: z.string(),
  inboxFolder: z.string(),
  sentFolder: z.string(),
  syncWindowDays: z.number(),
  ratePerMinute: z.number(),
  enabled: z.boolean(),
  status: z.enum(MAIL_ACCOUNT_STATUSES),
  /** The last problem, worded for people (never contains the password). */
  statusDetail: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  /** Stored messages of this account. */
  messageCount: z.number(),
  /** Of those, listed and linked by a large scan with their bodies still to be read (not in search yet). */
  bodiesPending: z.number(),
});
export type MailAccountOut = z.infer<typeof mailAccountOut>;

/** What a connection test found, per protocol. */
export const CONNECTION_PROBLEMS = ['auth', 'unreachable', 'tls', 'timeout', 'protocol', 'secret'] as const;
export const connectionCheck = z.object({
  ok: z.boolean(),
  problem: z.enum(CONNECTION_PROBLEMS).nullable(),
  /** A sentence a person can act on ("Kullanıcı adı veya parola yanlış"). */
  message: z.string(),
});
export type ConnectionCheck = z.infer<typeof connectionCheck>;

export const mailPerson = z.object({ name: z.string(), address: z.string() });
const cardRef = z.object({ id: z.string(), type: z.enum(CARD_TYPES), displayName: z.string() });

export const mailSummary = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  subject: z.string(),
  from: mailPerson.nullable(),
  to: z.array(mailPerson),
  /** receivedAt for incoming, sentAt for outgoing (ISO). */
  at: z.string(),
  snippet: z.string(),
  hasAttachments: z.boolean(),
  /** Read by the acting user. */
  read: z.boolean(),
  filed: z.enum(MAIL_FILED),
  cards: z.array(cardRef.extend({ linkKind: z.enum(MAIL_LINK_KINDS) })),
  threadId: z.string().nullable(),
  isBounce: z.boolean(),
});
export type MailSummary = z.infer<typeof mailSummary>;

export const mailAttachmentOut = z.object({
  documentId: z.string(),
  fileName: z.string(),
  contentType: z.string().nullable(),
  size: z.number(),
});

export const mailDetail = mailSummary.extend({
  cc: z.array(mailPerson),
  text: z.string(),
  /** Sanitised in main; shown in a sandboxed frame. Null for text-only mail. */
  html: z.string().nullable(),
  /** The HTML asks for remote images/styles (blocked until the reader allows them). */
  hasRemoteContent: z.boolean(),
  attachments: z.array(mailAttachmentOut),
  messageIdHeader: z.string().nullable(),
  /** What the parser could not read, worded; null when the mail was clean. */
  parseProblems: z.string().nullable(),
  /**
   * Stored by a large scan from its header block, the body not read yet (text and html empty, no attachments):
   * asking for it moves it to the front of the mail body job, and mail.changed follows when it is read.
   */
  bodyPending: z.boolean(),
  /** Other mails of the same conversation, oldest first (summaries). */
  thread: z.array(mailSummary),
  /** For an unfiled mail: the sender's address, to offer adding it to the card it is filed on. */
  senderAddress: z.string().nullable(),
});
export type MailDetail = z.infer<typeof mailDetail>;

export const MAIL_VIEWS = ['all', 'inbox', 'sent', 'unfiled', 'team_unread'] as const;

export const mailCalls = {
  'mail.accounts.list': defineCall({
    summary: 'The mail accounts with their sync status.',
    input: z.object({}).default({}),
    output: z.array(mailAccountOut),
  }),
  'mail.accounts.save': defineCall({
    summary:
      'Adds (no id) or changes a mail account; the password is sealed by the host, never stored plain. Admins only.',
    input: z.object({ id: idSchema.optional(), fields: mailAccountFields }),
    output: mailAccountOut,
  }),
  'mail.accounts.remove': defineCall({
    summary: 'Stops scanning an account and forgets its password; its stored mail stays. Admins only.',
    input: z.object({ id: idSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'mail.accounts.test': defineCall({
    summary: 'Tries IMAP login and SMTP login with the given settings (or the stored account) and says what failed.',
    input: z.object({
      id: idSchema.optional(),
      fields: mailAccountFields.partial({ name: true, emailAddress: true }).optional(),
    }),
    output: z.object({ imap: connectionCheck, smtp: connectionCheck }),
  }),
  'mail.accounts.syncNow': defineCall({
    summary: 'Asks the scan job to look at an account (or all) now.',
    input: z.object({ id: idSchema.optional() }).default({}),
    output: z.object({ ok: z.literal(true) }),
  }),
  'mail.list': defineCall({
    summary:
      'A page of stored mail, newest first: a view (all, inbox, sent, unfiled, the team’s unread) or one card’s mail.',
    input: z.object({
      view: z.enum(MAIL_VIEWS).default('all'),
      cardId: idSchema.optional(),
      accountId: idSchema.optional(),
      unreadOnly: z.boolean().default(false),
      ...pageInput,
    }),
    output: z.object({ rows: z.array(mailSummary), total: z.number(), unread: z.number() }),
  }),
  'mail.get': defineCall({
    summary:
      'One mail in full (sanitised HTML, text, attachments as documents, its conversation). allowRemote: main fetches the remote images (bounded) and inlines them as data: URLs, so the page’s CSP never opens to the network.',
    input: z.object({ id: idSchema, allowRemote: z.boolean().default(false) }),
    output: mailDetail,
  }),
  'mail.markRead': defineCall({
    summary: 'Marks mails read (or unread again) for the acting user.',
    input: z.object({ ids: z.array(idSchema).min(1).max(500), read: z.boolean().default(true) }),
    output: z.object({ changed: z.number() }),
  }),
  'mail.file': defineCall({
    summary:
      'Files a mail on cards (manual link). With addAddressTo, the sender’s address is added to that person card so the next mail links by itself.',
    input: z.object({
      id: idSchema,
      cardIds: z.array(idSchema).min(1, { message: 'En az bir kart seçin' }).max(50),
      addAddressTo: idSchema.optional(),
    }),
    output: z.object({ ok: z.literal(true), addressAdded: z.boolean() }),
  }),
  'mail.unlink': defineCall({
    summary: 'Takes a mail off a card (a mail left on no card goes back to the unfiled list).',
    input: z.object({ id: idSchema, cardId: idSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'mail.dismiss': defineCall({
    summary: 'Takes an unfiled mail off the unfiled list without filing it (newsletters, spam).',
    input: z.object({ ids: z.array(idSchema).min(1).max(500) }),
    output: z.object({ changed: z.number() }),
  }),
  'mail.counts': defineCall({
    summary: 'Badges: unfiled mails, the acting user’s unread mail on cards they own, the team’s unread for managers.',
    input: z.object({}).default({}),
    output: z.object({ unfiled: z.number(), unreadMine: z.number(), unreadTeam: z.number() }),
  }),
};

export const mailEvents = {
  'mail.changed': defineEvent({
    summary: 'Mail was stored, filed, read or sent; lists and card timelines refetch.',
    payload: z.object({ accountId: z.string().nullable(), cardIds: z.array(z.string()) }),
  }),
  'mail.syncProgress': defineEvent({
    summary: 'The scan job’s progress on one folder of an account.',
    payload: z.object({
      accountId: z.string(),
      folder: z.string(),
      /** first: the window being fetched; incremental: new mail; idle: waiting (IDLE). */
      phase: z.enum(['connecting', 'first', 'incremental', 'idle', 'error']),
      done: z.number(),
      total: z.number(),
    }),
  }),
  'mail.accountStatus': defineEvent({
    summary: 'An account’s status changed (syncing, error with its reason, idle).',
    payload: z.object({ accountId: z.string(), status: z.enum(MAIL_ACCOUNT_STATUSES), detail: z.string().nullable() }),
  }),
};
