/**
 * Sanitises large mail HTML in a worker process (sanitize-worker.ts), started on the first such mail and ended
 * after a minute without work, so the app's process stays responsive while a newsletter of megabytes is cleaned.
 * One mail at a time, its time counted from when the worker takes it. Never rejects: a worker that cannot start,
 * dies, runs out of memory or overruns gives `null` (the caller shows the text and caches nothing), and the next
 * mail starts a fresh worker.
 */
import type { ChildProcess } from 'node:child_process';
import { forkNodeWorker } from '../../../core/fork-node-worker';
import { log } from '../../../core/log';
import type { SanitizedMail } from '../ingest/sanitize-mail-html';
import type { SanitizeReply, SanitizeRequest } from './sanitize-worker';

/** Per mail (5 MB of HTML, the most stored, took about 8 s on a slow machine). */
const TIMEOUT_MS = 30_000;
const IDLE_MS = 60_000;
const MAX_OLD_SPACE_MB = 1024;

interface Job {
  id: number;
  html: string;
  resolve: (result: SanitizedMail | null) => void;
}

export class SanitizeWorker {
  private child: ChildProcess | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; child: ChildProcess; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  sanitize(html: string): Promise<SanitizedMail | null> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, html, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.rest();
      return;
    }
    clearTimeout(this.idle);
    const child = (this.child ??= this.start());
    // Busy: the worker keeps this process alive until it answers.
    child.ref();
    child.channel?.ref();
    const timer = setTimeout(() => {
      log.warn('mail html: sanitising took too long; the worker is ended', { chars: job.html.length });
      this.fail(child);
    }, TIMEOUT_MS);
    this.current = { job, child, timer };
    child.send({ id: job.id, html: job.html } satisfies SanitizeRequest, (error) => {
      if (error) this.fail(child);
    });
  }

  private start(): ChildProcess {
    const child = forkNodeWorker(
      { source: 'services/mail/read/sanitize-worker.ts', bundle: 'mail-sanitize-worker' },
      MAX_OLD_SPACE_MB,
    );
    child.stderr?.resume();
    child.on('message', (reply: SanitizeReply) => {
      if (this.current?.child === child && this.current.job.id === reply.id) this.finish(reply.result);
    });
    // 'error' comes alone when the process could not start at all (no 'exit' then); 'close' after any end.
    child.on('error', () => this.fail(child));
    child.on('close', () => this.fail(child));
    return child;
  }

  private finish(result: SanitizedMail | null): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    current.job.resolve(result);
    this.pump();
  }

  /** The worker is gone or stuck: its mail gets no HTML, the next mail starts a fresh worker. */
  private fail(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (this.current?.child === child) this.finish(null);
  }

  /** Nothing to do: a CLI or test may end meanwhile; the app ends the worker after a minute. */
  private rest(): void {
    const child = this.child;
    if (!child) return;
    child.unref();
    child.channel?.unref();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.fail(child), IDLE_MS).unref();
  }
}
