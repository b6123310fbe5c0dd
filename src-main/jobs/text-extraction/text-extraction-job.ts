/**
 * The background text extraction: takes waiting contents from the database
 * queue one by one, extracts them in a worker process (heap cap, time limit),
 * and stores each result in one transaction. Runs while the app is open
 * (startTextExtraction) or until the queue is empty (drainTextExtraction, for
 * the CLI and tests).
 */
import type { KartotekApp } from '../../core/app';
import type { ServiceContext } from '../../core/context';
import { log } from '../../core/log';
import type { RunningJob } from '../background-jobs';
import { onTextQueueSignal, setRunningExtraction } from '../../services/documents/text-extraction-signal';
import type { ExtractResult } from './extract-types';
import { DEFAULT_WORKER_LIMITS, TextWorker, type WorkerLimits } from './text-worker-host';
import {
  beginAttempt,
  GAVE_UP_REASON,
  nextQueueItem,
  saveResult,
  settleKnownContents,
  undoAttempt,
  type QueueItem,
} from './text-queue';
import { announceProgress, announceText } from './text-events';

export interface TextExtractionOptions {
  /** Worker bounds (tests set a small heap cap or a short time limit). */
  limits?: Partial<WorkerLimits>;
  /** A fallback look at the queue when no write signalled (another process filed documents). */
  pollMs?: number;
}

type JobContext = Pick<ServiceContext, 'db' | 'events' | 'now'>;

/** The shared part of the running job and the drain: one content at a time through one worker. */
class ExtractionLoop {
  private readonly worker: TextWorker;
  private stopped = false;
  private current: QueueItem | null = null;

  constructor(
    private readonly ctx: JobContext,
    files: { dbFile: string; dataDir: string },
    limits: Partial<WorkerLimits> = {},
  ) {
    this.worker = new TextWorker(files, { ...DEFAULT_WORKER_LIMITS, ...limits });
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  settleKnown(): void {
    for (const saved of settleKnownContents(this.ctx.db)) announceText(this.ctx, saved);
  }

  /** Extracts the next waiting content; false when there is none (or the loop was stopped). */
  async step(onlyDocumentIds?: readonly string[]): Promise<boolean> {
    if (this.stopped) return false;
    const item = nextQueueItem(this.ctx.db, onlyDocumentIds);
    if (!item) return false;
    let result: ExtractResult;
    if (beginAttempt(this.ctx.db, item.sha256, this.ctx.now().toISOString()) === 'gave-up') {
      result = { status: 'failed', reason: GAVE_UP_REASON };
    } else {
      this.current = item;
      setRunningExtraction(this.ctx.db, { documentId: item.documentId, name: item.name });
      announceProgress(this.ctx);
      const outcome = await this.worker.run({ sha256: item.sha256, name: item.name, mimeType: item.mimeType });
      this.current = null;
      // Stopped while the worker ran: the database is about to close, write nothing more.
      if (this.stopped || outcome.status === 'cancelled') return false;
      setRunningExtraction(this.ctx.db, null);
      result = outcome;
    }
    announceText(this.ctx, saveResult(this.ctx.db, item.sha256, result, this.ctx.now().toISOString()));
    return true;
  }

  /** The queue is empty: free the worker's memory (OCR data, heap) until there is work again. */
  async idle(): Promise<void> {
    setRunningExtraction(this.ctx.db, null);
    await this.worker.release();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const interrupted = this.current;
    setRunningExtraction(this.ctx.db, null);
    if (interrupted) {
      // Still before the database closes (hosts await stop() first); a clean stop is not a crash.
      try {
        undoAttempt(this.ctx.db, interrupted.sha256);
      } catch (err) {
        log.warn('text extraction: could not undo an interrupted attempt', { message: (err as Error).message });
      }
    }
    await this.worker.close();
  }
}

const jobContext = (app: KartotekApp): JobContext => ({ db: app.ctx.db, events: app.ctx.events, now: app.ctx.now });

/** Runs while the app is open: woken by new documents, with a slow poll as a fallback. */
export function startTextExtraction(app: KartotekApp, options: TextExtractionOptions = {}): RunningJob {
  const ctx = jobContext(app);
  const loop = new ExtractionLoop(ctx, app, options.limits);
  const pollMs = options.pollMs ?? 60_000;
  let signalled = true;
  let wake: (() => void) | null = null;
  const unsubscribe = onTextQueueSignal(ctx.db, () => {
    signalled = true;
    wake?.();
  });

  async function run(): Promise<void> {
    let busy = false;
    while (!loop.isStopped) {
      try {
        if (signalled) {
          signalled = false;
          loop.settleKnown();
        }
        if (await loop.step()) {
          busy = true;
          continue;
        }
        if (loop.isStopped) break;
        if (busy) {
          busy = false;
          await loop.idle();
          if (!loop.isStopped) announceProgress(ctx);
        }
      } catch (err) {
        // A write that failed (disk full, locked too long): try again after the poll; the attempt counter ends a loop.
        log.error('text extraction failed', { message: (err as Error).message });
      }
      if (loop.isStopped || signalled) continue;
      await new Promise<void>((resolve) => {
        // The host stops the job before it exits; a forgotten stop must not keep the process alive.
        const timer = setTimeout(resolve, pollMs).unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
      // Woken or polled: either way look again, also for documents other writers left pending with known text.
      signalled = true;
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

/**
 * Extracts until nothing waits (or only the given documents' contents), then
 * frees the worker. For the CLI and tests; the app runs startTextExtraction.
 */
export async function drainTextExtraction(
  app: KartotekApp,
  options: { documentIds?: readonly string[]; limits?: Partial<WorkerLimits> } = {},
): Promise<{ extracted: number }> {
  const loop = new ExtractionLoop(jobContext(app), app, options.limits);
  let extracted = 0;
  try {
    loop.settleKnown();
    while (await loop.step(options.documentIds)) extracted++;
  } finally {
    await loop.stop();
  }
  return { extracted };
}
