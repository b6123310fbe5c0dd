import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRawMessage } from '../../src-main/services/mail/ingest/parse-message';
import { parseHeadersOnly } from '../../src-main/services/mail/ingest/minimal-parse';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/mail', name));

describe('bounce recognition', () => {
  it('reads a standard DSN (multipart/report): recipient, status, diagnostic, original Message-ID and reference', async () => {
    const { bounce } = await parseRawMessage(fixture('bounce-dsn.eml'));
    expect(bounce).toMatchObject({
      format: 'dsn',
      recipients: [{ address: 'olmayan@ornek.com.tr', status: '5.1.1' }],
      references: ['KRT-2026-0001'],
    });
    expect(bounce!.recipients[0]!.reason).toContain('User unknown in virtual mailbox table');
    expect(bounce!.originalMessageIds).toContain('rcpt-0001@kartotek.biz.com.tr');
    expect(bounce!.originalMessageIds).not.toContain('20260302054000.1A2B3C@mx1.biz.com.tr');
  });

  it.each([
    [
      'bounce-qmail.eml',
      'qmail',
      'eski.calisan@firma.com.tr',
      'no longer accepts mail',
      'rcpt-0002@kartotek.biz.com.tr',
    ],
    ['bounce-exim.eml', 'postfix', 'dolu.kutu@ornekhost.net', 'mailbox is full', 'rcpt-0003@kartotek.biz.com.tr'],
    ['bounce-exchange.eml', 'exchange', 'ayrilan@kurum.gov.tr', 'RecipientNotFound', 'rcpt-0004@kartotek.biz.com.tr'],
    ['bounce-gmail.eml', 'gmail', 'yok.boyle.biri@gmail.com', 'does not exist', 'rcpt-0005@kartotek.biz.com.tr'],
  ])('reads the non-standard %s', async (file, format, address, reason, originalId) => {
    const { bounce } = await parseRawMessage(fixture(file));
    expect(bounce?.format).toBe(format);
    expect(bounce?.recipients.map((r) => r.address)).toEqual([address]);
    expect(bounce!.recipients[0]!.reason).toContain(reason);
    expect(bounce!.originalMessageIds).toContain(originalId);
  });

  it('a delay warning and a person forwarding a bounce are not bounces', async () => {
    expect((await parseRawMessage(fixture('delayed-dsn.eml'))).bounce).toBeNull();
    expect((await parseRawMessage(fixture('not-a-bounce.eml'))).bounce).toBeNull();
  });
});

describe('the header pass of a large scan', () => {
  // A mail the header pass stores without its body is never read as a bounce: every bounce must be caught here.
  it('reads every bounce whole at once, and leaves a plain mail for later with the same headers', async () => {
    const bounces = fs.readdirSync(path.join(__dirname, '../fixtures/mail')).filter((f) => f.startsWith('bounce-'));
    expect(bounces.length).toBeGreaterThanOrEqual(5);
    for (const name of bounces) {
      expect((await parseRawMessage(fixture(name))).bounce, name).not.toBeNull();
      expect(parseHeadersOnly(fixture(name)), name).toBeNull();
    }
    const plain = fixture('not-a-bounce.eml');
    const head = parseHeadersOnly(plain);
    const whole = await parseRawMessage(plain);
    expect(head).not.toBeNull();
    expect(head!.deferredRaw).toBe(plain);
    expect(head!.text).toBe('');
    for (const key of ['contentKey', 'messageIdHeader', 'subject', 'from', 'to', 'inReplyTo', 'references'] as const)
      expect(head![key], key).toEqual(whole[key]);
  });

  it('reads repeated To, Cc and References fields as the full parse does', async () => {
    const raw = Buffer.from(
      [
        'From: "Ayşe" <ayse@example.com.tr>',
        'To: satis@biz.com.tr',
        'To: "Can Ak" <can@musteri.com.tr>',
        'Cc: a@x.com.tr',
        'Cc: b@y.com.tr',
        'References: <r1@x>',
        'References: <r2@x>',
        'Message-ID: <m@x>',
        'Subject: Tekrar',
        '',
        'gövde',
      ].join('\r\n'),
    );
    const head = parseHeadersOnly(raw)!;
    const whole = await parseRawMessage(raw);
    expect(head.to.map((p) => p.address)).toEqual(['satis@biz.com.tr', 'can@musteri.com.tr']);
    for (const key of ['to', 'cc', 'references'] as const) expect(head[key], key).toEqual(whole[key]);
  });

  it('reads a mailer daemon with an encoded name, or a folded empty Return-Path, whole at once', () => {
    const mail = (headers: string[]) =>
      Buffer.from([...headers, 'To: satis@biz.com.tr', 'Subject: Teslim edilemedi', '', 'x'].join('\r\n'));
    expect(parseHeadersOnly(mail(['From: =?UTF-8?Q?Mail_Delivery_System?= <noreply@mx.example.com>']))).toBeNull();
    expect(parseHeadersOnly(mail(['Return-Path:\r\n <>', 'From: <noreply@mx.example.com>']))).toBeNull();
    expect(parseHeadersOnly(mail(['From: "Ayşe" <ayse@example.com.tr>']))).not.toBeNull();
  });
});
