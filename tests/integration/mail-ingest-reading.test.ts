import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { addAccount, ingest, linksOf, mailRow, rawMail } from './mail-ingest-fixtures';
import { isPublicAddress, setRemoteAddressRule } from '../../src-main/services/mail/read/remote-content';

const { app, call, callError } = useTestApp();

const person = (firstName: string, lastName: string, emails: string[], ownerId?: string) =>
  call('cards.createPerson', { firstName, lastName, emails: emails.map((address) => ({ address })), ownerId });

const notificationsOf = (userId: string) =>
  app()
    .ctx.db.$client.prepare(
      "select subject, entity_id as entityId from notifications where user_id = ? and kind = 'mail_received'",
    )
    .all(userId) as { subject: string; entityId: string }[];

describe('filing unfiled mail', () => {
  it('unfiled → filed with addAddressTo → the next mail from that address links by itself', async () => {
    const account = addAccount(app());
    const mehmet = await person('Mehmet', 'Demir', ['mehmet@demir.com.tr']);
    const first = await ingest(
      app(),
      account,
      rawMail({ from: 'Mehmet D. <mdemir@gmail.com>', subject: 'Yeni adresim' }),
    );
    expect((await call('mail.list', { view: 'unfiled' })).rows.map((r) => r.id)).toEqual([first.messageId]);
    expect((await call('mail.counts', {})).unfiled).toBe(1);
    const detail = await call('mail.get', { id: first.messageId });
    expect(detail.senderAddress).toBe('mdemir@gmail.com');

    const filed = await call('mail.file', { id: first.messageId, cardIds: [mehmet.id], addAddressTo: mehmet.id });
    expect(filed.addressAdded).toBe(true);
    expect((await call('cards.getPerson', { id: mehmet.id })).emails.map((e) => e.address)).toEqual([
      'mehmet@demir.com.tr',
      'mdemir@gmail.com',
    ]);
    expect((await call('mail.list', { view: 'unfiled' })).total).toBe(0);
    expect((await call('mail.list', { cardId: mehmet.id })).rows[0]).toMatchObject({
      id: first.messageId,
      filed: 'linked',
      cards: [{ id: mehmet.id, linkKind: 'manual' }],
    });
    // The card is found by its new address, and its history says how the address came.
    const hits = await call('search.query', { q: 'mdemir', limit: 20 });
    expect(hits.groups.flatMap((g) => g.hits.map((h) => h.id))).toContain(mehmet.id);
    const timeline = await call('timeline.forCard', { cardId: mehmet.id });
    expect(timeline.entries.map((e) => e.action ?? e.kind)).toEqual(
      expect.arrayContaining(['mail_file', 'mail_address_add', 'mail']),
    );

    const next = await ingest(app(), account, rawMail({ from: 'mdemir@gmail.com', subject: 'İkinci mail' }));
    expect(linksOf(app(), next.messageId)).toEqual([{ cardId: mehmet.id, linkKind: 'address' }]);
  });

  it('unlinking the last card sends a mail back to the unfiled list; dismiss takes it off', async () => {
    const account = addAccount(app());
    const zeynep = await person('Zeynep', 'Ak', ['zeynep@ak.com.tr']);
    const stored = await ingest(app(), account, rawMail({ from: 'zeynep@ak.com.tr' }));
    expect(mailRow(app(), stored.messageId).filed).toBe('linked');
    await call('mail.unlink', { id: stored.messageId, cardId: zeynep.id });
    expect(mailRow(app(), stored.messageId).filed).toBe('unfiled');
    expect((await callError('mail.unlink', { id: stored.messageId, cardId: zeynep.id })).code).toBe('NOT_FOUND');
    expect((await call('mail.dismiss', { ids: [stored.messageId] })).changed).toBe(1);
    expect((await call('mail.counts', {})).unfiled).toBe(0);
    const err = await callError('mail.file', {
      id: stored.messageId,
      cardIds: [zeynep.id],
      addAddressTo: 'x'.repeat(10),
    });
    expect(err.code).toBe('INVALID_INPUT');
  });
});

