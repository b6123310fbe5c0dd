/**
 * The outbox worker: per account, one message at a time, rate-limited, through the steps of outbox-store.ts. It
 * runs inside the app (startOutboxJob) and to the end inside the CLI (runOutboxToEnd). Pause, resume and cancel are
 * read from the database between messages; the message in flight always finishes and is recorded.
 */
import type { ImapFlow } from 'imapflow';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/connection';
import type { EventBus } from '../../core/events';
import type { SecretBox } from '../../core/secret-box';
import { log } from '../../core/log';
import nodemailer from 'nodemailer';
import { accountSettings, connectImap, smtpOptions } from '../../services/mail/accounts/connection-options';
import { recordSentMail } from '../../services/mail/record-sent-mail';
import { getMailing } from '../../services/mailings/mailing-reads';
import { placeholderValues, renderTemplate } from '../../services/mailings/render/placeholders';
import { resolveCard } from '../../services/mailings/recipients';
import { smsAccountCredentials } from '../../services/mailings/sms/sms-accounts';
import { smsProvider } from '../../services/mailings/sms/providers';
import { SmsSendError, type SmsProvider } from '../../services/mailings/sms/provider';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { composeMail, sentRecord, type OutgoingMail } from './compose-mail';
import { appendSentCopy } from './sent-folder';
import { TokenBucket } from './token-bucket';
import { crashHookAfterSent } from './crash-hook';
import {
  accountsWithWork,
  keyOf,
  mailAccountRow,
  markFailed,
  markInterruptedUncertain,
  markRetry,
  markSending,
  markSent,
  noteAccountProblem,
  noteOnSent,
  pendingRows,
  recipientNames,
  smsRate,
  type AccountKey,
  type OutboxRow,
} from './outbox-store';

export interface OutboxDeps {
  db: Db;
  secrets: SecretBox;
  events: EventBus;
  now: () => Date;
  /** Milliseconds for the rate limit and backoff; injected in tests. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Copy sent mail into the account's sent folder (IMAP APPEND). */
  appendToSent?: boolean;
}

/** Temporary failures are tried this many times in all, waiting longer each time. */
export const MAX_ATTEMPTS = 5;
const backoffMs = (attempts: number) => Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
const PROGRESS_EVERY_MS = 250;

class Fatal extends Error {}

/** What went wrong, in the server's own words where there are any; whether trying again can help. */
function classify(err: unknown): { message: string; permanent: boolean; connection: boolean } {
  if (err instanceof SmsSendError) return { message: err.message, permanent: err.permanent, connection: false };
  const e = err as { response?: string; responseCode?: number; permanent?: boolean; message?: string; code?: string };
  if (e.responseCode) {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return { message: e.response ?? e.message ?? String(e.responseCode), permanent, connection: false };
  }
  const message = `Sunucuya bağlanılamadı (${e.code ?? 'bağlantı hatası'}): ${e.message ?? ''}`.trim();
  // A wrong login is not going to fix itself by waiting, but it is the account's problem, not the recipient's.
  return { message, permanent: false, connection: true };
}

export class OutboxRunner {
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly workers = new Map<string, Promise<void>>();
  /** Row id → not before (ms): rows waiting after a temporary failure. */
  private readonly notBefore = new Map<string, number>();
  /** Account key → not before (ms): the connection failed, the whole account waits. */
  private readonly accountPause = new Map<string, number>();
  private readonly lastProgress = new Map<string, number>();
  private readonly footers = new Map<string, { id: string; name: string }[]>();
  private stopped = false;

