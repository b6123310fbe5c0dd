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

  // kick() starts a worker per account with work and returns at once: accounts never wait for each other.
  const run = () => {
    if (stopped) return;
    log.debug('outbox', 'job: run');
    try {
      runner.kick();
    } catch (err) {
      log.error('outbox: run failed', { message: (err as Error).message });
    }
    schedule();
  };
  const schedule = () => {
    clearTimeout(timer);
    const wake = runner.nextWake();
    const delay = wake === null ? OUTBOX_POLL_MS : Math.min(OUTBOX_POLL_MS, Math.max(0, wake - Date.now()) + 10);
    log.debug('outbox', 'job: next run', { inMs: delay });
    timer = setTimeout(run, delay);
  };

  try {
    runner.recover();
  } catch (err) {
    log.error('outbox: recovery failed', { message: (err as Error).message });
  }
  timer = setTimeout(run, 0);
  const unsubscribe = onOutboxSignal(db, (signal) => {
    if (signal.accountChanged) runner.accountChanged(signal.accountChanged);
    run();
  });

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await runner.stop();
    },
  };
}

/**
 * The CLI's way (and the tests'): recover rows of dead processes, then send what can be sent now, waiting out
 * temporary refusals. With `onlyMailing` only that mailing's rows are sent (the CLI's `mail send` never sends
 * someone else's queue) and an account problem ends the run; the answer says why the rows still wait.
 */
export async function runOutboxToEnd(
  app: KartotekApp,
  options: Partial<OutboxDeps> = {},
): Promise<{ accountProblem: string | null }> {
  const { db, secrets, events, now } = app.ctx;
  const runner = new OutboxRunner({ db, secrets, events, now, ...options });
  runner.recover();
  await runner.runToEnd();
  return { accountProblem: [...runner.accountProblems.values()][0] ?? null };
}
