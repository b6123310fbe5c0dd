/**
 * The in-process link between the calls that queue work and the outbox job (per database connection, like the
 * text extraction signal): a queue, a resume or a resend wakes the job at once instead of at its next poll.
 * Nothing is stored here: after a restart the job reads the outbox from the database.
 */
import type { Db } from '../../db/connection';

type Connection = Db['$client'];
/** `accountChanged`: an account was saved (a new password, say): its wait after a problem ends now. */
export type OutboxSignal = { accountChanged?: string };
type Listener = (signal: OutboxSignal) => void;
const listeners = new WeakMap<Connection, Set<Listener>>();

/** Call after the write committed. */
export function signalOutbox(db: Db, signal: OutboxSignal = {}): void {
  for (const listener of listeners.get(db.$client) ?? []) listener(signal);
}

export function onOutboxSignal(db: Db, listener: Listener): () => void {
  let set = listeners.get(db.$client);
  if (!set) listeners.set(db.$client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
