import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { isoNow } from '../../src-main/core/context';
import { runDemo } from '../../src-main/core/demo';
import { fillDemo, type DemoCounts, type DemoOptions } from '../../src-main/services/demo/generate-demo';
import { enabledAccounts } from '../../src-main/services/mail/accounts/account-store';
import { ContractError } from '../../src-shared/contract/errors';
import { contractCalls } from './contract-calls';

/**
 * The demo firm's mailbox: an offline account, three weeks of mail linked to the cards it is about, strangers
 * waiting unfiled, answers in threads and the catalogue mailing with its bounce. A small firm keeps it quick.
 */
const SMALL: DemoOptions = { seed: 42, institutions: 40, persons: 250 };
/** Wednesday 11 March 2026, 10:30 in Istanbul. */
const WEDNESDAY = '2026-03-11T07:30:00.000Z';

const dirs: string[] = [];
const apps: KartotekApp[] = [];

function freshApp(now: string): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-demo-mail-'));
  dirs.push(dir);
  const app = openApp({ dataDir: dir, now: () => new Date(now) });
  apps.push(app);
  return app;
}

function filled(now: string, options: DemoOptions = SMALL): { app: KartotekApp; counts: DemoCounts } {
  const app = freshApp(now);
  const counts = fillDemo(
    app.ctx.db,
    { userId: app.ctx.userId, at: isoNow(app.ctx) },
    { ...options, secrets: app.ctx.secrets },
  );
  return { app, counts };
}

const all = <T>(app: KartotekApp, sql: string, ...params: unknown[]) =>
  app.ctx.db.$client.prepare(sql).all(...params) as T[];
const one = <T>(app: KartotekApp, sql: string, ...params: unknown[]) =>
  app.ctx.db.$client.prepare(sql).get(...params) as T;
const count = (app: KartotekApp, sql: string, ...params: unknown[]) => one<{ n: number }>(app, sql, ...params).n;

