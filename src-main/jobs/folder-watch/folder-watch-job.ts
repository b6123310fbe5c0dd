import type { KartotekApp } from '../../core/app';
import { isoNow } from '../../core/context';
import { log } from '../../core/log';
import type { EventPayload } from '../../../src-shared/contract';
import { waitingCount } from '../../services/inbox/inbox-reads';
import { suggestForDocuments } from '../../services/inbox/inbox-suggestions';
import type { RunningJob } from '../background-jobs';
import { folderScannerFor } from './folder-scanner';

/** Often enough that a scan shows up while the person is still at the scanner, rarely enough to cost nothing. */
export const FOLDER_POLL_MS = 3000;
/** How long stop() waits for a scan under way to end (a chunk being hashed takes milliseconds). */
const STOP_WAIT_MS = 1000;

/**
 * Watches the folders by looking into them every few seconds. fs.watch is not
 * used: on network drives (SMB/NFS) it reports nothing or not reliably, it
 * differs between Windows, macOS and Linux (renames, atomic saves, events for
 * files still being written), and a folder that disappears with its drive
 * silently stops it. A listing every few seconds works everywhere, notices a
 * folder coming back, and gives the "holds still for two looks" rule its clock.
 *
 * Also listens for extracted text: once a waiting file's text is there, the
 * card it points at is looked for.
 */
export function startFolderWatch(app: KartotekApp, intervalMs = FOLDER_POLL_MS): RunningJob {
  const ctx = app.ctx;
  const scanner = folderScannerFor(ctx);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const poll = () => {
    running = scanner
      .scan()
      .catch((err: unknown) => log.error('folder watch: scan failed', { message: (err as Error).message }))
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, intervalMs);
      });
  };
  timer = setTimeout(poll, 0);

  const onText = (payload: EventPayload<'documents.textChanged'>) => {
    if (stopped) return;
    try {
      if (suggestForDocuments(ctx.db, payload.documentIds, isoNow(ctx)) > 0) {
        ctx.events.emit('inbox.changed', { waiting: waitingCount(ctx.db) });
      }
    } catch (err) {
      log.error('folder watch: suggestion failed', { message: (err as Error).message });
    }
  };
  const unsubscribe = ctx.events.subscribe((event) => {
    // Later, outside the emitter's own work (it may still be finishing its batch).
    if (event.name === 'documents.textChanged') {
      setImmediate(() => onText(event.payload as EventPayload<'documents.textChanged'>));
    }
  });

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      // The scanner stops hashing at once and touches the database no more; a scan stuck on an offline
      // share (a listing can hang for some twenty seconds) is not waited for, it only ends quietly later.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([scanner.stop(), running]),
        new Promise((resolve) => (waited = setTimeout(resolve, STOP_WAIT_MS))),
      ]);
      clearTimeout(waited);
    },
  };
}
