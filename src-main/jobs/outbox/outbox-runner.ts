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
import { factsForSending } from '../../services/mailings/recipients';
import { smsAccountCredentials } from '../../services/mailings/sms/sms-accounts';
import { smsProvider } from '../../services/mailings/sms/providers';
import type { SmsProvider } from '../../services/mailings/sms/provider';
import { todayInIstanbul } from '../../../src-shared/domain/dates';
import { composeMail, sentRecord, type OutgoingMail } from './compose-mail';
import { appendSentCopy } from './sent-folder';
import { TokenBucket } from './token-bucket';
import { crashHookAfterSent } from './crash-hook';
import { AccountUnavailable, classifySendError, MessageUnbuildable, type SendOutcome } from './send-outcome';
import {
  accountsWithWork,
  clearAccountProblem,
  clearSmsProblem,
  keyOf,
  mailAccountRow,
  markFailed,
  markInterruptedUncertain,
  markRetry,
  markSending,
  markSent,
  markUncertain,
  nextPendingRow,
  noteAccountProblem,
  noteSmsProblem,
  noteOnSent,
  recipientNames,
  SEND_PROBLEM_PREFIX,
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
  /** Only this mailing's rows (the CLI's `mail send`: its own mail, nobody else's). */
  onlyMailing?: string | null;
  /** How old a `sending` row must be before recovery calls it interrupted (see SENDING_LEASE_MS). */
  leaseMs?: number;
}

