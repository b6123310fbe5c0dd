import { newId } from '../../core/ids';
import type { EventBus } from '../../core/events';
import { conflict } from '../../../src-shared/contract/errors';
import type { TRANSFER_PHASES } from '../../../src-shared/contract/transfer';

type Phase = (typeof TRANSFER_PHASES)[number];

/** Imports and exports under way in this process, by job id, so `transfer.cancel` can reach them. */
const running = new Map<string, AbortController>();
/** Uploads being imported: a second import of the same file waits for the first to end. */
const busyUploads = new Set<string>();

export interface Job {
  id: string;
  signal: AbortSignal;
  progress(phase: Phase, done: number, total: number | null): void;
  finish(): void;
}

/** Progress is sent at most this often (and on every change of phase): a UI cannot show more. */
const PROGRESS_INTERVAL_MS = 200;

export function startJob(events: EventBus, jobId: string | undefined, uploadId?: string): Job {
  const id = jobId ?? newId();
  if (running.has(id)) throw conflict(`Bu iş (${id}) zaten çalışıyor.`);
  if (uploadId && busyUploads.has(uploadId)) throw conflict('Bu dosya şu anda içe aktarılıyor; bitmesini bekleyin.');
  const controller = new AbortController();
  running.set(id, controller);
  if (uploadId) busyUploads.add(uploadId);
  let lastPhase: Phase | null = null;
  let lastSent = 0;
  return {
    id,
    signal: controller.signal,
    progress(phase, done, total) {
      const now = Date.now();
      if (phase === lastPhase && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastSent = now;
      events.emit('transfer.progress', { jobId: id, phase, done, total });
    },
    finish() {
      running.delete(id);
      if (uploadId) busyUploads.delete(uploadId);
    },
  };
}

/** Asks a running job to stop at its next check; false when no such job runs (it may have just ended). */
export function cancelJob(jobId: string): boolean {
  const controller = running.get(jobId);
  if (!controller) return false;
  controller.abort();
  return true;
}
