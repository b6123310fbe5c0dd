/**
 * What the settings screen shows about an account's sync: idle | syncing | error, with the last problem worded.
 * Written by the scan (job and CLI); each change is also an event so an open screen updates.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/connection';
import type { EventBus } from '../../../core/events';
import { mailAccounts } from '../../../db/schema';

export type SyncStatus = 'idle' | 'syncing' | 'error';

export function setAccountStatus(
  db: Db,
  events: EventBus,
  accountId: string,
  status: SyncStatus,
  detail: string | null,
  at: string,
  synced = false,
): void {
  const row = db
    .select({ status: mailAccounts.status, detail: mailAccounts.statusDetail, deletedAt: mailAccounts.deletedAt })
    .from(mailAccounts)
    .where(eq(mailAccounts.id, accountId))
    .get();
  // A removed account keeps its "disabled": a worker finishing late must not bring it back to life on screen.
  if (!row || row.deletedAt) return;
  if (row.status === status && row.detail === detail && !synced) return;
  db.update(mailAccounts)
    .set({ status, statusDetail: detail, ...(synced ? { lastSyncAt: at } : {}) })
    .where(eq(mailAccounts.id, accountId))
    .run();
  if (row.status !== status || row.detail !== detail) {
    events.emit('mail.accountStatus', { accountId, status, detail });
  }
}
