import { ImapFlow } from 'imapflow';
import type { KartotekApp } from '../core/app';
import type { MailSecurity, MailAccountOut } from '../../src-shared/contract/mail';
import { MAIL_SECURITY } from '../../src-shared/contract/mail';
import { accountSettings, imapOptions } from '../services/mail/accounts/connection-options';
import { setAccountStatus } from '../services/mail/accounts/account-status';
import { enabledAccounts, getAccount } from '../services/mail/accounts/account-store';
import { scanAccount } from '../jobs/mail-scan/scan-account';
import { drainMailBodies } from '../jobs/mail-bodies/mail-body-job';
import { syncErrorText } from '../jobs/mail-scan/sync-error-text';
import { emptyCounts, scanEnvOf, type ScanCounts } from '../jobs/mail-scan/scan-env';
import type { MailAnswer, MailOptions } from './mail-commands';
import { CommandError } from './transfer-commands';

function hostPort(value: string | undefined, flag: string): { host: string; port: number | undefined } {
  if (!value) throw new CommandError(`${flag} SUNUCU:PORT gerekli`);
  const m = /^(.+?)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!m) throw new CommandError(`${flag} "${value}" SUNUCU:PORT biçiminde olmalı`);
  return { host: m[1]!, port: m[2] ? Number(m[2]) : undefined };
}

async function withApp<T>(options: MailOptions, work: (app: KartotekApp) => Promise<T>): Promise<T> {
  const app = options.open();
  try {
    return await work(app);
  } finally {
    app.close();
  }
}

/** `mail accounts add …`: checks the connection and stores the account (password from the named variable). */
export async function mailAccountsAddCommand(options: MailOptions): Promise<MailAnswer> {
  const imap = hostPort(options.imap, '--imap');
  const smtp = hostPort(options.smtp, '--smtp');
  if (!options.user) throw new CommandError('--user KULLANICI gerekli');
  if (!options.passwordEnv) throw new CommandError('--password-env DEĞİŞKEN gerekli (parola komut satırına yazılmaz)');
  const password = process.env[options.passwordEnv];
  if (!password) throw new CommandError(`${options.passwordEnv} ortam değişkeni boş ya da tanımlı değil`);
  const tls = (options.tls ?? 'tls') as MailSecurity;
  if (!MAIL_SECURITY.includes(tls)) throw new CommandError(`--tls "${options.tls}": none, starttls ya da tls olmalı`);
  const defaultPorts = { tls: [993, 465], starttls: [143, 587], none: [143, 25] }[tls];
  const address = options.address ?? options.user;
  const fields = {
    name: options.name ?? address,
    emailAddress: address,
    imapHost: imap.host,
    imapPort: imap.port ?? defaultPorts[0]!,
    imapSecurity: tls,
    smtpHost: smtp.host,
    smtpPort: smtp.port ?? defaultPorts[1]!,
    smtpSecurity: tls,
    username: options.user,
    password,
  };
  return withApp(options, async (app) => {
    const tested = await app.call('mail.accounts.test', { fields });
    if (!tested.ok) throw new CommandError(`${tested.error.code}: ${tested.error.message}`);
    const checks = tested.value as { imap: { ok: boolean; message: string }; smtp: { ok: boolean; message: string } };
    const problems = [checks.imap, checks.smtp].filter((c) => !c.ok).map((c) => c.message);
    if (problems.length) throw new CommandError(`hesap eklenmedi: ${problems.join(' ')}`);
    const saved = await app.call('mail.accounts.save', { fields });
    if (!saved.ok) throw new CommandError(`${saved.error.code}: ${saved.error.message}`);
    const account = saved.value as MailAccountOut;
    return {
      value: account,
      text: () =>
        `Posta hesabı eklendi: ${account.name} (${account.id}). Bağlantı denendi: IMAP ve SMTP girişi başarılı.`,
    };
  });
}

interface AccountSync extends ScanCounts {
  id: string;
  errors: string[];
}

async function syncOne(app: KartotekApp, accountId: string): Promise<AccountSync> {
  const ctx = app.ctx;
  const at = () => ctx.now().toISOString();
  const out: AccountSync = { id: accountId, ...emptyCounts(), errors: [] };
  const env = scanEnvOf(app, {
    onBusy: () => setAccountStatus(ctx.db, ctx.events, accountId, 'syncing', null, at()),
  });
  let where = { host: '', port: 0, afterLogin: false };
  let client: ImapFlow | null = null;
  try {
    const settings = accountSettings(ctx.db, ctx.secrets, accountId);
    where = { host: settings.imapHost, port: settings.imapPort, afterLogin: false };
    client = new ImapFlow(imapOptions(settings));
    client.on('error', () => undefined);
    await client.connect();
    where.afterLogin = true;
    const pass = await scanAccount(env, client, accountId);
    Object.assign(out, pass.counts);
    setAccountStatus(ctx.db, ctx.events, accountId, 'idle', pass.notice, at(), true);
    await client.logout();
  } catch (err) {
    const detail = syncErrorText(err, where, null);
    out.errors.push(detail);
    setAccountStatus(ctx.db, ctx.events, accountId, 'error', detail, at());
    client?.close();
  }
  return out;
}

/** `mail sync [--account ID] --json`: one scan of each account; prints fetched, stored, linked, unfiled, bounces. */
export async function mailSyncCommand(options: MailOptions): Promise<MailAnswer> {
  return withApp(options, async (app) => {
    const ids = options.account
      ? [getAccount(app.ctx.db, options.account).id]
      : enabledAccounts(app.ctx.db).map((a) => a.id);
    const accounts: AccountSync[] = [];
    for (const id of ids) accounts.push(await syncOne(app, id));
    options.onScanned?.();
    // One scan means the mail is all there when the command ends: bodies a large scan queued are read now.
    await drainMailBodies(app);
    const value = { accounts };
    return {
      value,
      failed: accounts.some((a) => a.errors.length > 0),
      text: () =>
        accounts.length === 0
          ? 'Taranacak posta hesabı yok.'
          : accounts
              .map(
                (a) =>
                  `${a.id}: alınan ${a.fetched}, saklanan ${a.stored}, karta bağlanan ${a.linked}, ` +
                  `dosyalanmamış ${a.unfiled}, geri dönen ${a.bounces}` +
                  (a.errors.length ? ` — HATA: ${a.errors.join(' ')}` : ''),
              )
              .join('\n'),
    };
  });
}
