import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailAccountFields } from '../../src-shared/contract/mail';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTestApp } from './test-app';

const { app, call, callError } = useTestApp();

let imap: DovecotServer;
let smtp: SmtpSink;
beforeAll(async () => {
  [imap, smtp] = await Promise.all([startDovecot(), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([imap?.stop(), smtp?.stop()]);
});

const fields = (extra: Partial<MailAccountFields> = {}): MailAccountFields => ({
  name: 'Satış',
  emailAddress: imap.user,
  imapHost: imap.host,
  imapPort: imap.port,
  imapSecurity: 'none',
  smtpHost: smtp.host,
  smtpPort: smtp.port,
  smtpSecurity: 'none',
  username: imap.user,
  password: imap.password,
  ...extra,
});

/** Everything SQLite wrote for the data folder (the WAL holds recent pages until a checkpoint). */
const databaseBytes = () =>
  [app().dbFile, `${app().dbFile}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');

describe.skipIf(!dovecotInstalled())('mail accounts', () => {
  it('stores the password sealed: not in the database file, not in the audit rows; one account per address and server', async () => {
    const saved = await call('mail.accounts.save', { fields: fields() });
    expect(saved).toMatchObject({ name: 'Satış', status: 'idle', messageCount: 0, imapSecurity: 'none' });
    expect(databaseBytes()).not.toContain(imap.password);
    const audit = app()
      .ctx.db.$client.prepare('select action, before, after from audit_log where entity_id = ?')
      .all(saved.id) as { action: string; before: string | null; after: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(JSON.stringify(audit)).not.toContain(imap.password);
    expect(JSON.stringify(audit)).toContain(imap.host);

    // The same address on the same server again is refused, naming both.
    const twice = await callError('mail.accounts.save', { fields: fields({ name: 'Kopya' }) });
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toContain(imap.user);

    // A change without a password keeps the stored one (the test with the stored account still logs in).
    const renamed = await call('mail.accounts.save', {
      id: saved.id,
      fields: fields({ name: 'Satış ekibi', password: undefined }),
    });
    expect(renamed.name).toBe('Satış ekibi');
    const check = await call('mail.accounts.test', { id: saved.id });
    expect(check.imap).toMatchObject({ ok: true, problem: null });
    expect(check.smtp).toMatchObject({ ok: true, problem: null });

    // A new account needs a password.
    const noPassword = await callError('mail.accounts.save', {
      fields: fields({ emailAddress: 'diger@kartotek.test', password: undefined }),
    });
    expect(noPassword.code).toBe('INVALID_INPUT');
    expect(noPassword.fields?.['fields.password']).toBeTruthy();
  });

  it('sends the stored password only to the stored servers and login: a changed one needs the password typed again', async () => {
    const saved = await call('mail.accounts.save', { fields: fields() });
    const elsewhere = { imapHost: 'posta.baska-sunucu.test', password: undefined };

    // "Bağlantıyı sına" with another IMAP host, SMTP host or user name and no password: refused before any login.
    for (const changed of [
      elsewhere,
      { smtpHost: 'smtp.baska-sunucu.test', password: undefined },
      { username: 'baska-kullanici', password: undefined },
    ]) {
      const refused = await callError('mail.accounts.test', { id: saved.id, fields: fields(changed) });
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.fields?.['fields.password']).toContain('parolayı yeniden girin');
    }
    // Saving such a change is refused the same way, and the stored servers stay as they were.
    const notSaved = await callError('mail.accounts.save', { id: saved.id, fields: fields(elsewhere) });
    expect(notSaved.code).toBe('INVALID_INPUT');
    expect(notSaved.fields?.['fields.password']).toBeTruthy();
    expect((await call('mail.accounts.list', {}))[0]).toMatchObject({ imapHost: imap.host });

    // The same servers (host written in another case) still use the stored password and log in.
    const same = await call('mail.accounts.test', {
      id: saved.id,
      fields: fields({ imapHost: imap.host.toUpperCase(), password: undefined }),
    });
    expect(same.imap).toMatchObject({ ok: true });
    // With the password typed, another server is tried (here it does not exist: a connection problem, not a refusal).
    const typed = await call('mail.accounts.test', {
      id: saved.id,
      fields: fields({ imapHost: 'posta.baska-sunucu.test', password: imap.password }),
    });
    expect(typed.imap.ok).toBe(false);
    expect(typed.smtp).toMatchObject({ ok: true });
  });

  it('says what is wrong with a connection: auth failed, unreachable, TLS mode; never echoes the password', async () => {
    const wrong = await call('mail.accounts.test', { fields: fields({ password: 'yanlis-Parola-9' }) });
    expect(wrong.imap).toMatchObject({ ok: false, problem: 'auth' });
    expect(wrong.smtp).toMatchObject({ ok: false, problem: 'auth' });
    expect(wrong.imap.message).toContain('parolayı kabul etmedi');
    expect(JSON.stringify(wrong)).not.toContain('yanlis-Parola-9');

    // A closed port: 1 is never listened on here.
    const closed = await call('mail.accounts.test', { fields: fields({ imapPort: 1, smtpPort: 1 }) });
    expect(closed.imap).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(closed.smtp).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(closed.imap.message).toContain('ulaşılamadı');

    // TLS spoken to dovecot's cleartext port, STARTTLS asked of servers that do not offer it.
    const tls = await call('mail.accounts.test', { fields: fields({ imapSecurity: 'tls', smtpSecurity: 'tls' }) });
    expect(tls.imap).toMatchObject({ ok: false, problem: 'tls' });
    expect(tls.smtp).toMatchObject({ ok: false, problem: 'tls' });
    const starttls = await call('mail.accounts.test', {
      fields: fields({ imapSecurity: 'starttls', smtpSecurity: 'starttls' }),
    });
    expect(starttls.imap).toMatchObject({ ok: false, problem: 'tls' });
    expect(starttls.smtp).toMatchObject({ ok: false, problem: 'tls' });
    expect(starttls.imap.message).toContain('güvenli bağlantı kurulamadı');
  });

  it('lists accounts with status and count, removes one (its password forgotten), and only admins may change them', async () => {
    const a = await call('mail.accounts.save', { fields: fields() });
    const b = await call('mail.accounts.save', {
      fields: fields({ name: 'Bilgi', emailAddress: 'bilgi@kartotek.test' }),
    });
    expect((await call('mail.accounts.list', {})).map((x) => x.name)).toEqual(['Bilgi', 'Satış']);
    await call('mail.accounts.remove', { id: a.id });
    const left = await call('mail.accounts.list', {});
    expect(left.map((x) => x.id)).toEqual([b.id]);
    const row = app()
      .ctx.db.$client.prepare('select secret_sealed, deleted_at from mail_accounts where id = ?')
      .get(a.id);
    expect(row).toMatchObject({ secret_sealed: '' });
    expect((await callError('mail.accounts.test', { id: a.id })).code).toBe('NOT_FOUND');
    expect((await callError('mail.accounts.syncNow', { id: a.id })).code).toBe('NOT_FOUND');

    app().ctx.db.$client.prepare("update users set role = 'staff' where id = ?").run(app().ctx.userId);
    const refused = await callError('mail.accounts.save', { id: b.id, fields: fields({ name: 'Başka' }) });
    expect(refused.code).toBe('FORBIDDEN');
    expect((await callError('mail.accounts.remove', { id: b.id })).code).toBe('FORBIDDEN');
    // Reading the list stays open to everyone (the mail screens show the accounts' status).
    expect(await call('mail.accounts.list', {})).toHaveLength(1);
  });
});
