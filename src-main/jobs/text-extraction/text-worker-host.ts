import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { log } from '../../core/log';
import type { ExtractResult } from './extract-types';
import { forkTextWorker } from './fork-text-worker';
import { MAX_EXTRACT_BYTES, type ExtractReply, type ExtractRequest } from './worker-protocol';

export interface WorkerLimits {
  /** The worker process's V8 heap cap (--max-old-space-size): a file whose text needs more fails alone. */
  maxOldGenerationSizeMb: number;
  /** Per content; OCR of a long scan takes minutes, so this is generous. */
  timeoutMs: number;
  /** Contents above this are not read (status none). */
  maxBytes: number;
}

/**
 * The share of the time limit a run may spend reading pages: at 80% the extractor
 * stops and answers with the pages read so far (ExtractInput.deadline), leaving
 * the rest for the page in progress to finish and the answer to arrive. The kill
 * at 100% stays as the backstop for a single page (or a hostile file) that overruns.
 */
const READING_SHARE_OF_TIMEOUT = 0.8;

export const DEFAULT_WORKER_LIMITS: WorkerLimits = {
  maxOldGenerationSizeMb: 768,
  timeoutMs: 5 * 60_000,
  maxBytes: MAX_EXTRACT_BYTES,
};

/** What a run ends with: the extractor's result, or cancelled because the host closed the worker. */
export type RunOutcome = ExtractResult | { status: 'cancelled' };

interface InFlight {
  id: number;
  resolve: (outcome: RunOutcome) => void;
  timer: NodeJS.Timeout;
  /** A password went to the worker: nothing it printed may reach the log. */
  secret: boolean;
  /** Why the worker is going down, when we know better than its exit code. */
  failure?: string;
}

/** What the worker left on stderr, kept only to tell an out-of-memory death from other crashes. */
interface StderrWatch {
  tail: string;
  outOfMemory: boolean;
}

/** V8's own words when a heap cap is hit ("Reached heap limit Allocation failed - JavaScript heap out of memory"). */
const OUT_OF_MEMORY_RE = /heap out of memory|Reached heap limit|Allocation failed/;
const STDERR_TAIL_CHARS = 2000;

const minutes = (ms: number) =>
  ms >= 60_000 ? `${Math.round(ms / 60_000)} dakikada` : `${Math.max(1, Math.round(ms / 1000))} saniyede`;