afterAll(() => {
  for (const app of apps) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo firm’s mailbox', () => {
  let app: KartotekApp;
  let counts: DemoCounts;
  const { call } = contractCalls(() => app);

  beforeAll(() => {
    ({ app, counts } = filled(WEDNESDAY));
  });

  it('has one offline account whose password opens with the app’s secret box', async () => {
    const accounts = await call('mail.accounts.list', {});
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect(account.name).toBe('Demo — Genel (çevrimdışı)');
    expect(account.enabled).toBe(false);
    expect(account.status).toBe('disabled');
    expect(account.messageCount).toBeGreaterThan(50);
    // The scan job starts workers only for enabled accounts: the demo one is never connected to.
    expect(enabledAccounts(app.ctx.db)).toEqual([]);
    const row = one<{ sealed: string; scheme: string }>(
      app,
      'select secret_sealed as sealed, secret_scheme as scheme from mail_accounts',
    );
    expect(row.sealed).not.toMatch(/^demo-/);
    expect(app.ctx.secrets.open(row.sealed, row.scheme)).toMatch(/^demo-\d{12}$/);
    const folders = all<{ path: string; role: string }>(app, 'select path, role from mail_folders order by path');
    expect(folders).toEqual([
      { path: 'INBOX', role: 'inbox' },
      { path: 'Sent', role: 'sent' },
    ]);
  });

  it('stores about three weeks of incoming mail, most of it on the cards of its senders', () => {
    expect(counts.mails).toBe(count(app, 'select count(*) as n from mail_messages'));
    const incoming = count(app, "select count(*) as n from mail_messages where direction = 'in'");
    expect(incoming).toBeGreaterThanOrEqual(50);
    const oldest = one<{ at: string }>(app, "select min(received_at) as at from mail_messages where direction = 'in'");
    expect(Date.parse(WEDNESDAY) - Date.parse(oldest.at)).toBeLessThanOrEqual(22 * 86_400_000);
    expect(count(app, 'select count(*) as n from mail_messages where received_at > ?', WEDNESDAY)).toBe(0);
    const byAddress = count(
      app,
      `select count(distinct message_id) as n from mail_message_cards mc join mail_messages m on m.id = mc.message_id
       where m.direction = 'in' and mc.link_kind = 'address'`,
    );
    expect(byAddress).toBeGreaterThanOrEqual(30);
    expect(count(app, "select count(*) as n from mail_message_cards where link_kind = 'domain'")).toBeGreaterThan(0);
    expect(count(app, 'select count(*) as n from mail_messages where body_html_source is not null')).toBeGreaterThan(0);
  });

  it('shows a customer’s mail and the staff’s answer on the customer’s timeline', async () => {
    const reply = one<{ cardId: string; subject: string; inReplyTo: string }>(
      app,
      `select mc.card_id as cardId, m.subject, m.in_reply_to as inReplyTo from mail_messages m
       join mail_message_cards mc on mc.message_id = m.id
       where m.direction = 'out' and m.in_reply_to is not null order by m.received_at limit 1`,
    );
    expect(reply.subject).toMatch(/^Ynt: /);
    const { entries } = await call('timeline.forCard', { cardId: reply.cardId, limit: 50 });
    const mails = entries.filter((e) => e.kind === 'mail').map((e) => e.title);
    expect(mails).toContain(reply.subject);
    expect(mails).toContain(reply.subject.replace(/^Ynt: /, ''));
  });

  it('keeps a few conversations that went back and forth', async () => {
    const threads = all<{ threadId: string; n: number }>(
      app,
      `select thread_id as threadId, count(*) as n from mail_messages group by thread_id having n >= 3`,
    );
    expect(threads.length).toBeGreaterThanOrEqual(1);
    const someMail = one<{ id: string }>(
      app,
      'select id from mail_messages where thread_id = ? limit 1',
      threads[0]!.threadId,
    );
    const detail = await call('mail.get', { id: someMail.id });
    expect(detail.thread.map((m) => m.direction)).toEqual(expect.arrayContaining(['in', 'out']));
  });

  it('leaves the strangers’ mail waiting unfiled', async () => {
    const { rows: mails } = await call('mail.list', { view: 'unfiled', limit: 50 });
    expect(mails.length).toBeGreaterThanOrEqual(6);
    for (const mail of mails) expect(mail.from!.address).toMatch(/@(gmail|hotmail|yandex)\.com$/);
    const counts = await call('mail.counts', {});
    expect(counts.unfiled).toBe(mails.length);
  });

  it('records the catalogue mailing: every recipient, the sent copies, and the one that bounced', async () => {
    const { rows: mailings } = await call('mailings.list', { limit: 50 });
    const catalogue = mailings.find((m) => m.subject === 'Yeni yıl kataloğu')!;
    expect(catalogue.kind).toBe('mailing');
    expect(catalogue.status).toBe('done');
    const rows = all<{
      status: string;
      referenceNo: string;
      mailId: string | null;
      error: string | null;
      cardId: string;
    }>(
      app,
      `select status, reference_no as referenceNo, mail_message_id as mailId, error, card_id as cardId
       from mailing_recipients where mailing_id = ?`,
      catalogue.id,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => r.referenceNo)).size).toBe(rows.length);
    for (const r of rows) expect(r.referenceNo).toMatch(/^K-2026-\d{6}$/);
    const failed = rows.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/^Geri döndü: 5\.1\.1/);
    expect(rows.filter((r) => r.status === 'sent').every((r) => r.mailId !== null)).toBe(true);
    // The card's address is flagged, so the next mailing leaves it out.
    expect(
      count(app, 'select count(*) as n from emails where card_id = ? and bounced_at is not null', failed[0]!.cardId),
    ).toBe(1);
    const bounce = one<{ n: number }>(app, 'select count(*) as n from mail_messages where bounce_of is not null');
    expect(bounce.n).toBe(1);
    // The staff's answers went out as single mails, each done.
    const singles = all<{ status: string }>(app, "select status from mailings where kind = 'single'");
    expect(singles.length).toBeGreaterThanOrEqual(10);
    expect(singles.every((s) => s.status === 'done')).toBe(true);
  });

  it('notifies owners only of the last day’s mail; older mail is read by whoever dealt with it', () => {
    const unread = all<{ dueAt: string }>(
      app,
      "select due_at as dueAt from notifications where kind = 'mail_received' and read_at is null",
    );
    expect(unread.length).toBeGreaterThan(0);
    for (const n of unread) expect(Date.parse(WEDNESDAY) - Date.parse(n.dueAt)).toBeLessThan(86_400_000);
    expect(count(app, 'select count(*) as n from mail_reads')).toBeGreaterThan(10);
  });
});

describe('the demo with mail, filled through `kartotek demo`', () => {
  // The fill's speed is not asserted here (speed lives in benchmarks, not in timed tests).
  it('refuses a second fill and leaves the mail unchanged', () => {
    const { app } = filled(WEDNESDAY);
    const mails = count(app, 'select count(*) as n from mail_messages');
    const accounts = count(app, 'select count(*) as n from mail_accounts');
    expect(mails).toBeGreaterThan(0);
    expect(() => runDemo(app)).toThrow(ContractError);
    expect(count(app, 'select count(*) as n from mail_messages')).toBe(mails);
    expect(count(app, 'select count(*) as n from mail_accounts')).toBe(accounts);
  });
});