/** Temporary refusals of one recipient are tried this many times in all, waiting longer each time. */
export const MAX_ATTEMPTS = 5;
const backoffMs = (attempts: number) => Math.min(10 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
const PROGRESS_EVERY_MS = 250;
/** Waits between tries of the 'sent' commit when the file is busy (another desk, a backup): about a minute in all. */
const SENT_COMMIT_WAITS_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export class OutboxRunner {
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly workers = new Map<string, Promise<void>>();
  /** Accounts signalled while their worker was finishing: started again when it ends. */
  private readonly kickAgain = new Set<string>();
  /** Row id → not before (ms): rows waiting after a temporary refusal. */
  private readonly notBefore = new Map<string, number>();
  /** Account key → not before (ms): the account had a problem, its work waits. */
  private readonly accountPause = new Map<string, number>();
  /** Account key → consecutive account problems, for the backoff. */
  private readonly accountFailures = new Map<string, number>();
  /** Account key → why it waits, for the CLI's answer. */
  readonly accountProblems = new Map<string, string>();
  /** Per account for the runner's life, so a worker started again does not get a fresh burst. */
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly lastProgress = new Map<string, number>();
  /** Mailing id → the progress line held back by the throttle, sent when its window ends. */
  private readonly trailingProgress = new Map<string, NodeJS.Timeout>();
  private readonly footers = new Map<string, { id: string; name: string }[]>();
  private stopped = false;
  /** Waits under way (rate limit, backoff): stop() ends them early, so quitting never waits a minute. */
  private readonly waits = new Set<() => void>();

  constructor(private readonly deps: OutboxDeps) {
    this.clock = deps.clock ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** A wait that stop() cuts short. */
  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        this.waits.delete(done);
        resolve();
      };
      this.waits.add(done);
      void this.sleep(ms).then(done);
    });
  }

  private get onlyMailing(): string | null {
    return this.deps.onlyMailing ?? null;
  }

  /** Rows left in `sending` by a process that died become `uncertain`. Call once, before the first run. */
  recover(): number {
    const n = markInterruptedUncertain(this.deps.db, this.deps.now(), this.deps.leaseMs);
    if (n > 0) log.warn('outbox: rows interrupted mid-send marked uncertain', { count: n });
    return n;
  }

  stop(): Promise<void> {
    this.stopped = true;
    for (const done of [...this.waits]) done();
    for (const timer of this.trailingProgress.values()) clearTimeout(timer);
    this.trailingProgress.clear();
    return Promise.all(this.workers.values()).then(() => undefined);
  }

  /**
   * Starts a worker for every account with work that has none running, and returns at once: each account works
   * on its own, so a long mailing on one never delays another account or SMS.
   */
  kick(): void {
    if (this.stopped) return;
    for (const key of accountsWithWork(this.deps.db, this.deps.now().toISOString(), this.onlyMailing)) {
      const id = keyOf(key);
      if (this.workers.has(id)) {
        log.debug('outbox', 'kick: worker busy, again when it ends', { account: id });
        this.kickAgain.add(id);
        continue;
      }
      log.debug('outbox', 'kick: worker starts', { account: id });
      const worker = this.work(key)
        .catch((err: unknown) => log.error('outbox: worker failed', { account: id, message: (err as Error).message }))
        .finally(() => {
          this.workers.delete(id);
          if (this.kickAgain.delete(id)) this.kick();
        });
      this.workers.set(id, worker);
    }
  }

  /** An account was saved (a new password, a fixed host): its wait after a problem ends, it is tried at once. */
  accountChanged(accountId: string): void {
    for (const channel of ['email', 'sms'] as const) {
      const id = keyOf({ channel, accountId });
      this.accountPause.delete(id);
      this.accountFailures.delete(id);
    }
  }

  /** Starts the workers and waits until every worker running is done (tests, the CLI). */
  async runOnce(): Promise<void> {
    this.kick();
    while (this.workers.size > 0) await Promise.all(this.workers.values());
  }

  /** The earliest time (ms) a waiting row or account may go again, or null when nothing waits. */
  nextWake(): number | null {
    const times = [...this.notBefore.values(), ...this.accountPause.values()];
    return times.length ? Math.min(...times) : null;
  }

  /**
   * Works until nothing is left to send, waiting out backoffs (tests). With `onlyMailing` (the CLI), an account
   * problem ends the run: the rows stay queued and `accountProblems` says why, instead of waiting for ever.
   */
  async runToEnd(): Promise<void> {
    try {
      for (;;) {
        await this.runOnce();
        if (this.stopped) return;
        if (accountsWithWork(this.deps.db, this.deps.now().toISOString(), this.onlyMailing).length === 0) return;
        if (this.onlyMailing && this.accountProblems.size > 0) return;
        const wake = this.nextWake();
        if (wake !== null) await this.pause(Math.max(0, wake - this.clock()));
      }
    } finally {
      // The caller closes the database next: a progress line still held back goes out now, not from a timer later.
      this.flushProgress();
    }
  }

  /** Sends every progress line the throttle holds back, at once. */
  private flushProgress(): void {
    for (const mailingId of [...this.trailingProgress.keys()]) this.safely(() => this.progress(mailingId, true));
  }

  /** Row ids still in their backoff; expired ones are forgotten. */
  private waitingRows(): string[] {
    const now = this.clock();
    for (const [id, at] of this.notBefore) if (at <= now) this.notBefore.delete(id);
    return [...this.notBefore.keys()];
  }

  private async work(key: AccountKey): Promise<void> {
    const id = keyOf(key);
    const paused = this.accountPause.get(id);
    if (paused !== undefined && paused > this.clock()) {
      log.debug('outbox', 'worker: account paused', { account: id, forMs: paused - this.clock() });
      return;
    }
    this.accountPause.delete(id);
    const sender = key.channel === 'email' ? this.mailSender(key.accountId) : this.smsSender(key.accountId);
    let bucket = this.buckets.get(id);
    if (!bucket) {
      const rate =
        key.channel === 'email'
          ? (mailAccountRow(this.deps.db, key.accountId)?.ratePerMinute ?? 60)
          : smsRate(this.deps.db, key.accountId);
      this.buckets.set(id, (bucket = new TokenBucket(rate, this.clock)));
    }
    try {
      for (;;) {
        if (this.stopped) return;
        const row = nextPendingRow(this.deps.db, key, this.waitingRows(), this.onlyMailing);
        if (!row) {
          log.debug('outbox', 'worker: nothing left', { account: id });
          return;
        }
        const wait = bucket.tryTake();
        if (wait > 0) {
          log.debug('outbox', 'worker: rate limit wait', { account: id, ms: wait });
          await this.pause(wait);
          continue;
        }
        if ((await this.sendOne(key, row, sender)) === 'account') return;
      }
    } finally {
      await sender.close().catch(() => undefined);
    }
  }

  /**
   * One row through its steps. Only the send itself sits in the error-classifying catch: once the server has
   * taken the message, nothing that goes wrong afterwards (a busy file, the progress line, the Sent copy) may
   * put the row back in the queue.
   */
  private async sendOne(key: AccountKey, row: OutboxRow, sender: Sender): Promise<'ok' | 'account'> {
    const { db } = this.deps;
    if (!markSending(db, row, this.deps.now().toISOString())) return 'ok';
    log.debug('outbox', 'row: sending', { row: row.id });
    this.safely(() => this.progress(row.mailingId, true));
    let done: Awaited<ReturnType<Sender['send']>>;
    try {
      done = await sender.send(row);
    } catch (err) {
      const outcome = classifySendError(err, sender.handedOver());
      log.debug('outbox', 'row: send failed', { row: row.id, outcome: outcome.kind, message: (err as Error).message });
      return this.failed(key, row, outcome);
    }
    log.debug('outbox', 'row: server took it', { row: row.id });

    let copy: { mailMessageId: string | null; problem: string | null } | undefined;
    const closed = await this.commitSent(row, () => (copy = done.storeCopy()));
    if (closed === null) return 'ok';
    log.debug('outbox', 'row: sent recorded', { row: row.id });
    this.notBefore.delete(row.id);
    crashHookAfterSent();
    this.safely(() => this.accountRecovered(key));
    this.safely(() => this.progress(row.mailingId, closed));
    if (copy?.mailMessageId) {
      this.safely(() =>
        this.deps.events.emit('mail.changed', {
          accountId: key.accountId,
          cardIds: row.cardId ? [row.cardId] : [],
        }),
      );
    }
    try {
      await done.afterCommit?.();
    } catch (err) {
      log.warn('outbox: after-send step failed', { message: (err as Error).message });
    }
    return 'ok';
  }

  /**
   * The 'sent' commit, tried again while the file is busy. If it still cannot be written the row stays `sending`:
   * recovery later calls it uncertain, which is true enough and never sends it twice. Null then.
   */
  private async commitSent(row: OutboxRow, storeCopy: () => { mailMessageId: string | null; problem: string | null }) {
    for (let attempt = 0; ; attempt++) {
      try {
        return markSent(this.deps.db, row, this.deps.now().toISOString(), storeCopy);
      } catch (err) {
        const wait = SENT_COMMIT_WAITS_MS[attempt];
        if (wait === undefined) {
          log.error('outbox: sent but the database did not take it; the row stays in sending (uncertain later)', {
            message: (err as Error).message,
          });
          return null;
        }
        await this.sleep(wait);
      }
    }
  }

  private failed(key: AccountKey, row: OutboxRow, outcome: SendOutcome): 'ok' | 'account' {
    const { db } = this.deps;
    const at = this.deps.now().toISOString();
    switch (outcome.kind) {
      case 'failed':
        this.closeRow(row, markFailed(db, row, outcome.message, at));
        return 'ok';
      case 'uncertain':
        this.closeRow(row, markUncertain(db, row, outcome.message, at));
        return 'ok';
      case 'retry':
        if (row.attempts + 1 >= MAX_ATTEMPTS) {
          this.closeRow(row, markFailed(db, row, `${outcome.message} (${MAX_ATTEMPTS} deneme)`, at));
          return 'ok';
        }
        markRetry(db, row, outcome.message, at);
        this.notBefore.set(row.id, this.clock() + backoffMs(row.attempts + 1));
        this.safely(() => this.progress(row.mailingId, false));
        return 'ok';
      case 'account':
        // The row never reached a recipient stage: back in the queue as it was, the account waits.
        markRetry(db, row, null, at, true);
        // The problem is written first, so the screens that refetch on the progress line see it.
        this.accountProblem(key, outcome.message);
        this.safely(() => this.progress(row.mailingId, true));
        return 'account';
    }
  }

  private closeRow(row: OutboxRow, closed: boolean): void {
    this.notBefore.delete(row.id);
    this.safely(() => this.progress(row.mailingId, closed));
  }

  private accountProblem(key: AccountKey, message: string): void {
    const id = keyOf(key);
    const failures = (this.accountFailures.get(id) ?? 0) + 1;
    this.accountFailures.set(id, failures);
    this.accountPause.set(id, this.clock() + backoffMs(failures));
    this.accountProblems.set(id, message);
    log.warn('outbox: account cannot send now; its rows wait', { account: id, message });
    if (key.channel === 'email' && noteAccountProblem(this.deps.db, key.accountId, message)) {
      this.deps.events.emit('mail.accountStatus', {
        accountId: key.accountId,
        status: 'error',
        detail: `${SEND_PROBLEM_PREFIX}${message}`,
      });
    }
    if (key.channel === 'sms') noteSmsProblem(this.deps.db, key.accountId, message);
  }

  private accountRecovered(key: AccountKey): void {
    const id = keyOf(key);
    this.accountFailures.delete(id);
    this.accountProblems.delete(id);
    if (key.channel === 'email' && clearAccountProblem(this.deps.db, key.accountId)) {
      this.deps.events.emit('mail.accountStatus', { accountId: key.accountId, status: 'idle', detail: null });
    }
    if (key.channel === 'sms') clearSmsProblem(this.deps.db, key.accountId);
  }

  /** Steps after the send whose failure must not touch the row (progress lines, events). */
  private safely(step: () => void): void {
    try {
      step();
    } catch (err) {
      log.warn('outbox: side step failed', { message: (err as Error).message });
    }
  }

  /**
   * Tells the screens where a mailing stands, at most every PROGRESS_EVERY_MS unless forced. A line held back is
   * sent when the window ends: dropping it would leave a screen on the state before (a row shown "sending" for as
   * long as a slow account waits for its next message).
   */
  private progress(mailingId: string, force: boolean): void {
    const since = this.clock() - (this.lastProgress.get(mailingId) ?? 0);
    if (!force && since < PROGRESS_EVERY_MS) {
      if (!this.trailingProgress.has(mailingId) && !this.stopped) {
        const timer = setTimeout(
          () => {
            this.trailingProgress.delete(mailingId);
            this.safely(() => this.progress(mailingId, true));
          },
          Math.min(PROGRESS_EVERY_MS, Math.max(1, PROGRESS_EVERY_MS - since)),
        );
        timer.unref();
        this.trailingProgress.set(mailingId, timer);
      }
      return;
    }
    clearTimeout(this.trailingProgress.get(mailingId));
    this.trailingProgress.delete(mailingId);
    this.lastProgress.set(mailingId, this.clock());
    const m = getMailing(this.deps.db, mailingId);
    this.deps.events.emit('mailings.progress', { id: m.id, status: m.status, counts: m.counts, total: m.total });
  }

  /** The text of one row: the template with this recipient's values, and the footer naming the others. */
  private render(row: OutboxRow): { subject: string; text: string } {
    // The card as it is now, even if it was binned after the start: the recipient was fixed then.
    const facts = (row.cardId ? factsForSending(this.deps.db, row.cardId) : null) ?? {
      kind: 'address' as const,
      name: row.name,
    };
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
    let account = mailAccountRow(db, accountId);
    let transport: Transporter | undefined;
    // Set when the server answered DATA with 354: from then on a dropped connection may have delivered the mail.
    let handedOver = false;
    const watchData = dataWatcher(() => (handedOver = true));
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
      handedOver: () => handedOver,
      send: async (row) => {
        handedOver = false;
        // Read again for each message: the account may have been switched off or removed during a mailing.
        account = mailAccountRow(db, accountId);
        if (!account || account.deletedAt)
          throw new AccountUnavailable('E-posta hesabı kaldırılmış: gönderimler bekliyor');
        if (!account.enabled) throw new AccountUnavailable('E-posta hesabı kapalı: gönderimler bekliyor');
        const { subject, text } = this.render(row);
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
        let composed: { raw: Buffer; html: string | null };
        try {
          composed = await composeMail(db, mail);
        } catch (err) {
          throw new MessageUnbuildable(`İleti hazırlanamadı: ${(err as Error).message}`);
        }
        const { raw, html } = composed;
        log.debug('outbox', 'row: composed', { row: row.id, bytes: raw.length, pooled: transport !== undefined });
        // One pooled connection per account for the whole run: a mailing is hundreds of messages, and a fresh
        // connection (greeting, TLS, login) for each would cost more than the messages.
        if (!transport) {
          let settings: ReturnType<typeof accountSettings>;
          try {
            settings = accountSettings(db, secrets, accountId);
          } catch (err) {
            throw new AccountUnavailable(`Hesap ayarları okunamadı: ${(err as Error).message}`);
          }
          transport = nodemailer.createTransport({
            ...smtpOptions(settings),
            pool: true,
            maxConnections: 1,
            // Only the server's replies are looked at (for 354), in memory; nothing is written anywhere.
            logger: watchData,
            transactionLog: true,
          });
        }
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
        transport = undefined;
        await imap?.logout().catch(() => undefined);
      },
    };
  }

  private smsSender(accountId: string): Sender {
    let provider: { api: SmsProvider; sender: string } | undefined;
    return {
      // An SMS request's fate is in its error (SmsSendError.scope).
      handedOver: () => false,
      send: async (row) => {
        // Checked for each message (refuses a disabled or removed account): the account may change mid-mailing.
        const {
          provider: name,
          sender,
          credentials,
        } = smsAccountCredentials(this.deps.db, this.deps.secrets, accountId);
        provider = { api: smsProvider(name, credentials), sender };
        const { text } = this.render(row);
        await provider.api.send({ to: row.address, text, sender: provider.sender });
        return { storeCopy: () => ({ mailMessageId: null, problem: null }) };
      },
      close: () => Promise.resolve(),
    };
  }
}

