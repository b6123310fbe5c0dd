import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { agendaFixtures, BUDGET_MEETING } from './agenda-fixtures';
import { addAccount, ingest, linksOf, mailRow, rawMail } from './mail-ingest-fixtures';
import { newId } from '../../src-main/core/ids';

const { app, call } = useTestApp();
const sqlite = () => app().ctx.db.$client;
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/mail', name));

/** Every file under a folder (names only), to prove nothing was written outside the database. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

describe('hostile and broken messages', () => {
  it('stores a 10,000-part message with what was read and says what was left out', async () => {
    const account = addAccount(app());
    let parts = '';
    for (let i = 0; i < 10_000; i++) {
      parts += `--sep\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename="p${i}.txt"\r\n\r\nparça ${i}\r\n`;
    }
    const raw = Buffer.concat([
      rawMail({ contentType: 'multipart/mixed; boundary="sep"', body: 'Giriş\r\n' }),
      Buffer.from(`${parts}--sep--\r\n`),
    ]);
    const started = Date.now();
    const result = await ingest(app(), account, raw);
    expect(Date.now() - started).toBeLessThan(15_000);
    const row = mailRow(app(), result.messageId);
    expect(row.parseProblems).toMatch(/çok fazla parçadan/);
    expect(row.parseProblems).toMatch(/ilk 200 ek saklandı/);
    const attachments = sqlite()
      .prepare('select count(*) as n from mail_attachments where message_id = ?')
      .get(result.messageId) as { n: number };
    expect(attachments.n).toBe(200);
  });

  it('stores a message with a 5 MB header block, keeping its key fields and a bounded header_block', async () => {
    const account = addAccount(app());
    const junk = Array.from({ length: 5000 }, (_, i) => `X-Junk-${i}: ${'ç'.repeat(500)}`);
    const raw = rawMail({ subject: 'Büyük başlık', headers: junk, body: 'gövde metni' });
    expect(raw.length).toBeGreaterThan(5_000_000);
    const result = await ingest(app(), account, raw);
    const row = mailRow(app(), result.messageId);
    expect(row.subject).toBe('Büyük başlık');
    expect(row.bodyText).toContain('gövde metni');
    expect(Buffer.byteLength(row.headerBlock)).toBeLessThanOrEqual(256 * 1024 + 1024);
    expect(row.parseProblems).toMatch(/Başlık bölümü çok büyüktü/);
  });

  it('reads windows-1254 bytes labelled us-ascii, iso-8859-1 or nothing as Turkish; iso-8859-9 as labelled', async () => {
    const account = addAccount(app());
    // "Işık ağı şöyle" in windows-1254 / iso-8859-9 (the same bytes for these letters).
    const turkish = Buffer.from([
      0x49, 0xfe, 0xfd, 0x6b, 0x20, 0x61, 0xf0, 0xfd, 0x20, 0xfe, 0xf6, 0x79, 0x6c, 0x65, 0x20, 0xdd, 0xde, 0xd0,
    ]);
    const withLabel = async (contentType: string | null) => {
      const head = rawMail({ contentType: contentType ?? 'x', body: '' })
        .toString('latin1')
        .replace(contentType === null ? /Content-Type: x\r\n/ : /$^/, '');
      const result = await ingest(app(), account, Buffer.concat([Buffer.from(head, 'latin1'), turkish]));
      return mailRow(app(), result.messageId).bodyText.trim();
    };
    expect(await withLabel('text/plain; charset=us-ascii')).toBe('Işık ağı şöyle İŞĞ');
    expect(await withLabel('text/plain; charset=iso-8859-1')).toBe('Işık ağı şöyle İŞĞ');
    expect(await withLabel('text/plain; charset=windows-1254')).toBe('Işık ağı şöyle İŞĞ');
    expect(await withLabel('text/plain; charset=iso-8859-9')).toBe('Işık ağı şöyle İŞĞ');
    expect(await withLabel(null)).toBe('Işık ağı şöyle İŞĞ');
    // UTF-8 mislabelled latin1 stays UTF-8.
    const utf8 = await ingest(
      app(),
      account,
      rawMail({ contentType: 'text/plain; charset=iso-8859-1', body: 'Çağrı Işık' }),
    );
    expect(mailRow(app(), utf8.messageId).bodyText.trim()).toBe('Çağrı Işık');
    // An encoded-word subject labelled iso-8859-1 with Turkish bytes.
    const subject = await ingest(app(), account, rawMail({ subject: '=?iso-8859-1?Q?Te=FEekk=FCrler_=DDzmir?=' }));
    expect(mailRow(app(), subject.messageId).subject).toBe('Teşekkürler İzmir');
  });

  it('relabels charsets only in part headers: quoted header lines and attached text files stay byte for byte', async () => {
    const account = addAccount(app());
    const eml = 'From: a@b.test\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nquoted\r\n';
    const raw = Buffer.concat([
      rawMail({ contentType: 'multipart/mixed; boundary="sep"', body: '' }),
      Buffer.from(
        '--sep\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nIlk satir\r\n' +
          'Content-Type: text/html; charset=us-ascii\r\n' +
          '--sep\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: attachment; filename="ileti.txt"\r\n\r\n' +
          eml +
          '--sep--\r\n',
        'latin1',
      ),
    ]);
    const result = await ingest(app(), account, raw);
    const row = mailRow(app(), result.messageId);
    expect(row.parseProblems).toBeNull();
    // The quoted line is the sender's text, not a header to repair.
    expect(row.bodyText).toContain('Content-Type: text/html; charset=us-ascii');
    const stored = sqlite()
      .prepare(
        `select d.sha256 from mail_attachments a join documents d on d.id = a.document_id where a.message_id = ?`,
      )
      .get(result.messageId) as { sha256: string };
    // The CRLF before a boundary belongs to the boundary (RFC 2046), so the file ends without it.
    expect(stored.sha256).toBe(crypto.createHash('sha256').update(eml.slice(0, -2)).digest('hex'));
  });

  it('reads a mail whose header block has thousands of fields in full, keeping the key fields', async () => {
    const account = addAccount(app());
    const junk = Array.from({ length: 10_000 }, (_, i) => `X-Alan-${i}: a`);
    const raw = rawMail({
      subject: 'Kalabalık başlık',
      headers: junk,
      contentType: 'multipart/mixed; boundary="sep"',
      body: '--sep\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ngövde metni\r\n--sep\r\nContent-Type: text/csv; name="t.csv"\r\n\r\na;b\r\n--sep--\r\n',
    });
    const result = await ingest(app(), account, raw);
    const row = mailRow(app(), result.messageId);
    expect(row.subject).toBe('Kalabalık başlık');
    // Read by the full parser (before the cap it fell back to headers and raw text, the attachment unread).
    expect(row.bodyText.trim()).toBe('gövde metni');
    expect(row.parseProblems).toMatch(/çok fazla alan/);
    const files = sqlite()
      .prepare('select count(*) as n from mail_attachments where message_id = ?')
      .get(result.messageId);
    expect(files).toEqual({ n: 1 });
  });

  it('path-traversal attachment names and script HTML: stored as documents in SQLite, no file written, no script kept', async () => {
    const account = addAccount(app());
    const before = filesUnder(app().dataDir);
    // A temp folder of this test's own (the shared one changes with everyone else's work on the machine).
    const ownTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-hostile-'));
    const previousTmp = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    const body = [
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onmouseover="steal()">Merhaba<script>alert(1)</script><a href="javascript:alert(2)">tıkla</a>',
      '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"></form>',
      '<img src="x" onerror="alert(3)"><svg><script>alert(4)</script></svg></p>',
      '--b',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment; filename="../../etc/passwd"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('root:x:0:0:root:/root:/bin/bash\n').toString('base64'),
      '--b',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename="..\\\\..\\\\Windows\\\\win.ini"',
      '',
      '%PDF-1.4 sahte',
      '--b--',
      '',
    ].join('\r\n');
    let result: Awaited<ReturnType<typeof ingest>>;
    try {
      expect(os.tmpdir()).toBe(ownTmp);
      result = await ingest(app(), account, rawMail({ contentType: 'multipart/mixed; boundary="b"', body }));
    } finally {
      if (previousTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previousTmp;
    }
    const detail = await call('mail.get', { id: result.messageId });
    expect(detail.html).toContain('Merhaba');
    for (const bad of ['<script', 'onmouseover', 'onerror', 'javascript:', '<iframe', '<form', '<input', '<svg']) {
      expect(detail.html).not.toContain(bad);
    }
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['passwd', 'win.ini']);
    const doc = sqlite()
      .prepare('select name, source, text_status as textStatus from documents where id = ?')
      .get(detail.attachments[0]!.documentId) as { name: string; source: string; textStatus: string };
    expect(doc).toMatchObject({ name: 'passwd', source: 'mail' });
    expect(result.textPending).toBe(true);
    // Only SQLite's own files changed in the data folder; nothing appeared next to it or in the temp folder.
    expect(filesUnder(app().dataDir).filter((f) => !before.includes(f))).toEqual([]);
    expect(fs.readdirSync(ownTmp)).toEqual([]);
    fs.rmSync(ownTmp, { recursive: true, force: true });
  });

  it('keeps the hostile HTML as received in body_html_source; mail.get sends it out only sanitised', async () => {
    const account = addAccount(app());
    const html =
      '<p onclick="steal()">Fiyat listesi<script>alert(1)</script></p><img src="x" onerror="alert(2)">' +
      '<img src="https://tracker.example/pixel.gif"><div style="background:url(https://tracker.example/bg.png)">a</div>' +
      // Forged "held back" markers: read as the style and src they claim to be, and checked like them.
      '<div data-remote-style="background:\\75rl(https://evil.example/x.png)">b</div>' +
      '<img data-remote-src="javascript:alert(3)"><a href="javascript:alert(4)">tıkla</a>';
    const result = await ingest(app(), account, rawMail({ contentType: 'text/html; charset=utf-8', body: html }));
    const stored = mailRow(app(), result.messageId).bodyHtmlSource!;
    expect(stored).toContain('<script>alert(1)</script>');
    expect(stored).toContain('onerror="alert(2)"');
    expect(stored).toContain('src="https://tracker.example/pixel.gif"');

    const detail = await call('mail.get', { id: result.messageId });
    expect(detail.html).toContain('Fiyat listesi');
    expect(detail.html).not.toMatch(/<script|\son\w+=|javascript:|\\75rl|evil\.example/i);
    expect(detail.html).not.toMatch(/\ssrc="https?:/);
    expect(detail.html).not.toMatch(/\sstyle="[^"]*url\(/);
    expect(detail.html).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(detail.hasRemoteContent).toBe(true);
    // Read again (served from the read-time cache): the same sanitised result.
    expect((await call('mail.get', { id: result.messageId })).html).toBe(detail.html);
  });

  it('broken MIME and garbage never stop the scan: each is stored as far as it can be read', async () => {
    const account = addAccount(app());
    const inputs = [
      Buffer.from('\x00\xff\xfe garbage without any header'),
      Buffer.from('Subject: no body separator, no from'),
      rawMail({
        contentType: 'multipart/mixed; boundary="never-closed"',
        body: '--never-closed\r\nContent-Type: text/plain\r\n\r\nyarım',
      }),
      rawMail({ contentType: 'text/plain; charset=utf-7', body: '+ADw-script+AD4-alert(1)+ADw-/script+AD4-' }),
      rawMail({ contentType: 'text/plain; charset=x-unknown-42', body: 'bilinmeyen' }),
      rawMail({ headers: ['Content-Transfer-Encoding: base64'], body: '!!!not base64!!!' }),
      Buffer.alloc(0),
    ];
    for (const raw of inputs) {
      const result = await ingest(app(), account, raw);
      expect(mailRow(app(), result.messageId)).toBeDefined();
    }
    const count = sqlite().prepare('select count(*) as n from mail_messages').get() as { n: number };
    expect(count.n).toBe(inputs.length);
  });
});

describe('bounces and calendar replies', () => {
  function mailing(cardId: string | null, address: string, messageId: string, reference: string) {
    const at = new Date().toISOString();
    const mailingId = newId();
    sqlite()
      .prepare(
        `insert into mailings (id, channel, kind, subject, body, status, total, created_at, updated_at)
         values (?, 'email', 'mailing', 'Mart bülteni', 'Sayın {ad}', 'done', 1, ?, ?)`,
      )
      .run(mailingId, at, at);
    const recipientId = newId();
    sqlite()
      .prepare(
        `insert into mailing_recipients (id, mailing_id, position, card_id, name, address, reference_no,
           message_id_header, status, sent_at, updated_at) values (?, ?, 0, ?, 'Alıcı', ?, ?, ?, 'sent', ?, ?)`,
      )
      .run(recipientId, mailingId, cardId, address, reference, messageId, at, at);
    return recipientId;
  }
  const recipient = (id: string) =>
    sqlite().prepare('select status, error from mailing_recipients where id = ?').get(id) as {
      status: string;
      error: string | null;
    };

  it('a DSN marks the recipient failed with the reason, flags the address and files the bounce on the card', async () => {
    const account = addAccount(app());
    const card = await call('cards.createPerson', {
      firstName: 'Olmayan',
      lastName: 'Kişi',
      emails: [{ address: 'olmayan@ornek.com.tr' }, { address: 'baska@ornek.com.tr' }],
    });
    const recipientId = mailing(card.id, 'olmayan@ornek.com.tr', 'rcpt-0001@kartotek.biz.com.tr', 'KRT-2026-0001');
    const result = await ingest(app(), account, fixture('bounce-dsn.eml'));
    expect(result).toMatchObject({ bounce: true, linked: true, cardIds: [card.id] });
    expect(result.failedRecipients.map((r) => r.recipientId)).toEqual([recipientId]);
    expect(recipient(recipientId).status).toBe('failed');
    expect(recipient(recipientId).error).toMatch(/5\.1\.1.*User unknown/);
    const person = await call('cards.getPerson', { id: card.id });
    const flags = sqlite()
      .prepare(
        'select address, bounced_at as bouncedAt, bounce_reason as reason from emails where card_id = ? order by position',
      )
      .all(card.id) as { address: string; bouncedAt: string | null; reason: string | null }[];
    expect(flags[0]).toMatchObject({ address: 'olmayan@ornek.com.tr' });
    expect(flags[0]!.bouncedAt).not.toBeNull();
    expect(flags[0]!.reason).toMatch(/User unknown/);
    expect(flags[1]!.bouncedAt).toBeNull();
    expect(person.id).toBe(card.id);
    expect(mailRow(app(), result.messageId).bounceOf).toBe(recipientId);
    expect((await call('mail.get', { id: result.messageId })).isBounce).toBe(true);
    // No notification for a bounce: the mailing screen shows the failure.
    expect(sqlite().prepare("select count(*) as n from notifications where kind = 'mail_received'").get()).toEqual({
      n: 0,
    });
  });

  it('non-standard bounces find their recipient by the quoted Message-ID or reference', async () => {
    const account = addAccount(app());
    const qmail = mailing(null, 'eski.calisan@firma.com.tr', 'rcpt-0002@kartotek.biz.com.tr', 'KRT-2026-0002');
    const exchange = mailing(null, 'ayrilan@kurum.gov.tr', 'other-id@kartotek.biz.com.tr', 'KRT-X');
    sqlite()
      .prepare("update mailing_recipients set message_id_header = 'rcpt-0004@kartotek.biz.com.tr' where id = ?")
      .run(exchange);
    await ingest(app(), account, fixture('bounce-qmail.eml'));
    await ingest(app(), account, fixture('bounce-exchange.eml'));
    expect(recipient(qmail)).toMatchObject({ status: 'failed' });
    expect(recipient(qmail).error).toMatch(/no longer accepts mail/);
    expect(recipient(exchange).error).toMatch(/RecipientNotFound/);
    // A delay warning changes nothing.
    const delayed = mailing(null, 'yavas@ornek.com.tr', 'delay-orig@kartotek', 'KRT-D');
    await ingest(app(), account, fixture('delayed-dsn.eml'));
    expect(recipient(delayed).status).toBe('sent');
  });

  it('a text/calendar METHOD:REPLY part updates the attendee; a broken one does not stop the mail', async () => {
    const account = addAccount(app());
    const event = await agendaFixtures(call).event(BUDGET_MEETING);
    await call('agenda.addAttendees', {
      eventId: event.id,
      attendees: [{ kind: 'external', name: 'Elif Şahin', email: 'elif@example.com' }],
    });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'METHOD:REPLY',
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:elif@example.com',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const body = (calendar: string) =>
      [
        '--c',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Katılıyorum.',
        '--c',
        'Content-Type: text/calendar; method=REPLY; charset=utf-8',
        '',
        calendar,
        '--c--',
        '',
      ].join('\r\n');
    const ok = await ingest(
      app(),
      account,
      rawMail({ from: 'elif@example.com', contentType: 'multipart/alternative; boundary="c"', body: body(ics) }),
    );
    const response = sqlite().prepare('select response from event_attendees where event_id = ?').get(event.id) as {
      response: string;
    };
    expect(response.response).toBe('accepted');
    expect(linksOf(app(), ok.messageId)).toEqual([]);
    const broken = await ingest(
      app(),
      account,
      rawMail({
        contentType: 'multipart/alternative; boundary="c"',
        body: body('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nbozuk'),
      }),
    );
    expect(mailRow(app(), broken.messageId).bodyText).toContain('Katılıyorum');
  });
});