  constructor(private readonly deps: OutboxDeps) {
    this.clock = deps.clock ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Rows left in `sending` by a crash become `uncertain`. Call once, before the first run. */
  recover(): number {
    const n = markInterruptedUncertain(this.deps.db, this.deps.now().toISOString());
    if (n > 0) log.warn('outbox: rows interrupted mid-send marked uncertain', { count: n });
    return n;
  }

  stop(): Promise<void> {
    this.stopped = true;
    return Promise.all(this.workers.values()).then(() => undefined);
  }

  /** Starts a worker for every account with work that has none running; resolves when these are done. */
  async runOnce(): Promise<void> {
    if (this.stopped) return;
    const keys = accountsWithWork(this.deps.db, this.deps.now().toISOString());
    const running = keys.map((key) => {
      const id = keyOf(key);
      let worker = this.workers.get(id);
      if (!worker) {
        worker = this.work(key).finally(() => this.workers.delete(id));
        this.workers.set(id, worker);
      }
      return worker;
    });
    await Promise.all(running);
  }

  /** The earliest time (ms) a waiting row or account may go again, or null when nothing waits. */
  nextWake(): number | null {
    const times = [...this.notBefore.values(), ...this.accountPause.values()];
    return times.length ? Math.min(...times) : null;
  }

  /** Works until nothing is left to send, waiting out backoffs (the CLI, tests). */
  async runToEnd(): Promise<void> {
    for (;;) {
      await this.runOnce();
      if (this.stopped) return;
      if (accountsWithWork(this.deps.db, this.deps.now().toISOString()).length === 0) return;
      const wake = this.nextWake();
      if (wake !== null) await this.sleep(Math.max(0, wake - this.clock()));
    }
  }

  private async work(key: AccountKey): Promise<void> {
    const id = keyOf(key);
    const paused = this.accountPause.get(id);
    if (paused !== undefined && paused > this.clock()) return;
    this.accountPause.delete(id);
    const sender = key.channel === 'email' ? this.mailSender(key.accountId) : this.smsSender(key.accountId);
    const rate =
      key.channel === 'email'
        ? (mailAccountRow(this.deps.db, key.accountId)?.ratePerMinute ?? 60)
        : smsRate(this.deps.db, key.accountId);
    const bucket = new TokenBucket(rate, this.clock);
    try {
      for (;;) {
        if (this.stopped) return;
        const row = pendingRows(this.deps.db, key, 50).find((r) => (this.notBefore.get(r.id) ?? 0) <= this.clock());
        if (!row) return;
        const wait = bucket.tryTake();
        if (wait > 0) {
          await this.sleep(wait);
          continue;
        }
        const outcome = await this.sendOne(row, sender);
        if (outcome === 'connection') {
          this.accountPause.set(id, this.clock() + backoffMs(row.attempts + 1));
          return;
        }
      }
    } finally {
      await sender.close();
    }
  }

  private async sendOne(row: OutboxRow, sender: Sender): Promise<'ok' | 'connection'> {
    const { db } = this.deps;
    if (!markSending(db, row, this.deps.now().toISOString())) return 'ok';
    this.progress(row.mailingId, true);
    try {
      const done = await sender.send(row);
      const closed = markSent(db, row, this.deps.now().toISOString(), done.storeCopy);
      this.notBefore.delete(row.id);
      crashHookAfterSent();
      this.progress(row.mailingId, closed);
      await done.afterCommit?.();
      return 'ok';
    } catch (err) {
      if (err instanceof Fatal) throw err;
      const at = this.deps.now().toISOString();
      const { message, permanent, connection } = classify(err);
      if (permanent || row.attempts + 1 >= MAX_ATTEMPTS) {
        const closed = markFailed(db, row, message, at);
        this.notBefore.delete(row.id);
        this.progress(row.mailingId, closed);
        return 'ok';
      }
      markRetry(db, row, message, at);
      this.notBefore.set(row.id, this.clock() + backoffMs(row.attempts + 1));
      this.progress(row.mailingId, false);
      if (connection && sender.accountId) noteAccountProblem(db, sender.accountId, `Gönderim: ${message}`);
      return connection ? 'connection' : 'ok';
    }
  }

  private progress(mailingId: string, force: boolean): void {
    const now = this.clock();
    if (!force && now - (this.lastProgress.get(mailingId) ?? 0) < PROGRESS_EVERY_MS) return;
    this.lastProgress.set(mailingId, now);
    const m = getMailing(this.deps.db, mailingId);
    this.deps.events.emit('mailings.progress', { id: m.id, status: m.status, counts: m.counts, total: m.total });
  }

  /** The text of one row: the template with this recipient's values, and the footer naming the others. */
  private render(row: OutboxRow, channel: 'email' | 'sms'): { subject: string; text: string } {
    const card = row.cardId ? resolveCard(this.deps.db, row.cardId, channel) : null;
    const facts = card?.facts ?? { kind: 'address' as const, name: row.name };
    const values = {
      ...placeholderValues(facts, row.referenceNo, todayInIstanbul(this.deps.now())),
      // Fixed when queued: the salutation the preview showed, whatever the card says now.
      hitap: row.salutation,
    };
    let text = renderTemplate(row.body, values);
    if (row.listOthers) {
      let names = this.footers.get(row.mailingId);
      if (!names) this.footers.set(row.mailingId, (names = recipientNames(this.deps.db, row.mailingId)));
      const others = names.filter((n) => n.id !== row.id).map((n) => n.name);
      if (others.length) text += `\n\n--\nBu ileti ayrıca şu kişilere gönderildi: ${others.join(', ')}.`;
    }
    return { subject: renderTemplate(row.subject, values).replace(/\s+/g, ' ').trim(), text };
  }

  private mailSender(accountId: string): Sender {
    const { db, secrets } = this.deps;
    const account = mailAccountRow(db, accountId);
    let transport: Transporter | undefined;
    let imap: ImapFlow | undefined;
    let appendBroken: string | null = null;
    const appendWanted = this.deps.appendToSent !== false;

    const append = async (raw: Buffer, messageId: string, rowId: string) => {
      if (!appendWanted || !account) return;
      const at = () => this.deps.now().toISOString();
      if (appendBroken) return noteOnSent(db, rowId, appendBroken, at());
      // One retry on a fresh connection; the Message-ID search keeps a copy that did land from being doubled.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          imap ??= await connectImap(db, secrets, accountId);
          await appendSentCopy(imap, account.sentFolder, raw, messageId);
          return;
        } catch (err) {
          await imap?.logout().catch(() => undefined);
          imap = undefined;
          if (attempt === 2) {
            appendBroken = `Gönderildi; «${account.sentFolder}» klasörüne kopyalanamadı: ${(err as Error).message}`;
            noteOnSent(db, rowId, appendBroken, at());
          }
        }
      }
    };

