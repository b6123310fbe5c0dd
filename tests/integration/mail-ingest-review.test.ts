/**
 * What the review of the incoming-mail code found, each as a user would meet it: a hostile mail freezing the
 * scan, a customer's reply read as a bounce, a second mail with a reused Message-ID dropped, a thread split by
 * the scan's newest-first order, an institution claiming com.tr, remote images from the office network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { addAccount, ingest, linksOf, mailRow, rawMail } from './mail-ingest-fixtures';
import { parseRawMessage } from '../../src-main/services/mail/ingest/parse-message';
import { parseNonStandard } from '../../src-main/services/mail/bounce/detect-bounce';
import { sanitizeMailHtml } from '../../src-main/services/mail/ingest/sanitize-mail-html';
import { domainsToTry } from '../../src-main/services/mail/link/link-rules';
import {
  fetchImage,
  isPublicAddress,
  setRemoteAddressRule,
  REMOTE_LIMITS,
} from '../../src-main/services/mail/read/remote-content';

const { app, call } = useTestApp();

const timed = async <T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
};

describe('hostile input costs bounded time', () => {
  it('a 1 MB hostile "bounce" body parses in well under a second', async () => {
    const mb = 1024 * 1024;
    for (const body of [
      `Address not found\n${'a'.repeat(mb)}`,
      `The following address(es) failed:\n  ${'a@'.repeat(mb / 2)}`,
      `This is the qmail-send program\n<${'a@'.repeat(mb / 2)}`,
      `This is the qmail-send program\n${'\n'.repeat(mb)}<x@y.com>:`,
    ]) {
      expect((await timed(() => parseNonStandard(body))).ms).toBeLessThan(500);
    }
    const raw = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@evil.example>',
        'To: satis@biz.com.tr',
        'Subject: Undelivered Mail',
        'Message-ID: <r@evil.example>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Address not found',
        'a'.repeat(mb),
      ].join('\r\n'),
    );
    expect((await timed(() => parseRawMessage(raw))).ms).toBeLessThan(1500);
  });

  it('styles full of "url(" sanitise quickly, and CSS escapes or image-set cannot smuggle a remote URL', async () => {
    sanitizeMailHtml('<p>warm up</p>');
    const many = 'url('.repeat(50_000);
    const { value, ms } = await timed(() =>
      sanitizeMailHtml(`<style>p{${many}}</style><p style="color:red;${many}">x</p>`),
    );
    expect(ms).toBeLessThan(2000);
    expect(value.html).not.toContain('url(url(');
    for (const style of [
      'background:\\75rl(http://e.example/a.png)',
      'background:u\\72l(http://e.example/a.png)',
      "background-image:image-set('http://e.example/a.png' 1x)",
      '@\\69mport "http://e.example/a.css"',
    ]) {
      const out = sanitizeMailHtml(`<style>p{${style}}</style><p>x</p>`);
      expect(out.html).not.toContain('e.example');
      expect(out.hasRemoteContent).toBe(false);
    }
    const real = sanitizeMailHtml('<p style="background:url(http://e.example/a.png)">x</p>');
    expect(real.hasRemoteContent).toBe(true);
    expect(real.html).toContain('data-remote-style');
  });
});

describe('bounces come from mail software only', () => {
  it("a customer's reply saying the parcel wasn't delivered is her mail, not a bounce", async () => {
    const db = app().ctx.db.$client;
    const me = (await call('users.me', {})).id;
    const account = addAccount(app());
    const ayse = await call('cards.createPerson', {
      firstName: 'Ayşe',
      lastName: 'Kargo',
      emails: [{ address: 'ayse@musteri-kargo.com.tr' }],
      ownerId: me,
    });
    const at = '2026-03-01T10:00:00.000Z';
    db.prepare(
      `insert into mailings (id, channel, kind, account_id, subject, body, status, created_at, updated_at, created_by)
       values ('RV-M1', 'email', 'mailing', ?, 'Your parcel could not be delivered', 'x', 'done', ?, ?, ?)`,
    ).run(account.accountId, at, at, me);
    db.prepare(
      `insert into mailing_recipients (id, mailing_id, position, card_id, name, address, reference_no,
         message_id_header, status, updated_at)
       values ('RV-R1', 'RV-M1', 0, ?, 'Ayşe', 'ayse@musteri-kargo.com.tr', 'K-RV-1', 'rv-r1@biz.com.tr', 'sent', ?)`,
    ).run(ayse.id, at);
    const reply = rawMail({
      from: 'Ayşe <ayse@musteri-kargo.com.tr>',
      subject: 'Re: Your parcel could not be delivered',
      inReplyTo: 'rv-r1@biz.com.tr',
      references: '<rv-r1@biz.com.tr>',
      body: "Hello, the parcel wasn't delivered to my office, please call me.\nAyşe (ayse.kaya@musteri-kargo.com.tr)\n",
    });
    const stored = await ingest(app(), account, reply);
    expect(stored.bounce).toBe(false);
    expect(mailRow(app(), stored.messageId).bounceOf).toBeNull();
    expect(db.prepare("select status from mailing_recipients where id = 'RV-R1'").get()).toEqual({ status: 'sent' });
    expect(db.prepare('select bounced_at as b from emails where card_id = ?').get(ayse.id)).toEqual({ b: null });
  });
});

describe('storing and threading', () => {
  it('two mails with one Message-ID under the same UIDVALIDITY are both stored', async () => {
    const account = addAccount(app());
    const a = await ingest(app(), account, rawMail({ messageId: 'order@shop.example', subject: 'Sipariş 1001' }), {
      uid: 10,
      uidValidity: '5',
    });
    const b = await ingest(app(), account, rawMail({ messageId: 'order@shop.example', subject: 'Sipariş 1002' }), {
      uid: 11,
      uidValidity: '5',
    });
    expect(b.duplicate).toBe(false);
    expect(b.messageId).not.toBe(a.messageId);
    expect(mailRow(app(), b.messageId).subject).toBe('Sipariş 1002');
    // A UIDVALIDITY change still moves rows instead of doubling them.
    const moved = await ingest(app(), account, rawMail({ messageId: 'order@shop.example', subject: 'Sipariş 1001' }), {
      uid: 20,
      uidValidity: '6',
    });
    expect(moved.duplicate).toBe(true);
  });

  it('a conversation scanned newest first is one thread, and the original shows its replies', async () => {
    const account = addAccount(app());
    const card = await call('cards.createPerson', {
      firstName: 'Kerem',
      lastName: 'Sıra',
      emails: [{ address: 'kerem@sira-ornek.com.tr' }],
    });
    // The original comes from a known address; the replies from an address on no card.
    const reply2 = await ingest(
      app(),
      account,
      rawMail({
        from: 'k@baska-ornek.net',
        messageId: 'th-3@x',
        inReplyTo: 'th-2@x',
        references: '<th-1@x> <th-2@x>',
        subject: 'Re: Re: Fiyat',
      }),
    );
    const reply1 = await ingest(
      app(),
      account,
      rawMail({ from: 'k@baska-ornek.net', messageId: 'th-2@x', inReplyTo: 'th-1@x', references: '<th-1@x>' }),
    );
    const original = await ingest(app(), account, rawMail({ from: 'kerem@sira-ornek.com.tr', messageId: 'th-1@x' }));
    const threads = new Set([reply2, reply1, original].map((r) => mailRow(app(), r.messageId).threadId));
    expect(threads.size).toBe(1);
    const detail = await call('mail.get', { id: original.messageId });
    expect(detail.thread.map((t) => t.id).sort()).toEqual([reply1.messageId, reply2.messageId].sort());
    // A later reply takes the cards of the conversation (the original's card).
    const reply3 = await ingest(
      app(),
      account,
      rawMail({ from: 'k@baska-ornek.net', messageId: 'th-4@x', inReplyTo: 'th-3@x', references: '<th-1@x> <th-3@x>' }),
    );
    expect(linksOf(app(), reply3.messageId)).toEqual([{ cardId: card.id, linkKind: 'thread' }]);
  });
});

describe('public suffixes are no institution domain', () => {
  it('the contract refuses com.tr and gov.tr; linking never climbs to them', async () => {
    for (const domain of ['com.tr', 'gov.tr', 'co.uk']) {
      const result = await app().call('cards.createInstitution', { title: `Kurum ${domain}`, emailDomains: [domain] });
      expect(result.ok).toBe(false);
    }
    expect(domainsToTry('a@mail.firma.com.tr')).toEqual(['mail.firma.com.tr', 'firma.com.tr']);
    expect(domainsToTry('a@x.gov.tr')).toEqual(['x.gov.tr']);
    const db = app().ctx.db.$client;
    const inst = await call('cards.createInstitution', { title: 'Eski kayıt', emailDomains: ['eski-kurum.com.tr'] });
    // A row written before the rule (straight into the table) must still not collect every .com.tr mail.
    db.prepare('insert into institution_domains (card_id, domain) values (?, ?)').run(inst.id, 'com.tr');
    const stored = await ingest(app(), addAccount(app()), rawMail({ from: 'biri@baska-firma.com.tr' }));
    expect(linksOf(app(), stored.messageId)).toEqual([]);
  });
});

describe('notifications', () => {
  it('own-address mail and a second copy of the same mail notify nobody; reading emits notifications.changed', async () => {
    const me = (await call('users.me', {})).id;
    const account = addAccount(app(), 'destek@biz-bildirim.com.tr');
    await call('cards.createPerson', {
      firstName: 'Bildirim',
      lastName: 'Kişisi',
      emails: [{ address: 'bildirim@musteri-b.com.tr' }],
      ownerId: me,
    });
    const recent = { internalDate: app().ctx.now().toISOString() };
    const count = (id: string) =>
      (
        app().ctx.db.$client.prepare('select count(*) as n from notifications where entity_id = ?').get(id) as {
          n: number;
        }
      ).n;
    const own = await ingest(
      app(),
      account,
      rawMail({ from: 'destek@biz-bildirim.com.tr', to: 'bildirim@musteri-b.com.tr' }),
      recent,
    );
    expect(count(own.messageId)).toBe(0);
    const raw = rawMail({ from: 'bildirim@musteri-b.com.tr', messageId: 'copy-1@musteri-b.com.tr' });
    const first = await ingest(app(), account, raw, recent);
    expect(count(first.messageId)).toBe(1);
    const other = addAccount(app(), 'satis@biz-bildirim.com.tr');
    const second = await ingest(app(), other, raw, recent);
    expect(second.messageId).not.toBe(first.messageId);
    expect(count(second.messageId)).toBe(0);

    const events: string[] = [];
    const off = app().ctx.events.subscribe((e) => {
      if (e.name === 'notifications.changed') events.push('n');
    });
    await call('mail.markRead', { ids: [first.messageId], read: true });
    off();
    expect(events).toEqual(['n']);
  });
});

describe('remote images', () => {
  let server: http.Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
      }, 400);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('are never fetched from loopback, private or metadata addresses', async () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.1.1',
      '172.16.0.5',
      '169.254.169.254',
      '::1',
      '::ffff:127.0.0.1',
    ])
      expect(isPublicAddress(address)).toBe(false);
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(await fetchImage(`${base}/direct.png`)).toBeNull();
    expect(await fetchImage(`http://localhost:${new URL(base).port}/by-name.png`)).toBeNull();
    expect(hits).toEqual([]);
  });

  it('are fetched at once, under one deadline for the whole mail', async () => {
    expect(REMOTE_LIMITS.totalMs).toBeLessThanOrEqual(15_000);
    const previous = setRemoteAddressRule((address) => address === '127.0.0.1');
    try {
      const account = addAccount(app());
      const urls = Array.from({ length: 8 }, (_, i) => `url(${base}/s${i}.png)`).join(', ');
      const stored = await ingest(
        app(),
        account,
        rawMail({ contentType: 'text/html; charset=utf-8', body: `<div style="background-image:${urls}">x</div>` }),
      );
      const { value, ms } = await timed(() => call('mail.get', { id: stored.messageId, allowRemote: true }));
      expect(value.html).toContain('data:image/png;base64');
      // Eight images of 400 ms each: one after the other would take over 3 s.
      expect(ms).toBeLessThan(2000);
    } finally {
      setRemoteAddressRule(previous);
    }
  });
});

describe('attachment names', () => {
  it('bidi controls are stripped, and programs are kept but flagged', async () => {
    const body = [
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Fatura ekte.',
      '--b',
      'Content-Type: application/octet-stream',
      "Content-Disposition: attachment; filename*=utf-8''fatura%E2%80%AEfdp.exe",
      '',
      'MZ',
      '--b--',
      '',
    ].join('\r\n');
    const parsed = await parseRawMessage(rawMail({ contentType: 'multipart/mixed; boundary="b"', body }));
    expect(parsed.attachments.map((a) => a.fileName)).toEqual(['faturafdp.exe']);
    expect(parsed.parseProblems).toMatch(/çalıştırılabilir ek/i);
  });
});
