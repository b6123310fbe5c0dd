/**
 * Kartotek's side of the mail scan benchmark: the account added through the contract (as the settings screen
 * does), then `kartotek mail sync` (mailSyncCommand) for the first scan and for incremental scans with no new mail.
 */
import type { BenchDb } from './bench-kit';
import type { DovecotServer } from '../support/dovecot';
import { mailSyncCommand } from '../../src-main/cli/mail-account-commands';
import type { KartotekApp } from '../../src-main/core/app';
import { connectImap } from '../../src-main/services/mail/accounts/connection-options';
import { scanAccount } from '../../src-main/jobs/mail-scan/scan-account';
import { scanEnvOf } from '../../src-main/jobs/mail-scan/scan-env';

async function ensureAccount(app: KartotekApp, server: DovecotServer): Promise<string> {
  const result = await app.call('mail.accounts.save', {
    fields: {
      name: 'Bench',
      emailAddress: 'ofis@kartotek.test',
      imapHost: server.host,
      imapPort: server.port,
      imapSecurity: 'none',
      smtpHost: server.host,
      smtpPort: 1,
      smtpSecurity: 'none',
      username: server.user,
      password: server.password,
      // The generated mail is dated from January 2026: a window wide enough for all of it.
      syncWindowDays: 3650,
    },
  });
  if (!result.ok) throw new Error(`mail.accounts.save: ${result.error.message}`);
  return (result.value as { id: string }).id;
}

/** One `mail sync` over the account, on the bench's open app (never closed by the command). */
async function syncOnce(bench: BenchDb, accountId: string, onScanned?: () => void) {
  const answer = await mailSyncCommand({
    account: accountId,
    open: () => ({ ...bench.app, close: () => undefined }),
    onScanned,
  });
  const value = answer.value as {
    accounts: { fetched: number; stored: number; linked: number; unfiled: number; errors?: unknown }[];
  };
  const totals = { stored: 0, linked: 0, unfiled: 0 };
  for (const a of value.accounts) {
    totals.stored += a.stored;
    totals.linked += a.linked;
    totals.unfiled += a.unfiled;
  }
  return totals;
}

export async function runOurFirstScan(
  bench: BenchDb,
  server: DovecotServer,
): Promise<{ listedMs: number; ms: number; stored: number; linked: number; unfiled: number }> {
  const accountId = await ensureAccount(bench.app, server);
  const t0 = performance.now();
  let listedMs = 0;
  // Listed and linked: the scan is done, the bodies it queued are not read yet (the command reads them next).
  const totals = await syncOnce(bench, accountId, () => (listedMs = performance.now() - t0));
  return { listedMs, ms: performance.now() - t0, ...totals };
}

export async function runOurIncrementalScans(
  bench: BenchDb,
  _server: DovecotServer,
): Promise<{ cliP50: number; openP50: number }> {
  const accountId = (bench.app.ctx.db.$client.prepare('select id from mail_accounts limit 1').get() as { id: string })
    .id;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const totals = await syncOnce(bench, accountId);
    times.push(performance.now() - t0);
    if (totals.stored !== 0) console.log(`!! an incremental scan stored ${totals.stored} messages`);
  }
  // As the running job sees it: one pass over the account (inbox and sent) on a connection already open.
  const ctx = bench.app.ctx;
  const client = await connectImap(ctx.db, ctx.secrets, accountId);
  const env = scanEnvOf(bench.app);
  const open: number[] = [];
  try {
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      const pass = await scanAccount(env, client, accountId);
      open.push(performance.now() - t0);
      if (pass.counts.stored !== 0) console.log(`!! an incremental pass stored ${pass.counts.stored} messages`);
    }
  } finally {
    await client.logout();
  }
  return { cliP50: median(times), openP50: median(open) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