function watchStderr(child: ChildProcess): StderrWatch {
  const watch: StderrWatch = { tail: '', outOfMemory: false };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // The tail joined with the new chunk: the message may arrive split in two.
    const seen = watch.tail.slice(-100) + chunk;
    if (OUT_OF_MEMORY_RE.test(seen)) watch.outOfMemory = true;
    watch.tail = (watch.tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  return watch;
}

/** While a run waits for its answer the worker keeps the app alive; an idle one must not. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  // The process, its IPC channel and the stderr pipe (a net.Socket, typed as a plain Readable) each hold the loop.
  const handles = [child, child.channel, child.stderr as Socket | null];
  for (const handle of handles) {
    if (hold) handle?.ref();
    else handle?.unref();
  }
}

/**
 * One extraction worker process, started when first needed. run() never
 * rejects: a worker that runs out of memory, crashes or overruns its time is
 * killed, the run answers `failed` with the reason, and the next run starts a
 * new process. The app's own process is never at stake.
 */
export class TextWorker {
  private child: ChildProcess | null = null;
  private inFlight: InFlight | null = null;
  private nextId = 1;
  private closed = false;

  constructor(
    /** The database file the worker reads contents from, and the app's data folder (OCR language data). */
    private readonly files: { dbFile: string; dataDir: string },
    private readonly limits: WorkerLimits = DEFAULT_WORKER_LIMITS,
  ) {}

  run(request: Omit<ExtractRequest, 'id' | 'deadline'>): Promise<RunOutcome> {
    if (this.closed) return Promise.resolve({ status: 'cancelled' });
    if (this.inFlight) throw new Error('TextWorker runs one content at a time');
    const child = this.ensureChild();
    const id = this.nextId++;
    // Counted from here, as the kill below is: a worker still starting spends the same budget.
    const deadline = Date.now() + Math.round(this.limits.timeoutMs * READING_SHARE_OF_TIMEOUT);
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        if (this.inFlight?.id !== id) return;
        this.inFlight.failure = `Metin çıkarma ${minutes(this.limits.timeoutMs)} bitmedi (zaman aşımı). Belge saklandı ve açılabilir.`;
        // SIGKILL: a worker stuck in a native loop gets no say; its exit settles the run.
        child.kill('SIGKILL');
      }, this.limits.timeoutMs);
      this.inFlight = { id, resolve, timer, secret: request.password !== undefined };
      holdOpen(child, true);
      child.send({ ...request, id, deadline } satisfies ExtractRequest, (error) => {
        // The channel is gone (the process died meanwhile): its exit settles the run.
        if (error) child.kill('SIGKILL');
      });
    });
  }

  /** Stops the worker; a run in flight answers `cancelled`. */
  async close(): Promise<void> {
    this.closed = true;
    await this.release();
  }

  /** Ends the worker without closing: the next run starts a fresh one (frees its memory between batches). */
  async release(): Promise<void> {
    const child = this.child;
    this.child = null;
    this.settle({ status: 'cancelled' });
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    // Waited for, so held: an idle (unref'd) worker would let the process exit before release() returns.
    holdOpen(child, true);
    // Read-only database, nothing of its own to save: it may go at once.
    child.kill('SIGKILL');
    await exited;
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const child = forkTextWorker(
      { dbFile: this.files.dbFile, dataDir: this.files.dataDir, maxBytes: this.limits.maxBytes },
      this.limits.maxOldGenerationSizeMb,
    );
    const stderr = watchStderr(child);
    child.on('message', (reply: ExtractReply) => {
      if (this.inFlight?.id === reply.id) this.settle(reply.result);
      if (!this.inFlight && this.child === child) holdOpen(child, false);
    });
    child.on('error', (error) => {
      // Could not start (or signal) the process; when it never started there is no exit to wait for.
      if (this.inFlight && !this.inFlight.failure) {
        this.inFlight.failure = `Metin çıkarıcı başlatılamadı: ${error.message}`;
      }
      if (child.pid === undefined) this.ended(child, null, null, stderr);
    });
    // 'close', not 'exit': only then has all of stderr (V8's out-of-memory message) been read.
    child.on('close', (code, signal) => this.ended(child, code, signal, stderr));
    this.child = child;
    return child;
  }

  /** The worker process is gone: a run still waiting fails with the best reason known. */
  private ended(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null, stderr: StderrWatch): void {
    if (this.child === child) this.child = null;
    const inFlight = this.inFlight;
    if (this.child !== null || !inFlight) return;
    const reason =
      inFlight.failure ??
      (stderr.outOfMemory
        ? `Metin çıkarılırken bellek sınırı aşıldı (${this.limits.maxOldGenerationSizeMb} MB). Belge saklandı ve açılabilir.`
        : `Metin çıkarıcı beklenmedik biçimde durdu (${signal ? `sinyal ${signal}` : `çıkış kodu ${code}`}). Belge saklandı ve açılabilir.`);
    log.warn('text extraction worker ended during a run', {
      code,
      signal,
      reason,
      // What it printed last helps with an unexpected crash, unless a password was in play.
      stderr: inFlight.secret || inFlight.failure || stderr.outOfMemory ? undefined : stderr.tail.slice(-500),
    });
    this.settle({ status: 'failed', reason });
  }

  private settle(outcome: RunOutcome): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    this.inFlight = null;
    clearTimeout(inFlight.timer);
    inFlight.resolve(outcome);
  }
}
