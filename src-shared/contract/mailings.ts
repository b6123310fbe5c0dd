/**
 * The sending slice: single mails and SMS, mailings to a segment's members (each recipient their own message,
 * personal salutation, unique reference number), templates with placeholders, SMS provider accounts.
 * Everything sent goes through one outbox (`mailing_recipients`) that a job works through: resumable,
 * idempotent, rate-limited per account, pausable and cancellable; who got what is kept for ever.
 */
import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { idSchema, optionalText, pageInput, requiredText } from './common';

export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const MAILING_STATUSES = ['draft', 'queued', 'sending', 'paused', 'cancelled', 'done'] as const;
export type MailingStatus = (typeof MAILING_STATUSES)[number];
export const RECIPIENT_STATUSES = ['pending', 'sending', 'sent', 'uncertain', 'failed', 'cancelled'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/**
 * Placeholders a template may use; unknown ones are refused with their name. {unvan} is the person's title
 * ("Dr.", or "Bay"/"Bayan" when the card has none), {referans} the recipient's reference number.
 */
export const PLACEHOLDERS = ['hitap', 'unvan', 'ad', 'soyad', 'adsoyad', 'kurum', 'referans', 'tarih'] as const;

export const templateFields = z.object({
  name: requiredText(100, 'Şablon adı'),
  channel: z.enum(CHANNELS),
  subject: z.string().trim().max(300).default(''),
  body: requiredText(100_000, 'Metin'),
});

export const templateOut = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(CHANNELS),
  subject: z.string(),
  body: z.string(),
  updatedAt: z.string(),
});

/** A recipient named by hand: a card (its primary address or phone, or the one given) or a bare address/number. */
export const recipientInput = z.object({
  cardId: idSchema.optional(),
  /** E-mail address or phone number; optional when cardId is given. */
  address: optionalText(320),
  name: optionalText(200),
});

export const sendInput = z.object({
  channel: z.enum(CHANNELS).default('email'),
  /** Mail account (email) or SMS account (sms); the first enabled one when left out. */
  accountId: idSchema.optional(),
  to: z.array(recipientInput).min(1, { message: 'En az bir alıcı gerekli' }).max(100),
  subject: z.string().trim().max(300).default(''),
  /** Text with placeholders, rendered for each recipient. */
  body: requiredText(100_000, 'Metin'),
  documentIds: z.array(idSchema).max(20).default([]),
  /** The mail being answered (mail_messages id): the reply threads with it. */
  replyTo: idSchema.optional(),
});

export const mailingDraftInput = z.object({
  channel: z.enum(CHANNELS),
  accountId: idSchema.optional(),
  segmentId: idSchema,
  subject: z.string().trim().max(300).default(''),
  body: requiredText(100_000, 'Metin'),
  documentIds: z.array(idSchema).max(20).default([]),
  listOthers: z.boolean().default(false),
});

