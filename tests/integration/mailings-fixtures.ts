/** Accounts, people and segments for the sending tests, written the way the app writes them. */
import type { KartotekApp } from '../../src-main/core/app';
import { newId } from '../../src-main/core/ids';
import type { SmtpSink } from '../support/smtp-sink';
import type { SmsGateway } from '../support/sms-gateway';

/**
 * A mail account pointing at the test SMTP sink (and at an IMAP server when given; otherwise at a port where
 * nothing listens, so the sent-folder copy fails fast). Inserted directly: account setup is another slice's call.
 */
export function addMailAccount(
  app: KartotekApp,
  smtp: SmtpSink,
  imap?: { host: string; port: number; user: string; password: string },
  options: { ratePerMinute?: number } = {},
): string {
  const id = newId();
  const sealed = app.ctx.secrets.seal(smtp.password);
  const at = new Date().toISOString();
  app.ctx.db.$client
    .prepare(
      `insert into mail_accounts (id, name, email_address, display_name, imap_host, imap_port, imap_security,
        smtp_host, smtp_port, smtp_security, username, secret_sealed, secret_scheme, sent_folder, rate_per_minute,
        created_at, updated_at) values (?, 'Ofis', ?, 'Kartotek Ofis', ?, ?, 'none', ?, ?, 'none', ?, ?, ?, 'Sent', ?, ?, ?)`,
    )
    .run(
      id,
      smtp.user,
      imap?.host ?? '127.0.0.1',
      imap?.port ?? 9,
      smtp.host,
      smtp.port,
      smtp.user,
      sealed.sealed,
      sealed.scheme,
      options.ratePerMinute ?? 100_000,
      at,
      at,
    );
  return id;
}

export function addSmsAccountRow(app: KartotekApp, gateway: SmsGateway): string {
  const id = newId();
  const sealed = app.ctx.secrets.seal(gateway.password);
  const at = new Date().toISOString();
  app.ctx.db.$client
    .prepare(
      `insert into sms_accounts (id, name, provider, api_url, username, secret_sealed, secret_scheme, sender,
        rate_per_minute, enabled, created_at, updated_at) values (?, 'SMS', 'local-gateway', ?, ?, ?, ?, 'KARTOTEK', 600, 1, ?, ?)`,
    )
    .run(id, gateway.apiUrl, gateway.user, sealed.sealed, sealed.scheme, at, at);
  return id;
}

/** `n` people with addresses under @liste.test, in one transaction (fast for hundreds). */
export function addListPeople(app: KartotekApp, n: number, tag = 'liste'): string[] {
  const db = app.ctx.db.$client;
  const at = new Date().toISOString();
  const ids: string[] = [];
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const id = newId();
      const first = `Kişi${i}`;
      const last = 'Öztürk';
      db.prepare(
        `insert into cards (id, type, display_name, sort_key, created_at, updated_at) values (?, 'person', ?, ?, ?, ?)`,
      ).run(id, `${first} ${last}`, String(i).padStart(6, '0'), at, at);
      db.prepare(`insert into persons (card_id, first_name, last_name, gender) values (?, ?, ?, ?)`).run(
        id,
        first,
        last,
        i % 2 ? 'female' : 'male',
      );
      db.prepare(
        `insert into emails (id, card_id, position, kind, address, is_primary, created_at, updated_at)
         values (?, ?, 0, 'work', ?, 1, ?, ?)`,
      ).run(newId(), id, `kisi${i}@${tag}.test`, at, at);
      ids.push(id);
    }
  })();
  return ids;
}

/** A segment query: persons with an e-mail containing the text. */
export const emailContains = (text: string) => ({
  type: 'group' as const,
  match: 'all' as const,
  children: [{ type: 'text' as const, field: 'email', op: 'contains' as const, value: text }],
});
