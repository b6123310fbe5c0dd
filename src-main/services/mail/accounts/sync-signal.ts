/**
 * The link between the account calls and the mail scan job (core/db-signal.ts): "look at this account now"
 * (syncNow) and "the accounts changed" (added, edited, removed) wake the job at once. After a restart the job
 * reads the accounts.
 */
import type { Db } from '../../../db/connection';
import { dbSignal } from '../../../core/db-signal';

/** accountId: look at that account now; null: every account (and re-read which accounts there are). */
const sync = dbSignal<string | null>();

export function signalMailSync(db: Db, accountId: string | null = null): void {
  sync.signal(db, accountId);
}

export const onMailSyncSignal = sync.on;
