import type { KartotekApp } from '../../core/app';
import type { RunningJob } from '../background-jobs';

/** One sync worker per enabled mail account (IMAP: first window newest first, then by UID, IDLE). */
export function startMailScan(_app: KartotekApp): RunningJob {
  return { stop: async () => undefined };
}
