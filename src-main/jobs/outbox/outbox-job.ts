/**
 * The outbox job inside the app: on start it marks rows interrupted mid-send as uncertain, then works through the
 * outbox whenever it is signalled (a send queued, a mailing resumed) and every OUTBOX_POLL_MS (backoffs end,
 * work left by another desk on the same file). The CLI has no background job: it runs the outbox to the end.
 */
import type { KartotekApp } from '../../core/app';
import { log } from '../../core/log';
import { onOutboxSignal } from '../../services/mailings/outbox-signal';
import type { RunningJob } from '../background-jobs';
import { OutboxRunner, type OutboxDeps } from './outbox-runner';

export const OUTBOX_POLL_MS = 30_000;

export function startOutboxJob(app: KartotekApp, options: Partial<OutboxDeps> = {}): RunningJob {
  const { db, secrets, events, now } = app.ctx;
  const runner = new OutboxRunner({ db, secrets, events, now, ...options });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runner
      .runOnce()
      .catch((err: unknown) => log.error('outbox: run failed', { message: (err as Error).message }))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(run);
        } else schedule();
      });
  };
  const schedule = () => {
    clearTimeout(timer);
    const wake = runner.nextWake();
    const delay = wake === null ? OUTBOX_POLL_MS : Math.min(OUTBOX_POLL_MS, Math.max(0, wake - Date.now()));
    timer = setTimeout(run, delay);
  };

  try {
    runner.recover();
  } catch (err) {
    log.error('outbox: recovery failed', { message: (err as Error).message });
  }
  timer = setTimeout(run, 0);
  const unsubscribe = onOutboxSignal(db, run);

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await runner.stop();
      await running;
    },
  };
}

/** The CLI's way: recover, then send everything that can be sent now, waiting out temporary failures. */
export async function runOutboxToEnd(app: KartotekApp, options: Partial<OutboxDeps> = {}): Promise<void> {
  const { db, secrets, events, now } = app.ctx;
  const runner = new OutboxRunner({ db, secrets, events, now, ...options });
  runner.recover();
  await runner.runToEnd();
}
