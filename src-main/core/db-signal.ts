/**
 * An in-process signal per database connection: writers say "there is work" after their commit, a job listens and
 * wakes at once instead of at its next poll. Nothing is stored: after a restart the job reads its work from the
 * database. One connection's signals never reach another's listeners (tests open many databases in one process).
 */
import type { Db } from '../db/connection';

export interface DbSignal<T> {
  signal(db: Db, value: T): void;
  /** Returns the unsubscribe. */
  on(db: Db, listener: (value: T) => void): () => void;
}

export function dbSignal<T>(): DbSignal<T> {
  const listeners = new WeakMap<Db['$client'], Set<(value: T) => void>>();
  return {
    signal(db, value) {
      for (const listener of listeners.get(db.$client) ?? []) listener(value);
    },
    on(db, listener) {
      let set = listeners.get(db.$client);
      if (!set) listeners.set(db.$client, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
