/**
 * A few mail parse worker processes, started on the first message of a scan and closed when the scan ends (or
 * stops). parse() never rejects: a worker that dies, runs out of memory or overruns its time on a message is
 * killed, that message alone gets the minimal parse (headers and raw text) with the reason in parseProblems, and
 * the next message starts a fresh worker. A hostile message can stop neither the scan nor the app.
 */
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { log } from '../../core/log';
import { minimalParse } from '../../services/mail/ingest/minimal-parse';
import type { IncomingMail } from '../../services/mail/ingest/parsed-mail';
import { forkParseWorker } from './parse-worker-fork';
import type { ParseReply, ParseRequest } from './parse-worker-protocol';

export interface ParsePoolLimits {
  /** Worker processes at most. */
  size: number;
  /** Each worker's V8 heap cap: a message whose parse needs more fails alone. */
  maxOldSpaceMb: number;
  /** Per message, from when it is handed to a worker (the parser's own limit is 20 s: this is the backstop). */
  timeoutMs: number;
}

/**
 * Two workers even on a two-core machine: the scan's own process is mostly waiting (on the server, on the
 * workers) and storing takes a third of what parsing does, so one worker would leave a core idle while the other
 * parses. More than two buys little (storing, on the scan's side, becomes the limit) and costs ~60 MB each.
 * Normal priority: at below-normal the bench's first scan took 12.6 s instead of 7.6 s on this shared machine
 * (other processes starve niced workers); the app's own process stays responsive as it only fetches and stores.
 */
export const DEFAULT_PARSE_POOL: ParsePoolLimits = {
  size: Math.max(1, Math.min(2, os.availableParallelism())),
  maxOldSpaceMb: 768,
  timeoutMs: 30_000,
};

interface Job {
  id: number;
  raw: Buffer;
  resolve: (mail: IncomingMail) => void;
  timer?: NodeJS.Timeout;
  /** Why the worker is going down, when we know better than its exit code. */
  failure?: string;
  /** It was in flight when its worker died with others: it is parsed again, alone, to find out which one did it. */
  suspect?: boolean;
}

interface Slot {
  child: ChildProcess | null;
  /** Messages handed to this worker and not answered yet. */
  jobs: Map<number, Job>;
  outOfMemory: boolean;
}

const OUT_OF_MEMORY_RE = /heap out of memory|Reached heap limit|Allocation failed/;
const KEPT = 'yalnız başlıkları ve düz metni saklandı.';
/**
 * Messages in flight per worker. One at a time left the workers idle whenever the scan's process was busy storing
 * a group (it could not hand over the next message until it was done): half of a first scan's time. Enough in
 * flight to last through the store of a group keep them parsing meanwhile. If a worker dies with several in flight,
 * those messages are parsed again one by one, so only the one that kills a worker on its own gets the minimal parse.
 */
const IN_FLIGHT = 16;
/** … and at most this many bytes of them (a worker's heap is capped; one large message still goes alone). */
const IN_FLIGHT_BYTES = 16 * 1024 * 1024;

