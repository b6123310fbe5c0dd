/**
 * The in-process link between the calls that queue work and the outbox job (per database connection, like the
 * text extraction signal): a queue, a resume or a resend wakes the job at once instead of at its next poll.
 * Nothing is stored here: after a restart the job reads the outbox from the database.
 */
import type { Db } from '../../db/connection';

type Connection = Db['$client'];
const listeners = new WeakMap<Connection, Set<() => void>>();

/** Call after the write committed. */
export function signalOutbox(db: Db): void {
  for (const listener of listeners.get(db.$client) ?? []) listener();
}

export function onOutboxSignal(db: Db, listener: () => void): () => void {
  let set = listeners.get(db.$client);
  if (!set) listeners.set(db.$client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