export const mailingOut = z.object({
  id: z.string(),
  channel: z.enum(CHANNELS),
  kind: z.enum(['single', 'mailing']),
  accountId: z.string().nullable(),
  segmentId: z.string().nullable(),
  segmentName: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  listOthers: z.boolean(),
  status: z.enum(MAILING_STATUSES),
  total: z.number(),
  counts: z.record(z.enum(RECIPIENT_STATUSES), z.number()),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type MailingOut = z.infer<typeof mailingOut>;

export const recipientOut = z.object({
  id: z.string(),
  cardId: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  salutation: z.string(),
  referenceNo: z.string(),
  status: z.enum(RECIPIENT_STATUSES),
  error: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const SMS_PROVIDERS = ['netgsm', 'local-gateway'] as const;
export const smsAccountFields = z.object({
  name: requiredText(100, 'Hesap adı'),
  provider: z.enum(SMS_PROVIDERS),
  apiUrl: z.url({ message: 'Geçerli bir adres (https://…) olmalı' }),
  username: requiredText(200, 'Kullanıcı adı'),
  password: z.string().min(1).max(1000).optional(),
  sender: requiredText(11, 'Gönderici adı (başlık)'),
  ratePerMinute: z.number().int().min(1).max(600).default(60),
  enabled: z.boolean().default(true),
});
export const smsAccountOut = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.enum(SMS_PROVIDERS),
  apiUrl: z.string(),
  username: z.string(),
  sender: z.string(),
  ratePerMinute: z.number(),
  enabled: z.boolean(),
  /** Why its messages wait (the provider refused the login…); null while it sends. */
  sendProblem: z.string().nullable(),
});

/** One recipient's rendering, for the preview before sending. */
export const renderedPreview = z.object({
  name: z.string(),
  address: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  /** Why this recipient would be left out (no address, bounced address…); null when they get it. */
  skipReason: z.string().nullable(),
  /** SMS only: the encoding the text needs and how many parts it costs (Turkish letters, emoji…). */
  sms: z
    .object({ encoding: z.enum(['gsm7', 'gsm7-tr', 'ucs2']), units: z.number(), parts: z.number() })
    .nullable()
    .optional(),
});

export const mailingsCalls = {
  'mail.templates.list': defineCall({
    summary: 'Templates of a channel.',
    input: z.object({ channel: z.enum(CHANNELS).optional() }).default({}),
    output: z.array(templateOut),
  }),
  'mail.templates.save': defineCall({
    summary: 'Adds or changes a template; unknown placeholders are refused with their name.',
    input: z.object({ id: idSchema.optional(), fields: templateFields }),
    output: templateOut,
  }),
  'mail.templates.remove': defineCall({
    summary: 'Deletes a template (mail already sent keeps its own text).',
    input: z.object({ id: idSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'mail.preview': defineCall({
    summary:
      'Renders a single mail/SMS or a mailing draft for its first recipients, with who would be left out and why.',
    input: z.union([
      sendInput.extend({ mode: z.literal('single') }),
      mailingDraftInput.extend({ mode: z.literal('mailing') }),
    ]),
    output: z.object({ total: z.number(), skipped: z.number(), samples: z.array(renderedPreview) }),
  }),
  'mail.send': defineCall({
    summary: 'Queues a single mail or SMS to a few recipients; the send job delivers it (stored, linked to the cards).',
    input: sendInput,
    output: z.object({ mailingId: z.string() }),
  }),
  'mailings.create': defineCall({
    summary: 'Creates a mailing draft from a segment (members are counted now, fixed when it starts).',
    input: mailingDraftInput,
    output: mailingOut,
  }),
  'mailings.start': defineCall({
    summary: 'Evaluates the segment now, fixes the recipient list (each with a reference number) and starts sending.',
    input: z.object({ id: idSchema }),
    output: mailingOut,
  }),
  'mailings.pause': defineCall({
    summary: 'Pauses a sending mailing after the message in flight.',
    input: z.object({ id: idSchema }),
    output: mailingOut,
  }),
  'mailings.resume': defineCall({
    summary: 'Resumes a paused mailing where it stopped.',
    input: z.object({ id: idSchema }),
    output: mailingOut,
  }),
  'mailings.cancel': defineCall({
    summary: 'Cancels the rest of a mailing; who already got it stays recorded.',
    input: z.object({ id: idSchema }),
    output: mailingOut,
  }),
  'mailings.resendUncertain': defineCall({
    summary: 'Sends again to recipients whose send was interrupted (uncertain): only when the user says so.',
    input: z.object({ id: idSchema, recipientIds: z.array(idSchema).max(1000).optional() }),
    output: mailingOut,
  }),
  'mailings.list': defineCall({
    summary: 'Mailings and single sends, newest first.',
    input: z.object({ kind: z.enum(['single', 'mailing']).optional(), ...pageInput }),
    output: z.object({ rows: z.array(mailingOut), total: z.number() }),
  }),
  'mailings.get': defineCall({
    summary: 'One mailing with its counts by status.',
    input: z.object({ id: idSchema }),
    output: mailingOut,
  }),
  'mailings.recipients': defineCall({
    summary: 'A page of a mailing’s recipients (the permanent record of who got it).',
    input: z.object({ id: idSchema, status: z.enum(RECIPIENT_STATUSES).optional(), ...pageInput }),
    output: z.object({ rows: z.array(recipientOut), total: z.number() }),
  }),
  'mailings.ofCard': defineCall({
    summary: 'What was sent to one card (mail and SMS), newest first.',
    input: z.object({ cardId: idSchema, ...pageInput }),
    output: z.object({
      rows: z.array(recipientOut.extend({ mailingId: z.string(), channel: z.enum(CHANNELS), subject: z.string() })),
      total: z.number(),
    }),
  }),
  'sms.accounts.list': defineCall({
    summary: 'SMS provider accounts.',
    input: z.object({}).default({}),
    output: z.array(smsAccountOut),
  }),
  'sms.accounts.save': defineCall({
    summary: 'Adds or changes an SMS provider account (credential sealed). Admins only.',
    input: z.object({ id: idSchema.optional(), fields: smsAccountFields }),
    output: smsAccountOut,
  }),
  'sms.accounts.remove': defineCall({
    summary: 'Removes an SMS account (history stays). Admins only.',
    input: z.object({ id: idSchema }),
    output: z.object({ ok: z.literal(true) }),
  }),
};

export const mailingsEvents = {
  'mailings.progress': defineEvent({
    summary: 'A mailing moved on: counts by status and its own status.',
    payload: z.object({
      id: z.string(),
      status: z.enum(MAILING_STATUSES),
      counts: z.record(z.enum(RECIPIENT_STATUSES), z.number()),
      total: z.number(),
    }),
  }),
};
