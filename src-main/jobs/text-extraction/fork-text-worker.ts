import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerSetup } from './worker-protocol';

/**
 * Starts the extraction worker as a process of its own. A thread is not
 * enough: on Node 20 one single allocation far past a worker thread's heap cap
 * (a string of hundreds of MB) aborts the whole process, app included. A child
 * process that runs out of memory, crashes or is killed takes only itself down.
 *
 * In the esbuild bundle this module lives inside dist/main/<entry>.js and the
 * worker is dist/main/text-worker.js (its own entry). From the TypeScript
 * sources (vitest, tsx) the child runs text-worker.ts through tsx's loader.
 */
export function forkTextWorker(setup: WorkerSetup, maxOldSpaceMb: number): ChildProcess {
  const here = import.meta.url;
  const fromSources = /\.ts($|\?)/.test(here);
  const entry = fileURLToPath(new URL(fromSources ? './text-worker.ts' : './text-worker.js', here));
  // Only our flags: whatever the parent was started with (inspector, test runner hooks) stays out.
  const execArgv = [`--max-old-space-size=${maxOldSpaceMb}`];
  if (fromSources) execArgv.push('--import', pathToFileURL(createRequire(here).resolve('tsx')).href);
  return fork(entry, [JSON.stringify(setup)], {
    execArgv,
    // Structured clone over the channel: the result object arrives as sent, pages of text included.
    serialization: 'advanced',
    // stdout: extractor libraries print warnings there, nobody reads them. stderr: read by the host
    // only to recognise V8's out-of-memory message, never passed on (it would spam the app's log).
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Inside Electron, process.execPath (fork's default) is the Electron binary, which would start a
    // second app window; ELECTRON_RUN_AS_NODE makes it run the script as plain Node instead. Plain
    // Node ignores the variable. (Disabling Electron's RunAsNode fuse would break this.)
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
