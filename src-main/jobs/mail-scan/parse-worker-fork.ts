import type { ChildProcess } from 'node:child_process';
import { forkNodeWorker } from '../../core/fork-node-worker';

/** Starts one mail parse worker process (core/fork-node-worker.ts says why a process, not a thread). */
export function forkParseWorker(maxOldSpaceMb: number): ChildProcess {
  return forkNodeWorker({ source: 'jobs/mail-scan/parse-worker.ts', bundle: 'mail-parse-worker' }, maxOldSpaceMb);
}