    return {
      accountId,
      send: async (row) => {
        if (!account) throw new Fatal('mail account gone');
        const { subject, text } = this.render(row, 'email');
        const mail: OutgoingMail = {
          from: { name: account.displayName ?? '', address: account.address },
          to: { name: row.name === row.address ? '' : row.name, address: row.address },
          subject,
          text,
          messageId: row.messageIdHeader,
          referenceNo: row.referenceNo,
          inReplyTo: row.inReplyTo,
          references: row.inReplyTo ? [row.inReplyTo] : [],
          documentIds: JSON.parse(row.documentIdsJson) as string[],
          date: this.deps.now(),
        };
        const { raw, html } = await composeMail(db, mail);
        // One pooled connection per account for the whole run: a mailing is hundreds of messages, and a fresh
        // connection (greeting, TLS, login) for each would cost more than the messages.
        transport ??= nodemailer.createTransport({
          ...smtpOptions(accountSettings(db, secrets, accountId)),
          pool: true,
          maxConnections: 1,
        });
        await transport.sendMail({ envelope: { from: account.address, to: [row.address] }, raw });
        return {
          storeCopy: () =>
            storeCopy(db, sentRecord(mail, html, accountId, row.cardId), {
              userId: row.createdBy ?? systemUser(db),
              at: mail.date.toISOString(),
            }),
          afterCommit: () => append(raw, row.messageIdHeader, row.id),
        };
      },
      close: async () => {
        transport?.close();
        await imap?.logout().catch(() => undefined);
      },
    };
  }

  private smsSender(accountId: string): Sender {
    let provider: { api: SmsProvider; sender: string } | undefined;
    return {
      accountId: null,
      send: async (row) => {
        if (!provider) {
          const {
            provider: name,
            sender,
            credentials,
          } = smsAccountCredentials(this.deps.db, this.deps.secrets, accountId);
          provider = { api: smsProvider(name, credentials), sender };
        }
        const { text } = this.render(row, 'sms');
        await provider.api.send({ to: row.address, text, sender: provider.sender });
        return { storeCopy: () => ({ mailMessageId: null, problem: null }) };
      },
      close: () => Promise.resolve(),
    };
  }
}

interface Sender {
  /** The mail account (for its status line); null for SMS. */
  accountId: string | null;
  send(row: OutboxRow): Promise<{
    storeCopy: () => { mailMessageId: string | null; problem: string | null };
    afterCommit?: () => Promise<void>;
  }>;
  close(): Promise<void>;
}

/**
 * The stored copy on the card, inside the "sent" transaction. Its own savepoint: if storing fails the mail still
 * counts as sent (it did go out; sending it again would be the worse mistake) and the row says what is missing.
 */
function storeCopy(db: Db, record: ReturnType<typeof sentRecord>, stamp: { userId: string; at: string }) {
  try {
    const id = db.$client.transaction(() => recordSentMail(db, record, stamp))();
    return { mailMessageId: id, problem: null };
  } catch (err) {
    log.error('outbox: storing the sent copy failed', { message: (err as Error).message });
    return { mailMessageId: null, problem: `Gönderildi; kopyası saklanamadı: ${(err as Error).message}` };
  }
}

/** For rows queued without a user (none today): the desk's first admin. */
function systemUser(db: Db): string {
  return db.$client
    .prepare(`select id from users order by (role = 'admin') desc, created_at limit 1`)
    .pluck()
    .get() as string;
}
