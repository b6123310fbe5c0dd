/**
 * One pass over one folder: a cheap STATUS first (nothing new → no SELECT, no FETCH: the common case, and the
 * one that must cost milliseconds), then new mail by UID, then the first scan's window, newest first, from
 * where it stopped. A changed UIDVALIDITY starts the folder over (the store matches known mail by content key).
 */
import type { ImapFlow } from 'imapflow';
import { writeTransaction } from '../../db/transaction';
import { addCounts, emptyCounts, type ScanCounts, type ScanEnv } from './scan-env';
import { fetchAndStore } from './fetch-and-store';
import {
  backfillFinished,
  backfillReached,
  folderState,
  lastUidReached,
  rememberModseq,
  startFolder,
  type FolderRole,
} from './folder-state';

export interface FolderToScan {
  accountId: string;
  path: string;
  role: FolderRole;
  syncWindowDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function progress(env: ScanEnv, f: FolderToScan, phase: 'first' | 'incremental', done: number, total: number) {
  env.events.emit('mail.syncProgress', { accountId: f.accountId, folder: f.path, phase, done, total });
}

async function uidNextFromNewest(client: ImapFlow, exists: number): Promise<number> {
  if (exists === 0) return 1;
  const newest = await client.fetchOne('*', { uid: true });
  return newest ? newest.uid + 1 : 1;
}

export async function syncFolder(env: ScanEnv, client: ImapFlow, f: FolderToScan): Promise<ScanCounts> {
  const counts = emptyCounts();
  const at = () => env.now().toISOString();
  let state = folderState(env.db, f.accountId, f.path, f.role, at());

  const condstore = client.capabilities.has('CONDSTORE') || client.capabilities.has('QRESYNC');
  const status = await client.status(f.path, { uidNext: true, uidValidity: true, highestModseq: condstore });
  if (
    status &&
    state.backfillDone &&
    state.uidValidity === String(status.uidValidity) &&
    (status.uidNext ?? Infinity) - 1 <= state.lastUid
  ) {
    return counts;
  }

  env.onBusy?.();
  const box = await client.mailboxOpen(f.path, { readOnly: true });
  const uidValidity = String(box.uidValidity);
  // UIDNEXT is optional in a SELECT answer (RFC 3501 says SHOULD): without it, the newest UID tells the same.
  const uidNext = box.uidNext > 0 ? box.uidNext : await uidNextFromNewest(client, box.exists);
  if (state.uidValidity !== uidValidity) {
    const windowStart = new Date(env.now().getTime() - f.syncWindowDays * DAY_MS).toISOString();
    state = writeTransaction(env.db, () =>
      startFolder(env.db, state.id, { uidValidity, uidNext, windowStart, at: at() }),
    );
  }
  const target = { accountId: f.accountId, folderId: state.id, role: f.role, uidValidity };

  // New mail first (oldest of it first, so last_uid only ever grows).
  if (uidNext - 1 > state.lastUid) {
    const listed = await client.search({ uid: `${state.lastUid + 1}:*` }, { uid: true });
    const uids = (listed || []).filter((u) => u > state.lastUid).sort((a, b) => a - b);
    if (uids.length) progress(env, f, 'incremental', 0, uids.length);
    addCounts(
      counts,
      await fetchAndStore(env, client, uids, {
        ...target,
        progress: (uid, when) => lastUidReached(env.db, state.id, uid, when),
        onGroup: (done) => progress(env, f, 'incremental', done, uids.length),
      }),
    );
    // UIDs below uidNext that were not listed are gone (expunged): no need to ask for them again.
    writeTransaction(env.db, () => lastUidReached(env.db, state.id, uidNext - 1, at()));
    state = { ...state, lastUid: uidNext - 1 };
  }

  if (!state.backfillDone) {
    const below = state.backfillNextBelow ?? (state.backfillTopUid ?? 0) + 1;
    let uids: number[] = [];
    if (below > 1) {
      const since = new Date(state.windowStart ?? env.now().toISOString());
      const listed = await client.search({ uid: `1:${below - 1}`, since }, { uid: true });
      uids = (listed || []).filter((u) => u < below).sort((a, b) => b - a);
    }
    progress(env, f, 'first', 0, uids.length);
    addCounts(
      counts,
      await fetchAndStore(env, client, uids, {
        ...target,
        progress: (uid, when) => backfillReached(env.db, state.id, uid, when),
        onGroup: (done) => progress(env, f, 'first', done, uids.length),
      }),
    );
    writeTransaction(env.db, () => backfillFinished(env.db, state.id, at()));
  }

  if (box.highestModseq !== undefined) {
    writeTransaction(env.db, () => rememberModseq(env.db, state.id, String(box.highestModseq), at()));
  }
  return counts;
}
