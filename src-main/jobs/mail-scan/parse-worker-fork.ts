import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starts one mail parse worker process (as fork-text-worker.ts does for text extraction: a thread is not enough,
 * one huge allocation past a thread's cap aborts the whole process). In the esbuild bundle the worker is
 * dist/main/mail-parse-worker.js (its own entry, next to the bundle that starts it); from the TypeScript
 * sources (vitest, tsx) the child runs parse-worker.ts through tsx's loader.
 */
export function forkParseWorker(maxOldSpaceMb: number): ChildProcess {
  const here = import.meta.url;
  const fromSources = /\.ts($|\?)/.test(here);
  const entry = fileURLToPath(new URL(fromSources ? './parse-worker.ts' : './mail-parse-worker.js', here));
  // Only our flags: whatever the parent was started with (inspector, test runner hooks) stays out.
  const execArgv = [`--max-old-space-size=${maxOldSpaceMb}`];
  if (fromSources) execArgv.push('--import', pathToFileURL(createRequire(here).resolve('tsx')).href);
  return fork(entry, [], {
    execArgv,
    // Structured clone: the parsed mail arrives as sent, attachment bytes included.
    serialization: 'advanced',
    // stderr is read by the pool only to recognise V8's out-of-memory message, never passed on.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Inside Electron, fork's default execPath is the Electron binary: run it as plain Node instead.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}
