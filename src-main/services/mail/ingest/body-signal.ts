/**
 * The in-process link between the mail store and the mail body job, per database connection (like
 * accounts/sync-signal.ts): "bodies were queued" after a scan, and "read this one first" when someone opens a mail
 * whose body is still queued. Nothing is stored: after a restart the job reads the queue.
 */
import type { Db } from '../../../db/connection';

/** messageId: read that mail's body before the others; null: bodies were queued. */
type Listener = (messageId: string | null) => void;

const listeners = new WeakMap<Db['$client'], Set<Listener>>();

export function signalMailBodies(db: Db, messageId: string | null = null): void {
  for (const listener of listeners.get(db.$client) ?? []) listener(messageId);
}

export function onMailBodiesSignal(db: Db, listener: Listener): () => void {
  let set = listeners.get(db.$client);
  if (!set) listeners.set(db.$client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
