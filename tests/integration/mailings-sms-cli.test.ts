/**
 * SMS through the local gateway (a real HTTP server) and `kartotek mail send` from the command line (the CLI
 * source run by node, against a real SMTP server).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway';
import { useTestApp } from './test-app';
import { addMailAccount } from './mailings-fixtures';
import { runOutboxToEnd, startOutboxJob } from '../../src-main/jobs/outbox/outbox-job';

describe('SMS through the local gateway', () => {
  const { app, call, callError } = useTestApp();
  let gateway: SmsGateway;
  beforeAll(async () => {
    gateway = await startSmsGateway();
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('keeps SMS accounts for admins with the password sealed, and sends Turkish text to each card’s mobile', async () => {
    const account = await call('sms.accounts.save', {
      fields: {
        name: 'Ofis SMS',
        provider: 'local-gateway',
        apiUrl: gateway.apiUrl,
        username: gateway.user,
        password: gateway.password,
        sender: 'KARTOTEK',
      },
    });
    expect(account).not.toHaveProperty('password');
    const stored = app().ctx.db.$client.prepare('select secret_sealed from sms_accounts').pluck().get() as string;
    expect(stored).not.toContain(gateway.password);

    const sule = await call('cards.createPerson', {
      firstName: 'Şule',
      lastName: 'Işıkçı',
      gender: 'female',
      phones: [{ kind: 'mobile', number: '0532 111 22 33' }],
    });
    const ali = await call('cards.createPerson', {
      firstName: 'Ali',
      lastName: 'Er',
      phones: [{ number: '0533 999 88 77' }],
    });
    gateway.refuse.add('+905339998877');
    const preview = await call('mail.preview', {
      mode: 'single',
      channel: 'sms',
      to: [{ cardId: sule.id }],
      body: '{hitap}, toplantımız yarın 10:00’da. Görüşmek üzere.',
    });
    expect(preview.samples[0]!.sms).toMatchObject({ encoding: 'ucs2' });
    const { mailingId } = await call('mail.send', {
      channel: 'sms',
      to: [{ cardId: sule.id }, { cardId: ali.id }],
      body: '{hitap}, toplantımız yarın 10:00. Görüşmek üzere.',
    });
    await runOutboxToEnd(app());
    expect(gateway.received).toEqual([
      {
        id: 'gw-1',
        to: '+905321112233',
        sender: 'KARTOTEK',
        text: 'Sayın Şule Hanım, toplantımız yarın 10:00. Görüşmek üzere.',
      },
    ]);
    const rows = (await call('mailings.recipients', { id: mailingId })).rows;
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['Şule Işıkçı', 'sent'],
      ['Ali Er', 'failed'],
    ]);
    expect(rows[1]!.error).toContain('numara geçersiz');

    // Staff may not change SMS accounts.
    const staff = app().ctx.db.$client;
    staff.prepare(`update users set role = 'staff'`).run();
    const refused = await callError('sms.accounts.remove', { id: account.id });
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('shows why an SMS account cannot send, and tries again as soon as it is saved with the right password', async () => {
    const fields = {
      name: 'Yanlış parolalı',
      provider: 'local-gateway' as const,
      apiUrl: gateway.apiUrl,
      username: gateway.user,
      sender: 'KARTOTEK',
    };
    const account = await call('sms.accounts.save', { fields: { ...fields, password: 'yanlis-parola' } });
    const deniz = await call('cards.createPerson', {
      firstName: 'Deniz',
      lastName: 'Kaya',
      phones: [{ kind: 'mobile', number: '0544 333 22 11' }],
    });
    const before = gateway.received.length;
    const job = startOutboxJob(app());
    try {
      await call('mail.send', { channel: 'sms', accountId: account.id, to: [{ cardId: deniz.id }], body: 'Merhaba' });
      // The settings row says why the message waits; the recipient is not failed for the account's fault.
      await vi.waitFor(
        async () =>
          expect((await call('sms.accounts.list', {})).find((a) => a.id === account.id)?.sendProblem).toBeTruthy(),
        { timeout: 10_000 },
      );
      expect(gateway.received).toHaveLength(before);
      // Fixed and saved: sent now, not after the account's backoff, and the problem is gone.
      await call('sms.accounts.save', { id: account.id, fields: { ...fields, password: gateway.password } });
      await vi.waitFor(() => expect(gateway.received).toHaveLength(before + 1), { timeout: 4_000 });
      await vi.waitFor(
        async () =>
          expect((await call('sms.accounts.list', {})).find((a) => a.id === account.id)?.sendProblem).toBeNull(),
        { timeout: 4_000 },
      );
    } finally {
      await job.stop();
    }
  });
});

describe('kartotek mail send', () => {
  const { app } = useTestApp();
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.stop();
  });

  // Asynchronous: the SMTP server answering the CLI runs in this very process.
  const cli = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src-main/cli/main.ts', '--data', app().dataDir, ...args],
        { encoding: 'utf8', timeout: 60_000 },
        (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it(
    'sends one mail and prints its Message-ID; a refused address fails with the server’s reason',
    { timeout: 90_000 },
    async () => {
      addMailAccount(app(), sink);
      const file = path.join(app().dataDir, 'metin.txt');
      fs.writeFileSync(file, 'Merhaba,\nÇarşamba günü görüşelim.\n');
      const ok = await cli([
        'mail',
        'send',
        '--to',
        'Musteri@Firma.test',
        '--subject',
        'Görüşme',
        '--text',
        file,
        '--json',
      ]);
      expect(ok.stderr).toBe('');
      const answer = JSON.parse(ok.stdout) as { status: string; messageId: string; mailingId: string };
      expect(answer.status).toBe('sent');
      expect(sink.received).toHaveLength(1);
      const parsed = await simpleParser(sink.received[0]!.raw);
      expect(parsed.messageId).toBe(answer.messageId);
      expect(parsed.subject).toBe('Görüşme');
      expect(parsed.text).toContain('Çarşamba günü görüşelim.');

      sink.refuse.add('yok@firma.test');
      const refused = await cli(['mail', 'send', '--to', 'yok@firma.test', '--subject', 'S', '--text', file]);
      expect(refused.status).toBe(1);
      expect(refused.stdout + refused.stderr).toContain('550');
      const missing = await cli(['mail', 'send', '--to', 'a@b.test', '--text', path.join(app().dataDir, 'yok.txt')]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('yok.txt');
    },
  );
});
