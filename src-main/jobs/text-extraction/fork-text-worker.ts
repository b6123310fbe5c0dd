import type { ChildProcess } from 'node:child_process';
import { forkNodeWorker } from '../../core/fork-node-worker';
import type { WorkerSetup } from './worker-protocol';

/** Starts the extraction worker as a process of its own (core/fork-node-worker.ts says why a process). */
export function forkTextWorker(setup: WorkerSetup, maxOldSpaceMb: number): ChildProcess {
  return forkNodeWorker({ source: 'jobs/text-extraction/text-worker.ts', bundle: 'text-worker' }, maxOldSpaceMb, [
    JSON.stringify(setup),
  ]);
}