interface Sender {
  /** Whether the last send's message had been handed to the server (354 to DATA) when it failed. */
  handedOver(): boolean;
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

/**
 * A nodemailer logger that only watches the server's replies for "354" (go ahead with the message). Nothing is
 * kept or written: the client side (with the login) is ignored.
 */
function dataWatcher(onData: () => void) {
  const ignore = () => undefined;
  return {
    level: ignore,
    trace: ignore,
    info: (entry: { tnx?: string } | undefined, message?: unknown) => {
      if (entry?.tnx === 'network') log.debug('outbox', 'smtp network', { line: String(message).slice(0, 120) });
    },
    warn: ignore,
    error: (entry: { tnx?: string } | undefined, message?: unknown) =>
      log.debug('outbox', 'smtp error', { tnx: entry?.tnx, line: String(message).slice(0, 160) }),
    fatal: ignore,
    debug: (entry: { tnx?: string } | undefined, message?: unknown) => {
      if (entry?.tnx !== 'server' || typeof message !== 'string') return;
      // The server's side only: the client's lines carry the login.
      log.debug('outbox', 'smtp server', { reply: message.slice(0, 120) });
      if (message.startsWith('354')) onData();
    },
  };
}

/** For rows queued without a user (none today): the desk's first admin. */
function systemUser(db: Db): string {
  return db.$client
    .prepare(`select id from users order by (role = 'admin') desc, created_at limit 1`)
    .pluck()
    .get() as string;
}
