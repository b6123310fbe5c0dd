/**
 * The in-process link between the account calls and the mail scan job, per database connection (like
 * documents/text-extraction-signal.ts): "look at this account now" (syncNow) and "the accounts changed"
 * (added, edited, removed) wake the job at once. Nothing is stored: after a restart the job reads the accounts.
 */
import type { Db } from '../../../db/connection';

/** accountId: look at that account now; null: every account (and re-read which accounts there are). */
type Listener = (accountId: string | null) => void;

const listeners = new WeakMap<Db['$client'], Set<Listener>>();

export function signalMailSync(db: Db, accountId: string | null = null): void {
  for (const listener of listeners.get(db.$client) ?? []) listener(accountId);
}

export function onMailSyncSignal(db: Db, listener: Listener): () => void {
  let set = listeners.get(db.$client);
  if (!set) listeners.set(db.$client, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
