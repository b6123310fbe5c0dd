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
});
