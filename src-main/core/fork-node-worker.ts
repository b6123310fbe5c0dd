import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface NodeWorkerEntry {
  /** The worker's source, relative to src-main (run through tsx's loader under vitest and tsx). */
  source: string;
  /** Its esbuild entry name: dist/main/<bundle>.js, next to the bundle that starts it (scripts/build-main.mjs). */
  bundle: string;
}

/**
 * Starts a worker as a Node process of its own, for work that may blow up on hostile input (mail, documents). A
 * thread is not enough: on Node 20 one single allocation far past a worker thread's heap cap (a string of hundreds
 * of MB) aborts the whole process, app included. A child process that runs out of memory, crashes or is killed
 * takes only itself down. Messages go over the IPC channel by structured clone (Buffers and objects arrive as
 * sent). stdout is dropped (libraries print warnings there); stderr is a pipe the caller may read to recognise
 * V8's out-of-memory message, never passed on.
 */
export function forkNodeWorker(entry: NodeWorkerEntry, maxOldSpaceMb: number, args: string[] = []): ChildProcess {
  // This module is src-main/core/fork-node-worker.ts in the sources, and inside dist/main/<entry>.js when bundled.
  const here = import.meta.url;
  const fromSources = /\.ts($|\?)/.test(here);
  const file = fileURLToPath(new URL(fromSources ? `../${entry.source}` : `./${entry.bundle}.js`, here));
  // Only our flags: whatever the parent was started with (inspector, test runner hooks) stays out.
  const execArgv = [`--max-old-space-size=${maxOldSpaceMb}`];
  if (fromSources) execArgv.push('--import', pathToFileURL(createRequire(here).resolve('tsx')).href);
  return fork(file, args, {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Inside Electron, process.execPath (fork's default) is the Electron binary, which would start a second app
    // window; ELECTRON_RUN_AS_NODE makes it run the script as plain Node instead. Plain Node ignores the variable.
    // (Disabling Electron's RunAsNode fuse would break this.)
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
