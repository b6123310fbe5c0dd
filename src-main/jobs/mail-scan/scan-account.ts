/**
 * One pass over an account on a connected client: its inbox and its sent folder. The sent folder is found by
 * the name the account gives, else by the server's \Sent special-use flag (said in the account's status), so a
 * server calling it "Gönderilmiş Öğeler" or "Sent Items" still works.
 */
import { eq } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { mailAccounts } from '../../db/schema';
import { notFound } from '../../../src-shared/contract/errors';
import { addCounts, emptyCounts, type ScanCounts, type ScanEnv } from './scan-env';
import { syncFolder, type FolderToScan } from './sync-folder';
import { ParsePool } from './parse-worker-pool';

export interface AccountPass {
  counts: ScanCounts;
  /** Something the person should know although nothing failed (the sent folder found another way). */
  notice: string | null;
}

export class FolderMissing extends Error {}

export async function scanAccount(env: ScanEnv, client: ImapFlow, accountId: string): Promise<AccountPass> {
  const account = env.db.select().from(mailAccounts).where(eq(mailAccounts.id, accountId)).get();
  if (!account || account.deletedAt) throw notFound('Posta hesabı');
  const folders = await client.list();
  const byPath = (p: string) =>
    folders.find((m) => m.path === p) ??
    (p.toUpperCase() === 'INBOX' ? folders.find((m) => m.path.toUpperCase() === 'INBOX') : undefined);

  const inbox = byPath(account.inboxFolder);
  if (!inbox) throw new FolderMissing(`Gelen kutusu klasörü "${account.inboxFolder}" sunucuda bulunamadı.`);
  let notice: string | null = null;
  let sent = byPath(account.sentFolder);
  if (!sent) {
    sent = folders.find((m) => m.specialUse === '\\Sent');
    notice = sent
      ? `"${account.sentFolder}" klasörü bulunamadı; gönderilenler sunucunun gönderilmiş klasörü "${sent.path}" üzerinden okunuyor.`
      : `"${account.sentFolder}" klasörü bulunamadı; gönderilen postalar okunmuyor.`;
  }

  const toScan: FolderToScan[] = [
    { accountId, path: inbox.path, role: 'inbox', syncWindowDays: account.syncWindowDays },
  ];
  if (sent && sent.path !== inbox.path) {
    toScan.push({ accountId, path: sent.path, role: 'sent', syncWindowDays: account.syncWindowDays });
  }
  const counts = emptyCounts();
  // Messages are parsed in worker processes kept while the pass runs (started only if a message comes).
  const pool = env.parse ? null : new ParsePool();
  const withPool: ScanEnv = pool ? { ...env, parse: (raw) => pool.parse(raw) } : env;
  try {
    for (const folder of toScan) addCounts(counts, await syncFolder(withPool, client, folder));
  } finally {
    await pool?.close();
  }
  return { counts, notice };
}