describe('read state, notifications and the team', () => {
  it('notifies the owners of linked cards about new mail (once), not about mail older than 48 hours', async () => {
    const account = addAccount(app());
    const staff = await call('users.create', { name: 'Selin Satış', role: 'staff' });
    await person('Ayşe', 'Kaya', ['ayse@example.com.tr'], staff.id);
    const fresh = await ingest(app(), account, rawMail({ subject: 'Sipariş' }));
    const old = await ingest(app(), account, rawMail({ subject: 'Eski', date: 'Tue, 01 Apr 2025 10:00:00 +0300' }));
    expect(notificationsOf(staff.id)).toEqual([{ subject: 'Ayşe Kaya: Sipariş', entityId: fresh.messageId }]);
    // The same message seen again (a rescan) writes nothing new.
    await ingest(app(), account, rawMail({ subject: 'Sipariş', messageId: 'same@x' }), { uid: 900 });
    await ingest(app(), account, rawMail({ subject: 'Sipariş', messageId: 'same@x' }), { uid: 900 });
    expect(notificationsOf(staff.id)).toHaveLength(2);
    expect(old.linked).toBe(true);
  });

  it('a manager sees the unread mail of cards their team owns; reading it takes it off', async () => {
    const account = addAccount(app());
    const me = (await call('users.me', {})).id;
    const manager = await call('users.create', { name: 'Murat Müdür', role: 'manager' });
    const staff = await call('users.create', { name: 'Selin Satış', role: 'staff', managerId: manager.id });
    const other = await call('users.create', { name: 'Başka Biri', role: 'staff' });
    await person('Ayşe', 'Kaya', ['ayse@example.com.tr'], staff.id);
    await person('Ali', 'Veli', ['ali@veli.com.tr'], other.id);
    const teamMail = await ingest(app(), account, rawMail({ subject: 'Ekibin maili' }));
    await ingest(app(), account, rawMail({ from: 'ali@veli.com.tr', subject: 'Başkasının' }));

    await call('users.switchTo', { id: manager.id });
    const team = await call('mail.list', { view: 'team_unread' });
    expect(team.rows.map((r) => r.subject)).toEqual(['Ekibin maili']);
    expect((await call('mail.counts', {})).unreadTeam).toBe(1);
    await call('mail.markRead', { ids: [teamMail.messageId] });
    expect((await call('mail.list', { view: 'team_unread' })).total).toBe(0);
    // Read state is per person: staff still has it unread.
    await call('users.switchTo', { id: staff.id });
    expect(await call('mail.counts', {})).toMatchObject({ unreadMine: 1, unreadTeam: 0 });
    await call('users.switchTo', { id: me });
  });
});

describe('reading a mail', () => {
  let server: http.Server;
  let base = '';
  const requests: string[] = [];
  let previousRule: (address: string) => boolean = isPublicAddress;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/pixel.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
      } else if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<script>alert(1)</script>');
      } else if (req.url === '/to-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
      } else if (req.url === '/big.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.alloc(3 * 1024 * 1024));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // This image server is on loopback, which real mail may never reach (see the test below).
    previousRule = setRemoteAddressRule((address) => address === '127.0.0.1');
  });
  afterAll(() => {
    setRemoteAddressRule(previousRule);
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('holds remote images back until allowRemote, then inlines only real, small images', async () => {
    const account = addAccount(app());
    const html = `<p>Merhaba</p><img id="a" src="${base}/pixel.png"><img id="b" src="${base}/page">
      <img id="c" src="${base}/to-file"><img id="d" src="${base}/big.png"><div style="background:url(${base}/pixel.png)">x</div>`;
    const stored = await ingest(app(), account, rawMail({ contentType: 'text/html; charset=utf-8', body: html }));
    const blocked = await call('mail.get', { id: stored.messageId });
    expect(blocked.hasRemoteContent).toBe(true);
    expect(blocked.html).not.toMatch(/\ssrc="http/);
    expect(blocked.html).toContain(`data-remote-src="${base}/pixel.png"`);
    expect(blocked.html).not.toMatch(/\sstyle="[^"]*url\(/);
    expect(requests).toEqual([]);

    const allowed = await call('mail.get', { id: stored.messageId, allowRemote: true });
    expect(allowed.html).toContain('id="a" src="data:image/png;base64,iVBORw0KGgo="');
    expect(allowed.html).toMatch(/style="background:\s*url\('data:image\/png;base64/);
    expect(allowed.html).not.toMatch(/id="b" src=/);
    expect(allowed.html).not.toMatch(/id="c" src=/);
    expect(allowed.html).not.toMatch(/id="d" src=/);
    // Nothing but this mail's own images was asked for, and the redirect to file: was not followed.
    expect(new Set(requests)).toEqual(new Set(['/pixel.png', '/page', '/to-file', '/big.png']));
    // Stored HTML stays blocked: allowing is for this reading only.
    expect((await call('mail.get', { id: stored.messageId })).html).not.toContain('data:image/png');
  });

  it('shows a thread oldest first and marks read per user', async () => {
    const account = addAccount(app());
    const first = await ingest(app(), account, rawMail({ messageId: 't1@x', date: 'Mon, 02 Mar 2026 07:00:00 +0300' }));
    const second = await ingest(
      app(),
      account,
      rawMail({ messageId: 't2@x', inReplyTo: 't1@x', date: 'Mon, 02 Mar 2026 08:00:00 +0300' }),
    );
    const third = await ingest(
      app(),
      account,
      rawMail({ messageId: 't3@x', references: '<t1@x> <t2@x>', date: 'Mon, 02 Mar 2026 09:00:00 +0300' }),
    );
    const detail = await call('mail.get', { id: third.messageId });
    expect(detail.thread.map((m) => m.id)).toEqual([first.messageId, second.messageId]);
    expect(detail.read).toBe(false);
    expect((await call('mail.markRead', { ids: [third.messageId] })).changed).toBe(1);
    expect((await call('mail.get', { id: third.messageId })).read).toBe(true);
    expect((await call('mail.list', { view: 'inbox', unreadOnly: true })).total).toBe(2);
  });
});
