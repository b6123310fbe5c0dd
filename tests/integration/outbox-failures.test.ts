/**
 * What the outbox does when things go wrong: a busy database after the server said 250, a wrong password, a
 * server that cannot be reached, a connection dropped before or after the message went over, a disabled account,
 * another process's message in flight. Real SMTP servers (the sink, and a scripted one for dropped connections),
 * a real SQLite file, the real contract calls; time is injected where the outbox would wait.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTestApp } from './test-app';
import { addListPeople, addMailAccount, emailContains } from './mailings-fixtures';
import { runOutboxToEnd } from '../../src-main/jobs/outbox/outbox-job';
import { markInterruptedUncertain, markRetry, type OutboxRow } from '../../src-main/jobs/outbox/outbox-store';
import type { ContractEvent } from '../../src-shared/contract';

/** A scripted SMTP server that drops the connection right after RCPT or right after the message's final dot. */
async function startDroppingServer(dropAfter: 'rcpt' | 'data') {
  let messages = 0;
  const server = net.createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          messages++;
          socket.destroy();
          return;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (line.startsWith('EHLO')) socket.write('250-test\r\n250 AUTH PLAIN\r\n');
        else if (line.startsWith('AUTH')) socket.write('235 ok\r\n');
        else if (line.startsWith('MAIL')) socket.write('250 ok\r\n');
        else if (line.startsWith('RCPT')) {
          if (dropAfter === 'rcpt') return void socket.destroy();
          socket.write('250 ok\r\n');
        } else if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    host: '127.0.0.1',
    port,
    user: 'ofis@kartotek.test',
    password: 'x',
    messages: () => messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port where nothing listens (opened and closed again). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the outbox when sending goes wrong', () => {
  const { app, call } = useTestApp();
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });
  const reset = () => {
    sink.received.length = 0;
    sink.refuse.clear();
    sink.onMessage = undefined;
  };
  /** Time that moves only when the outbox waits. */
  const fakeTime = () => {
    let now = 0;
    return { clock: () => now, sleep: (ms: number) => ((now += ms), Promise.resolve()), elapsed: () => now };
  };
  const rows = (mailingId: string) =>
    app()
      .ctx.db.$client.prepare(
        'select address, status, attempts, error from mailing_recipients where mailing_id = ? order by position',
      )
      .all(mailingId) as { address: string; status: string; attempts: number; error: string | null }[];
  const accountStatus = (id: string) =>
    app().ctx.db.$client.prepare('select status, status_detail as detail from mail_accounts where id = ?').get(id) as {
      status: string;
      detail: string | null;
    };
  const listen = () => {
    const events: ContractEvent[] = [];
    const stop = app().ctx.events.subscribe((e) => events.push(e));
    return { events, stop };
  };

  it(
    'never sends again after the server said 250, even when the database is busy for seconds',
    { timeout: 30_000 },
    async () => {
      reset();
      addMailAccount(app(), sink);
      const { mailingId } = await call('mail.send', {
        to: [{ address: 'ayse@x.test' }],
        subject: 'S',
        body: 'Merhaba',
      });
      const dbFile = (app().ctx.db.$client as unknown as { name: string }).name;
      const marker = path.join(path.dirname(dbFile), 'locked');
      sink.onMessage = () => {
        if (fs.existsSync(marker)) return;
        // Another process takes the write lock for 7 s (longer than the 5 s busy timeout) right after the 250.
        const holder = `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(process.argv[1]);
        d.exec('begin immediate');require('fs').writeFileSync(process.argv[2],'1');
        setTimeout(()=>{d.exec('commit');d.close();},7000);`;
        spawn(process.execPath, ['-e', holder, dbFile, marker], { stdio: 'ignore' });
        while (!fs.existsSync(marker)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      };
      await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: mailingId });
      expect(sink.received.map((m) => m.to)).toEqual([['ayse@x.test']]);
      expect(rows(mailingId)).toMatchObject([{ status: 'sent', attempts: 1 }]);
    },
  );

  it('keeps the rows queued on a wrong password, says why on the account, and sends once it is right', async () => {
    reset();
    const accountId = addMailAccount(app(), sink);
    const wrong = app().ctx.secrets.seal('eski-parola');
    app()
      .ctx.db.$client.prepare('update mail_accounts set secret_sealed = ?, secret_scheme = ? where id = ?')
      .run(wrong.sealed, wrong.scheme, accountId);
    const { mailingId } = await call('mail.send', {
      to: [{ address: 'a@x.test' }, { address: 'b@x.test' }],
      subject: 'S',
      body: 'x',
    });
    const heard = listen();
    const first = await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: mailingId, ...fakeTime() });
    expect(first.accountProblem).toMatch(/parola/);
    expect(rows(mailingId)).toMatchObject([
      { status: 'pending', attempts: 0 },
      { status: 'pending', attempts: 0 },
    ]);
    expect(accountStatus(accountId)).toMatchObject({
      status: 'error',
      detail: expect.stringMatching(/^Gönderim: .*535/),
    });
    expect(heard.events).toContainEqual({
      name: 'mail.accountStatus',
      payload: { accountId, status: 'error', detail: expect.stringContaining('535') },
    });

    const right = app().ctx.secrets.seal(sink.password);
    app()
      .ctx.db.$client.prepare('update mail_accounts set secret_sealed = ?, secret_scheme = ? where id = ?')
      .run(right.sealed, right.scheme, accountId);
    await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: mailingId, ...fakeTime() });
    heard.stop();
    expect(rows(mailingId).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(accountStatus(accountId)).toEqual({ status: 'idle', detail: null });
    expect(heard.events).toContainEqual({
      name: 'mail.accountStatus',
      payload: { accountId, status: 'idle', detail: null },
    });
    expect(heard.events.some((e) => e.name === 'mail.changed')).toBe(true);
  });

  it('burns no attempts while the server cannot be reached, and waits longer each time', async () => {
    reset();
    const accountId = addMailAccount(app(), { ...sink, port: await closedPort() });
    const ids = addListPeople(app(), 3, 'kapali');
    const segment = await call('segments.save', {
      name: 'Kapalı',
      cardType: 'person',
      query: emailContains('@kapali.test'),
    });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: '{hitap}' });
    await call('mailings.start', { id: m.id });
    const time = fakeTime();
    // In the app the job keeps trying with backoff: four rounds here, as four minutes offline would be.
    for (let i = 0; i < 4; i++) await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: m.id, ...time });
    expect(ids).toHaveLength(3);
    expect(rows(m.id).every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect(accountStatus(accountId).detail).toMatch(/bağlanılamadı/);
  });

  it('calls a connection dropped after the message went over uncertain, and one dropped before it queued', async () => {
    reset();
    const afterData = await startDroppingServer('data');
    const beforeData = await startDroppingServer('rcpt');
    try {
      addMailAccount(app(), { ...sink, port: afterData.port });
      const sent = await call('mail.send', { to: [{ address: 'a@x.test' }], subject: 'S', body: 'x' });
      await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: sent.mailingId, ...fakeTime() });
      expect(afterData.messages()).toBe(1);
      expect(rows(sent.mailingId)).toMatchObject([{ status: 'uncertain', error: expect.stringMatching(/bilinmiyor/) }]);

      const accountB = addMailAccount(app(), { ...sink, port: beforeData.port });
      const queued = await call('mail.send', {
        accountId: accountB,
        to: [{ address: 'b@x.test' }],
        subject: 'S',
        body: 'x',
      });
      await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: queued.mailingId, ...fakeTime() });
      expect(rows(queued.mailingId)).toMatchObject([{ status: 'pending', attempts: 0 }]);
    } finally {
      await Promise.all([afterData.stop(), beforeData.stop()]);
    }
  });

  it('sends a single mail before the rows of a mailing queued earlier on the same account', async () => {
    reset();
    addMailAccount(app(), sink);
    addListPeople(app(), 5, 'once');
    const segment = await call('segments.save', {
      name: 'Önce',
      cardType: 'person',
      query: emailContains('@once.test'),
    });
    const m = await call('mailings.create', { channel: 'email', segmentId: segment.id, subject: 'S', body: '{hitap}' });
    await call('mailings.start', { id: m.id });
    await call('mail.send', { to: [{ address: 'acil@x.test' }], subject: 'Acil', body: 'x' });
    await runOutboxToEnd(app(), { appendToSent: false });
    expect(sink.received).toHaveLength(6);
    expect(sink.received[0]!.to).toEqual(['acil@x.test']);
  });

  it('lets a disabled account’s rows wait instead of sending them', async () => {
    reset();
    const accountId = addMailAccount(app(), sink);
    const { mailingId } = await call('mail.send', { to: [{ address: 'a@x.test' }], subject: 'S', body: 'x' });
    app().ctx.db.$client.prepare('update mail_accounts set enabled = 0 where id = ?').run(accountId);
    const result = await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: mailingId, ...fakeTime() });
    expect(result.accountProblem).toMatch(/kapalı/);
    expect(sink.received).toHaveLength(0);
    expect(rows(mailingId)).toMatchObject([{ status: 'pending', attempts: 0 }]);
  });

  it('greets a card binned after the start by its own salutation', async () => {
    reset();
    addMailAccount(app(), sink);
    const ayse = await call('cards.createPerson', {
      firstName: 'Ayşe',
      lastName: 'Yılmaz',
      honorific: 'Dr.',
      gender: 'female',
      emails: [{ address: 'ayse@x.test' }],
    });
    const { mailingId } = await call('mail.send', {
      to: [{ cardId: ayse.id }],
      subject: 'S',
      body: 'Sayın {unvan} {soyad},',
    });
    await call('cards.delete', { id: ayse.id });
    await runOutboxToEnd(app(), { appendToSent: false, onlyMailing: mailingId });
    const parsed = await simpleParser(sink.received[0]!.raw);
    expect(parsed.text).toContain('Sayın Dr. Yılmaz,');
  });

  it('leaves another process’s message in flight alone; only an old one counts as interrupted', async () => {
    reset();
    addMailAccount(app(), sink);
    const { mailingId } = await call('mail.send', { to: [{ address: 'a@x.test' }], subject: 'S', body: 'x' });
    const db = app().ctx.db;
    const now = new Date('2026-03-02T10:00:00.000Z');
    db.$client
      .prepare(`update mailing_recipients set status = 'sending', updated_at = ? where mailing_id = ?`)
      .run(new Date(now.getTime() - 60_000).toISOString(), mailingId);
    expect(markInterruptedUncertain(db, now)).toBe(0);
    expect(rows(mailingId)).toMatchObject([{ status: 'sending' }]);
    expect(markInterruptedUncertain(db, new Date(now.getTime() + 15 * 60_000))).toBe(1);
    expect(rows(mailingId)).toMatchObject([{ status: 'uncertain' }]);
  });

  it('cancels a row whose temporary failure comes back after the mailing was cancelled', async () => {
    reset();
    addMailAccount(app(), sink);
    const { mailingId } = await call('mail.send', { to: [{ address: 'a@x.test' }], subject: 'S', body: 'x' });
    const db = app().ctx.db;
    const row = db.$client
      .prepare('select id, mailing_id as mailingId, attempts, error from mailing_recipients where mailing_id = ?')
      .get(mailingId) as OutboxRow;
    db.$client.prepare(`update mailing_recipients set status = 'sending' where id = ?`).run(row.id);
    await call('mailings.cancel', { id: mailingId });
    markRetry(db, row, '451 sonra deneyin', new Date().toISOString());
    expect(rows(mailingId)).toMatchObject([{ status: 'cancelled' }]);
  });
});
