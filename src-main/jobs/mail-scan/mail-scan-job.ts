import type { KartotekApp } from '../../core/app';
import { log } from '../../core/log';
import type { RunningJob } from '../background-jobs';
import { enabledAccounts } from '../../services/mail/accounts/account-store';
import { onMailSyncSignal } from '../../services/mail/accounts/sync-signal';
import { DEFAULT_TIMING, startAccountWorker, type AccountWorker, type WorkerTiming } from './account-worker';

/** How long stop() waits for the workers (each closes its socket at once; this is only a bound). */
const STOP_WAIT_MS = 3000;

/**
 * One sync worker per enabled mail account (IMAP: first window newest first, then by UID, IDLE). Off the UI
 * path: everything runs on the network's time, the database is touched only in short transactions. Accounts
 * added, changed or removed signal the job, which starts and stops workers to match.
 */
export function startMailScan(app: KartotekApp, timing: WorkerTiming = DEFAULT_TIMING): RunningJob {
  const ctx = app.ctx;
  const workers = new Map<string, { worker: AccountWorker; version: string }>();
  let stopped = false;

  const reconcile = () => {
    if (stopped) return;
    let wanted: Map<string, string>;
    try {
      wanted = new Map(enabledAccounts(ctx.db).map((a) => [a.id, a.updatedAt]));
    } catch (err) {
      log.error('mail scan: accounts unreadable', { message: (err as Error).message });
      return;
    }
    for (const [id, running] of workers) {
      // Removed, disabled, or its server/login changed: the old connection goes, a new worker starts below.
      if (wanted.get(id) !== running.version) {
        workers.delete(id);
        void running.worker.stop();
      }
    }
    for (const [id, version] of wanted) {
      const running = workers.get(id);
      if (running) running.worker.wake();
      else {
        const env = { db: ctx.db, events: ctx.events, secrets: ctx.secrets, userId: ctx.userId, now: ctx.now };
        workers.set(id, { worker: startAccountWorker(env, id, timing), version });
      }
    }
  };

  const unsubscribe = onMailSyncSignal(ctx.db, (accountId) => {
    if (accountId && workers.has(accountId)) workers.get(accountId)!.worker.wake();
    else reconcile();
  });
  // Later, not inside openApp's caller: the first connection attempts must not hold up the app's start.
  const first = setTimeout(reconcile, 0);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      unsubscribe();
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...workers.values()].map((w) => w.worker.stop())),
        new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS))),
      ]);
      clearTimeout(waited);
      workers.clear();
    },
  };
}
