/**
 * The mail body job: reads the bodies of mail a large scan stored from its header block (the mail body queue) —
 * text, HTML, attachments as documents, the search row — in the scan's parse worker processes, a batch at a time,
 * each batch in one write transaction. Runs while the app is open (startMailBodies), woken by the scan and by
 * someone opening a queued mail (that one goes first); the CLI and tests run it to the end (drainMailBodies).
 * Why two steps: a first scan of a year of mail lists and links it on the cards in about half the time, and most of
 * that mail is never opened; the search finds it a little later.
 */
import type { KartotekApp } from '../../core/app';
import type { ServiceContext } from '../../core/context';
import { log } from '../../core/log';
import { writeTransaction } from '../../db/transaction';
import type { RunningJob } from '../background-jobs';
import { signalTextQueue } from '../../services/documents/text-extraction-signal';
import {
  completeBody,
  dropQueuedBody,
  takeQueuedBodies,
  type CompletedBody,
  type QueuedBody,
} from '../../services/mail/ingest/body-queue';
import { onMailBodiesSignal } from '../../services/mail/ingest/body-signal';
import { minimalParse } from '../../services/mail/ingest/minimal-parse';
import type { IncomingMail } from '../../services/mail/ingest/parsed-mail';
import { ParsePool } from '../mail-scan/parse-worker-pool';

/**
 * Bodies read and stored together (as the scan's groups: one commit per batch). 200 was no faster in the bench
 * (10.9 s against 10.6 s for 10,000) and would keep a mail someone opened waiting behind a longer batch.
 */
const BATCH = 50;
/** … and at most this many bytes of raw message in memory. */
const BATCH_BYTES = 8 * 1024 * 1024;

type JobContext = Pick<ServiceContext, 'db' | 'events' | 'now' | 'userId'>;

interface Launched {
  batch: QueuedBody[];
  parsed: Promise<IncomingMail[]>;
}

class BodyLoop {
  private pool: ParsePool | null = null;
  private stopped = false;
  private first: string | null = null;
  /** The batch the workers parse while the one before is stored. */
  private ahead: Launched | null = null;

  constructor(private readonly ctx: JobContext) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Someone opened this mail: its body is read in the next batch, first. */
  prioritise(messageId: string): void {
    this.first = messageId;
  }

  /**
   * Reads and stores one batch; how many bodies it took from the queue (0: empty, or stopped). The next batch is
   * handed to the workers before this one is stored, so they parse while this process writes.
   */
  async step(): Promise<number> {
    if (this.stopped) return 0;
    const current = this.ahead ?? this.launch(new Set());
    this.ahead = null;
    if (!current) return 0;
    this.ahead = this.launch(new Set(current.batch.map((b) => b.messageId)));
    const parsed = await current.parsed;
    // Stopped while the workers parsed: the database is about to close, write nothing more.
    if (this.stopped) return 0;
    this.announce(this.store(current.batch, parsed));
    return current.batch.length;
  }

  /** Takes the next batch from the queue (not those already being read) and hands it to the workers. */
  private launch(except: ReadonlySet<string>): Launched | null {
    const batch = takeQueuedBodies(this.ctx.db, { first: this.first, limit: BATCH, maxBytes: BATCH_BYTES, except });
    this.first = null;
    if (batch.length === 0) return null;
    const pool = (this.pool ??= new ParsePool());
    return { batch, parsed: Promise.all(batch.map((b) => pool.parse(b.raw))) };
  }

