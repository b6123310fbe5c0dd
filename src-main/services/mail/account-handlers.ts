import type { mailCalls } from '../../../src-shared/contract/mail';
import { ContractError, invalidInput } from '../../../src-shared/contract/errors';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { getAccount, listAccounts, liveAccount, removeAccount, saveAccount } from './accounts/account-store';
import { accountSettings, type ConnectionSettings } from './accounts/connection-options';
import { secretProblem, testConnection } from './accounts/connection-test';
import { signalMailSync } from './accounts/sync-signal';
import { signalOutbox } from '../mailings/outbox-signal';
import { assertAdmin } from '../criteria/permissions';

type AccountCalls =
  'mail.accounts.list' | 'mail.accounts.save' | 'mail.accounts.remove' | 'mail.accounts.test' | 'mail.accounts.syncNow';
type TestInput = Parameters<Handlers<AccountCalls>['mail.accounts.test']>[0];

type StoredAccount = ReturnType<typeof liveAccount>;
type ServerFields = { imapHost?: string; smtpHost?: string; username?: string; password?: string | undefined };

/**
 * The stored password goes only to the servers and login it was typed for: a changed IMAP/SMTP host or user name
 * must come with the password again, or "Bağlantıyı sına" / saving would hand the stored one to any host typed in.
 */
function requirePasswordForNewServer(row: StoredAccount, f: ServerFields | undefined): void {
  if (!f || f.password) return;
  const same = (typed: string | undefined, stored: string) =>
    typed === undefined || typed.trim().toLowerCase() === stored.trim().toLowerCase();
  if (same(f.imapHost, row.imapHost) && same(f.smtpHost, row.smtpHost) && same(f.username, row.username)) return;
  throw invalidInput('Sunucu veya kullanıcı adı değiştiği için parolayı yeniden girin.', {
    'fields.password': 'Sunucu veya kullanıcı adı değişti: parolayı yeniden girin',
  });
}

/** The settings a test tries: the form's fields over the stored account, the stored password when none is typed. */
function settingsToTest(ctx: ServiceContext, input: TestInput): ConnectionSettings {
  const f = input.fields;
  if (input.id) {
    const row = liveAccount(ctx.db, input.id);
    requirePasswordForNewServer(row, f);
    const password = f?.password ?? accountSettings(ctx.db, ctx.secrets, row.id).password;
    return {
      imapHost: f?.imapHost ?? row.imapHost,
      imapPort: f?.imapPort ?? row.imapPort,
      imapSecurity: f?.imapSecurity ?? (row.imapSecurity as ConnectionSettings['imapSecurity']),
      smtpHost: f?.smtpHost ?? row.smtpHost,
      smtpPort: f?.smtpPort ?? row.smtpPort,
      smtpSecurity: f?.smtpSecurity ?? (row.smtpSecurity as ConnectionSettings['smtpSecurity']),
      username: f?.username ?? row.username,
      password,
    };
  }
  if (!f) throw invalidInput('Denenecek hesap ayarları gerekli.');
  if (!f.password)
    throw invalidInput('Bağlantıyı denemek için parola gerekli.', { 'fields.password': 'Parola gerekli' });
  return { ...f, password: f.password };
}

export const accountHandlers: Handlers<AccountCalls & keyof typeof mailCalls> = {
  'mail.accounts.list': (_input, ctx) => listAccounts(ctx.db),
  'mail.accounts.save': (input, ctx) => {
    if (input.id) {
      assertAdmin(ctx.db, ctx.userId, 'Posta hesabı eklemek veya değiştirmek');
      requirePasswordForNewServer(liveAccount(ctx.db, input.id), input.fields);
    }
    const account = saveAccount(ctx.db, ctx.secrets, input, actingStamp(ctx));
    signalMailSync(ctx.db, null);
    signalOutbox(ctx.db, { accountChanged: account.id });
    ctx.events.emit('mail.accountStatus', {
      accountId: account.id,
      status: account.status,
      detail: account.statusDetail,
    });
    return account;
  },
  'mail.accounts.remove': (input, ctx) => {
    removeAccount(ctx.db, input.id, actingStamp(ctx));
    signalMailSync(ctx.db, null);
    ctx.events.emit('mail.accountStatus', { accountId: input.id, status: 'disabled', detail: null });
    return { ok: true };
  },
  'mail.accounts.test': async (input, ctx) => {
    // Trying logins against arbitrary hosts with stored passwords is an admin's tool, like changing accounts.
    assertAdmin(ctx.db, ctx.userId, 'Posta hesabının bağlantısını denemek');
    let settings: ConnectionSettings;
    try {
      settings = settingsToTest(ctx, input);
    } catch (err) {
      if (err instanceof ContractError && err.code === 'CONFLICT') return secretProblem(err.message);
      throw err;
    }
    return testConnection(settings);
  },
  'mail.accounts.syncNow': (input, ctx) => {
    if (input.id) getAccount(ctx.db, input.id);
    signalMailSync(ctx.db, input.id ?? null);
    return { ok: true };
  },
};
