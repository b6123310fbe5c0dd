/**
 * The in-process link between document writes and the text extraction job,
 * per database connection: writes that leave work say so (the job wakes at
 * once instead of at its next poll), and the job says which document it is
 * working on (documents.extraction shows it). Nothing here is stored: after a
 * restart the queue is read again from the documents' statuses.
 */
import type { Db } from '../../db/connection';
import { dbSignal } from '../../core/db-signal';

export interface RunningExtraction {
  documentId: string;
  name: string;
}

type Connection = Db['$client'];
const queue = dbSignal<void>();
const running = new WeakMap<Connection, RunningExtraction>();

/** Call after the write committed: there may be new text to extract. */
export function signalTextQueue(db: Db): void {
  queue.signal(db);
}

export function onTextQueueSignal(db: Db, listener: () => void): () => void {
  return queue.on(db, listener);
}

export function setRunningExtraction(db: Db, doc: RunningExtraction | null): void {
  if (doc) running.set(db.$client, doc);
  else running.delete(db.$client);
}

export function runningExtraction(db: Db): RunningExtraction | null {
  return running.get(db.$client) ?? null;
}
