/**
 * The background sync of one account: connect, scan (first window or incremental), then IDLE on the inbox until
 * new mail, a "sync now", or a few minutes have passed (to look at the sent folder too), and again. A failure
 * (server down, connection dropped, wrong password) is written to the account's status and retried with a
 * growing pause — never a tight loop against a server that keeps failing.
 */
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { mailAccounts } from '../../db/schema';
import { log } from '../../core/log';
import { accountSettings, imapOptions } from '../../services/mail/accounts/connection-options';
import { setAccountStatus } from '../../services/mail/accounts/account-status';
import { ScanStopped, type ScanEnv } from './scan-env';
import { scanAccount } from './scan-account';
import { syncErrorText } from './sync-error-text';

export interface WorkerTiming {
  /** First pause after a failure; doubles up to maxRetryMs. */
  retryBaseMs: number;
  maxRetryMs: number;
  /** IDLE is left this often to look at the sent folder as well. */
  idleRestartMs: number;
}

export const DEFAULT_TIMING: WorkerTiming = { retryBaseMs: 2000, maxRetryMs: 5 * 60_000, idleRestartMs: 5 * 60_000 };

export interface AccountWorker {
  /** Look now (ends IDLE or a pause after a failure). */
  wake(): void;
  stop(): Promise<void>;
}

export function startAccountWorker(
  env: Omit<ScanEnv, 'stopping' | 'onBusy'>,
  accountId: string,
  timing: WorkerTiming = DEFAULT_TIMING,
): AccountWorker {
  let stopped = false;
  let client: ImapFlow | null = null;
  let wakeUp: (() => void) | null = null;
  let pendingWake = false;
  /** Only while IDLE does a closed connection mean "look again now". */
  let idling = false;
  const at = () => env.now().toISOString();
  const scanEnv: ScanEnv = {
    ...env,
    stopping: () => stopped,
    onBusy: () => setAccountStatus(env.db, env.events, accountId, 'syncing', null, at()),
  };

  /** Waits until woken (syncNow, new mail, stop, connection closed) or `ms` passed. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (pendingWake || stopped) {
        pendingWake = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const closeClient = () => {
    const c = client;
    client = null;
    c?.close();
  };

  const wake = () => {
    if (wakeUp) wakeUp();
    else pendingWake = true;
  };

  const stillWanted = () => {
    const row = env.db
      .select({ enabled: mailAccounts.enabled, deletedAt: mailAccounts.deletedAt })
      .from(mailAccounts)
      .where(eq(mailAccounts.id, accountId))
      .get();
    return !!row && row.enabled && !row.deletedAt;
  };

  async function idleOnInbox(c: ImapFlow, inboxPath: string): Promise<void> {
    await c.mailboxOpen(inboxPath, { readOnly: true });
    env.events.emit('mail.syncProgress', { accountId, folder: inboxPath, phase: 'idle', done: 0, total: 0 });
    const idle = c.idle();
    idling = true;
    try {
      await pause(timing.idleRestartMs);
    } finally {
      idling = false;
    }
    // Any command ends IDLE (imapflow sends DONE first); on a dropped connection it rejects, and the loop sees it.
    if (c.usable) await c.noop();
    await idle;
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped && stillWanted()) {
      let afterLogin = false;
      let where = { host: '', port: 0 };
      try {
        const settings = accountSettings(env.db, env.secrets, accountId);
        where = { host: settings.imapHost, port: settings.imapPort };
        env.events.emit('mail.syncProgress', { accountId, folder: '', phase: 'connecting', done: 0, total: 0 });
        const c = new ImapFlow(imapOptions(settings));
        client = c;
        c.on('error', () => undefined);
        c.on('exists', () => wake());
        // A drop during IDLE ends the wait. Not otherwise: a connection that failed (or that we closed) also
        // says 'close', and waking then would skip the pause after a failure: a tight loop against the server.
        c.on('close', () => {
          if (idling && client === c) wake();
        });
        await c.connect();
        afterLogin = true;
        const inbox = env.db
          .select({ path: mailAccounts.inboxFolder })
          .from(mailAccounts)
          .where(eq(mailAccounts.id, accountId))
          .get();
        while (!stopped && stillWanted()) {
          pendingWake = false;
          const pass = await scanAccount(scanEnv, c, accountId);
          failures = 0;
          setAccountStatus(env.db, env.events, accountId, 'idle', pass.notice, at(), true);
          if (stopped) break;
          await idleOnInbox(c, inbox?.path ?? 'INBOX');
          if (!c.usable) throw Object.assign(new Error('connection closed'), { code: 'EConnectionClosed' });
        }
      } catch (err) {
        if (stopped || err instanceof ScanStopped) break;
        failures++;
        const retryMs = Math.min(timing.maxRetryMs, timing.retryBaseMs * 2 ** (failures - 1));
        const detail = syncErrorText(err, { ...where, afterLogin }, retryMs);
        log.warn('mail scan: account failed', { accountId, detail });
        setAccountStatus(env.db, env.events, accountId, 'error', detail, at());
        env.events.emit('mail.syncProgress', { accountId, folder: '', phase: 'error', done: 0, total: 0 });
        closeClient();
        await pause(retryMs);
      } finally {
        closeClient();
      }
    }
  }

  const running = run().catch((err: unknown) =>
    log.error('mail scan: worker ended', { accountId, message: (err as Error).message }),
  );

  return {
    wake,
    stop: async () => {
      stopped = true;
      wake();
      // Closing the socket ends whatever command is under way at once; the loop then sees `stopped`.
      closeClient();
      await running;
    },
  };
}
