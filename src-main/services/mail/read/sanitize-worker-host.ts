/**
 * Sanitises large mail HTML in a worker process (sanitize-worker.ts), started on the first such mail and ended
 * after a minute without work, so the app's process stays responsive while a newsletter of megabytes is cleaned.
 * Never rejects: a worker that dies, runs out of memory or overruns its time gives "nothing to show" (the reader
 * then shows the mail's text), and the next request starts a fresh worker.
 */
import type { ChildProcess } from 'node:child_process';
import { forkNodeWorker } from '../../../core/fork-node-worker';
import { log } from '../../../core/log';
import type { SanitizedMail } from '../ingest/sanitize-mail-html';
import type { SanitizeReply, SanitizeRequest } from './sanitize-worker';

const NOTHING: SanitizedMail = { html: '', hasRemoteContent: false };
/** Per mail, from when it is handed over (5 MB of HTML, the most stored, took about 8 s on a slow machine). */
const TIMEOUT_MS = 30_000;
const IDLE_MS = 60_000;
const MAX_OLD_SPACE_MB = 1024;

interface Waiting {
  child: ChildProcess;
  resolve: (result: SanitizedMail) => void;
  timer: NodeJS.Timeout;
}

export class SanitizeWorker {
  private child: ChildProcess | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  sanitize(html: string): Promise<SanitizedMail> {
    clearTimeout(this.idle);
    const child = (this.child ??= this.start());
    // Busy: the worker keeps this process alive until it answers (idle, it never does: see answer()).
    child.ref();
    child.channel?.ref();
    const id = this.nextId++;
    return new Promise<SanitizedMail>((resolve) => {
      const timer = setTimeout(() => {
        log.warn('mail html: sanitising took too long; the worker is ended', { chars: html.length });
        this.end(child);
      }, TIMEOUT_MS);
      this.waiting.set(id, { child, resolve, timer });
      child.send({ id, html } satisfies SanitizeRequest);
    });
  }

  private start(): ChildProcess {
    const child = forkNodeWorker(
      { source: 'services/mail/read/sanitize-worker.ts', bundle: 'mail-sanitize-worker' },
      MAX_OLD_SPACE_MB,
    );
    child.stderr?.resume();
    child.on('message', (reply: SanitizeReply) => this.answer(reply.id, reply.result));
    child.on('error', () => this.end(child));
    child.on('exit', () => {
      if (this.child === child) this.child = null;
      for (const [id, w] of [...this.waiting]) if (w.child === child) this.answer(id, NOTHING);
    });
    return child;
  }

  private answer(id: number, result: SanitizedMail): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.waiting.delete(id);
    waiting.resolve(result);
    const child = waiting.child;
    if ([...this.waiting.values()].some((w) => w.child === child)) return;
    // Idle: a CLI or test may end while the worker waits for more; the app ends it after a minute.
    child.unref();
    child.channel?.unref();
    if (this.child === child) this.idle = setTimeout(() => this.end(child), IDLE_MS).unref();
  }

  /** Ends the worker; whatever it was still working on gets "nothing to show". */
  private end(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    child.kill('SIGKILL');
  }
}