  /**
   * One transaction for the batch; if a mail's data makes it fail, each mail alone, so one bad mail cannot block
   * the queue. A database that cannot be written right now (busy, full, an I/O error) is not the mail's fault: that
   * error goes up, the queue stays as it is, and the job tries again later.
   */
  private store(batch: QueuedBody[], parsed: IncomingMail[]): CompletedBody[] {
    const stamp = { userId: this.ctx.userId, at: this.ctx.now().toISOString() };
    try {
      return writeTransaction(this.ctx.db, () =>
        batch.flatMap((b, i) => completeBody(this.ctx.db, b.messageId, parsed[i]!, stamp) ?? []),
      );
    } catch (err) {
      if (databaseUnavailable(err)) throw err;
      log.warn('mail bodies: a batch failed, storing one by one', { message: (err as Error).message });
    }
    const done: CompletedBody[] = [];
    batch.forEach((b, i) => {
      const fallback = () => minimalParse(b.raw, 'İletinin gövdesi saklanamadı; yalnız düz metni saklandı.');
      for (const mail of [parsed[i]!, fallback()]) {
        try {
          const completed = writeTransaction(this.ctx.db, () => completeBody(this.ctx.db, b.messageId, mail, stamp));
          if (completed) done.push(completed);
          return;
        } catch (err) {
          if (databaseUnavailable(err)) throw err;
          log.warn('mail bodies: a body could not be stored', {
            messageId: b.messageId,
            message: (err as Error).message,
          });
        }
      }
      // Not even the raw text: the mail keeps its headers, and leaves the queue rather than block it for ever.
      writeTransaction(this.ctx.db, () => dropQueuedBody(this.ctx.db, b.messageId));
    });
    return done;
  }

  /** After commit: the cards' screens refresh, new attachments go to text extraction. */
  private announce(done: CompletedBody[]): void {
    if (done.length === 0) return;
    const cardIds = [...new Set(done.flatMap((d) => d.cardIds))];
    this.ctx.events.emit('mail.changed', { accountId: null, cardIds });
    if (done.some((d) => d.textPending)) signalTextQueue(this.ctx.db);
  }

  /** The queue is empty: the workers go until there is work again. */
  async idle(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  /** After an error: the batch read ahead is dropped (its mails stay queued) and the workers go. */
  async reset(): Promise<void> {
    this.ahead = null;
    await this.idle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.reset();
  }
}

/** SQLite could not write now (busy, locked, disk full, I/O): the same write may well work later. */
function databaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(?:BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM)/.test(code);
}

/** After a failed round, the running job looks at the queue again this much later (or at the next signal). */
const RETRY_MS = 30_000;

const jobContext = (app: KartotekApp): JobContext => ({
  db: app.ctx.db,
  events: app.ctx.events,
  now: app.ctx.now,
  userId: app.ctx.userId,
});

/** Runs while the app is open: takes up what a crash left in the queue, then waits for the scan's signal. */
export function startMailBodies(app: KartotekApp): RunningJob {
  const ctx = jobContext(app);
  const loop = new BodyLoop(ctx);
  let signalled = true;
  let wake: (() => void) | null = null;
  const unsubscribe = onMailBodiesSignal(ctx.db, (messageId) => {
    if (messageId) loop.prioritise(messageId);
    signalled = true;
    wake?.();
  });

  async function run(): Promise<void> {
    let failed = false;
    while (!loop.isStopped) {
      signalled = false;
      try {
        while ((await loop.step()) > 0);
        await loop.idle();
        failed = false;
      } catch (err) {
        // The database could not be written (busy too long, disk full): the mails stay queued, tried again later.
        log.error('mail bodies failed', { message: (err as Error).message });
        failed = true;
        await loop.reset();
      }
      if (loop.isStopped || signalled) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (failed) setTimeout(resolve, RETRY_MS).unref();
      });
      wake = null;
    }
  }

  const running = run();
  return {
    stop: async () => {
      unsubscribe();
      const stopping = loop.stop();
      wake?.();
      await stopping;
      await running;
    },
  };
}

/** Reads every queued body, then ends. For `mail sync` and tests; the app runs startMailBodies. */
export async function drainMailBodies(app: KartotekApp): Promise<{ read: number }> {
  const loop = new BodyLoop(jobContext(app));
  let read = 0;
  try {
    for (let n; (n = await loop.step()) > 0;) read += n;
  } finally {
    await loop.stop();
  }
  return { read };
}