export class ParsePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly limits: ParsePoolLimits = DEFAULT_PARSE_POOL) {
    this.slots = Array.from({ length: Math.max(1, limits.size) }, () => ({
      child: null,
      jobs: new Map<number, Job>(),
      outOfMemory: false,
    }));
  }

  parse(raw: Buffer): Promise<IncomingMail> {
    if (this.closed) return Promise.resolve(minimalParse(raw, `İleti okunmadan tarama durdu; ${KEPT}`));
    return new Promise<IncomingMail>((resolve) => {
      this.queue.push({ id: this.nextId++, raw, resolve });
      this.pump();
    });
  }

  /** Ends every worker; messages still waiting get the minimal parse (the scan is stopping: nobody stores them). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(minimalParse(job.raw, `İleti okunmadan tarama durdu; ${KEPT}`));
    await Promise.all(this.slots.map((slot) => this.endWorker(slot)));
  }

  private pump(): void {
    for (const slot of this.slots) {
      for (;;) {
        if (this.closed || this.queue.length === 0) return;
        const running = [...slot.jobs.values()];
        // A suspect runs alone, and nothing joins it while it runs.
        if (running.some((j) => j.suspect)) break;
        const next = this.queue[0]!;
        if (next.suspect ? running.length > 0 : running.length >= IN_FLIGHT) break;
        const bytes = running.reduce((sum, j) => sum + j.raw.length, 0);
        if (running.length > 0 && bytes + next.raw.length > IN_FLIGHT_BYTES) break;
        this.start(slot, this.queue.shift()!);
      }
    }
  }

  private start(slot: Slot, job: Job): void {
    const child = slot.child ?? this.spawn(slot);
    slot.jobs.set(job.id, job);
    job.timer = setTimeout(() => {
      if (slot.jobs.get(job.id) !== job) return;
      // Alone, its time is its own; with others in flight it may only have waited for them: then they are all
      // parsed again one by one (see ended), and only one that overruns on its own gets the minimal parse.
      if (slot.jobs.size === 1)
        job.failure = `İletinin okunması ${Math.round(this.limits.timeoutMs / 1000)} saniyede bitmedi; ${KEPT}`;
      // A worker stuck in a loop gets no say; its exit settles the message.
      child.kill('SIGKILL');
    }, this.limits.timeoutMs);
    child.send({ id: job.id, raw: job.raw } satisfies ParseRequest, (error) => {
      // The channel is gone (the process died meanwhile): its exit settles the message.
      if (error) child.kill('SIGKILL');
    });
  }

  private spawn(slot: Slot): ChildProcess {
    const child = forkParseWorker(this.limits.maxOldSpaceMb);
    slot.child = child;
    slot.outOfMemory = false;
    let tail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      // Only V8's out-of-memory words are looked for; nothing the worker prints (mail content) is logged.
      if (OUT_OF_MEMORY_RE.test(tail + chunk)) slot.outOfMemory = true;
      tail = chunk.slice(-100);
    });
    child.on('message', (reply: ParseReply) => {
      const job = slot.child === child ? slot.jobs.get(reply.id) : undefined;
      if (job) this.settle(slot, job, reviveBuffers(reply.mail));
    });
    child.on('error', (error) => {
      for (const job of slot.jobs.values()) job.failure ??= `İleti okuyucu başlatılamadı (${error.message}); ${KEPT}`;
      if (child.pid === undefined) this.ended(slot, child, null, null);
    });
    // An idle worker that died is forgotten at once, so the next message is not handed to it.
    child.on('exit', () => {
      if (slot.child === child && slot.jobs.size === 0) slot.child = null;
    });
    // 'close', not 'exit': only then has all of stderr (V8's out-of-memory message) been read.
    child.on('close', (code, signal) => this.ended(slot, child, code, signal));
    return child;
  }

  private ended(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.child !== child) return;
    slot.child = null;
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    if (jobs.length === 0) return;
    const reason = (job: Job) =>
      job.failure ??
      (slot.outOfMemory
        ? `İleti okunurken bellek sınırı aşıldı (${this.limits.maxOldSpaceMb} MB); ${KEPT}`
        : `İleti okuyucu beklenmedik biçimde durdu (${signal ? `sinyal ${signal}` : `çıkış kodu ${code}`}); ${KEPT}`);
    // Alone, or the one whose time ran out: it is the culprit. With others in flight, nobody knows which one:
    // each is parsed again on its own (first in the queue, in their order).
    const named = jobs.filter((j) => j.failure);
    const culprits = jobs.length === 1 ? jobs : named;
    const again = jobs.filter((j) => !culprits.includes(j));
    log.warn('mail parse worker ended during a message', { code, signal, inFlight: jobs.length });
    for (const job of culprits) {
      clearTimeout(job.timer);
      job.resolve(minimalParse(job.raw, reason(job)));
    }
    for (const job of again) {
      clearTimeout(job.timer);
      delete job.failure;
      job.suspect = true;
    }
    this.queue.unshift(...again);
    this.pump();
  }

  private settle(slot: Slot, job: Job, mail: IncomingMail): void {
    if (!slot.jobs.delete(job.id)) return;
    clearTimeout(job.timer);
    job.resolve(mail);
    this.pump();
  }

  private async endWorker(slot: Slot): Promise<void> {
    const child = slot.child;
    slot.child = null;
    for (const job of [...slot.jobs.values()]) {
      this.settle(slot, job, minimalParse(job.raw, `İleti okunmadan tarama durdu; ${KEPT}`));
    }
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    // Nothing of its own to save: it may go at once.
    child.kill('SIGKILL');
    await exited;
  }
}

/** Structured clone turns Buffers into plain Uint8Arrays: the store hashes and writes them as Buffers. */
function reviveBuffers(mail: IncomingMail): IncomingMail {
  const asBuffer = (bytes: Uint8Array) =>
    Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ...mail, attachments: mail.attachments.map((a) => ({ ...a, content: asBuffer(a.content) })) };
}
