import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { addAccount, ingest, linksOf, mailRow, rawMail } from './mail-ingest-fixtures';

const { app, call } = useTestApp();

const person = (firstName: string, lastName: string, emails: string[], ownerId?: string) =>
  call('cards.createPerson', { firstName, lastName, emails: emails.map((address) => ({ address })), ownerId });
const institution = (title: string, domains: string[], emails: string[] = []) =>
  call('cards.createInstitution', { title, emailDomains: domains, emails: emails.map((address) => ({ address })) });

describe('storing incoming mail', () => {
  it('stores the row with its text and search row, and never twice for the same UID', async () => {
    const account = addAccount(app());
    const raw = rawMail({ subject: 'Fiyat teklifi Çağrı', body: 'Ekteki fiyatları inceleyebilirsiniz.' });
    const first = await ingest(app(), account, raw, { uid: 7 });
    expect(first.duplicate).toBe(false);
    const row = mailRow(app(), first.messageId);
    expect(row.subject).toBe('Fiyat teklifi Çağrı');
    expect(row.bodyText).toContain('Ekteki fiyatları');
    expect(row.filed).toBe('unfiled');
    const again = await ingest(app(), account, raw, { uid: 7 });
    expect(again).toMatchObject({ duplicate: true, messageId: first.messageId });
    const hits = await call('search.query', { q: 'cagri', limit: 20 });
    expect(hits.groups.flatMap((g) => g.hits.map((h) => h.id))).toContain(first.messageId);
  });

  it('after a UIDVALIDITY change, the same message under a new UID moves its row instead of doubling', async () => {
    const account = addAccount(app());
    const raw = rawMail({ messageId: 'uv-1@example.com.tr' });
    const first = await ingest(app(), account, raw, { uid: 3, uidValidity: '100' });
    const again = await ingest(app(), account, raw, { uid: 1, uidValidity: '200' });
    expect(again).toMatchObject({ duplicate: true, messageId: first.messageId });
    expect(mailRow(app(), first.messageId)).toMatchObject({ uid: 1, uidValidity: '200' });
    const count = app().ctx.db.$client.prepare('select count(*) as n from mail_messages').get() as { n: number };
    expect(count.n).toBe(1);
  });

  it('a message without Message-ID is recognised again by its header block', async () => {
    const account = addAccount(app());
    const raw = rawMail({ messageId: '' });
    const first = await ingest(app(), account, raw, { uid: 5, uidValidity: '1' });
    const again = await ingest(app(), account, raw, { uid: 9, uidValidity: '2' });
    expect(again.messageId).toBe(first.messageId);
  });
});

describe('linking', () => {
  it('links by exact address to person and institution cards (any of their addresses), not by the own address', async () => {
    const account = addAccount(app());
    const ayse = await person('Ayşe', 'Kaya', ['ayse.kaya@gmail.com', 'ayse@example.com.tr']);
    const firm = await institution('Örnek Ltd.', [], ['info@ornek.com.tr']);
    const mine = await person('Biz', 'Kendimiz', ['satis@biz.com.tr']);
    const result = await ingest(
      app(),
      account,
      rawMail({ from: 'Ayşe <AYSE@example.com.tr>', to: 'satis@biz.com.tr', cc: 'info@ornek.com.tr' }),
    );
    expect(result.linked).toBe(true);
    expect(linksOf(app(), result.messageId)).toEqual(
      [
        { cardId: ayse.id, linkKind: 'address' },
        { cardId: firm.id, linkKind: 'address' },
      ].sort((a, b) => a.cardId.localeCompare(b.cardId)),
    );
    expect(result.cardIds).not.toContain(mine.id);
    expect(mailRow(app(), result.messageId).filed).toBe('linked');
  });

  it('links an unknown address to the institution owning its domain (subdomains too), never a public provider', async () => {
    const account = addAccount(app());
    const firm = await institution('Firma A.Ş.', ['firma.com.tr']);
    const byDomain = await ingest(app(), account, rawMail({ from: 'yeni.biri@firma.com.tr' }));
    expect(linksOf(app(), byDomain.messageId)).toEqual([{ cardId: firm.id, linkKind: 'domain' }]);
    const sub = await ingest(app(), account, rawMail({ from: 'noreply@mail.firma.com.tr' }));
    expect(linksOf(app(), sub.messageId)).toEqual([{ cardId: firm.id, linkKind: 'domain' }]);
    // An institution cannot claim gmail.com through the contract; even written straight in, it never links.
    app()
      .ctx.db.$client.prepare('insert into institution_domains (card_id, domain) values (?, ?)')
      .run(firm.id, 'gmail.com');
    const publicMail = await ingest(app(), account, rawMail({ from: 'kimse@gmail.com' }));
    expect(publicMail.linked).toBe(false);
    expect(mailRow(app(), publicMail.messageId).filed).toBe('unfiled');
  });

  it('a reply joins the thread of the mail it answers and that mail’s cards', async () => {
    const account = addAccount(app());
    const ayse = await person('Ayşe', 'Kaya', ['ayse@example.com.tr']);
    const first = await ingest(app(), account, rawMail({ messageId: 'root@example.com.tr' }));
    const reply = await ingest(
      app(),
      account,
      rawMail({
        from: 'asistan@gmail.com',
        messageId: 'reply@gmail.com',
        inReplyTo: 'root@example.com.tr',
        references: '<root@example.com.tr>',
        subject: 'Re: Teklif hakkında',
      }),
    );
    expect(linksOf(app(), reply.messageId)).toEqual([{ cardId: ayse.id, linkKind: 'thread' }]);
    expect(mailRow(app(), reply.messageId).threadId).toBe(mailRow(app(), first.messageId).threadId);
  });
});

describe('sent mail', () => {
  it('recordSentMail stores the outgoing copy on its cards, once; the sent folder’s copy joins it', async () => {
    const { recordSentMail } = await import('../../src-main/services/mail/record-sent-mail');
    const { writeTransaction } = await import('../../src-main/db/transaction');
    const account = addAccount(app());
    const ayse = await person('Ayşe', 'Kaya', ['ayse@example.com.tr']);
    const sent = {
      accountId: account.accountId,
      messageIdHeader: '<out-1@kartotek.biz.com.tr>',
      inReplyTo: null,
      references: [],
      subject: 'Teklifimiz',
      from: { name: 'Satış', address: 'satis@biz.com.tr' },
      to: [{ name: 'Ayşe Kaya', address: 'Ayse@Example.com.tr' }],
      cc: [],
      text: 'Teklifimiz ektedir.',
      html: '<p>Teklifimiz ektedir.<script>x()</script></p>',
      documentIds: [],
      cardIds: [ayse.id],
      sentAt: '2026-03-02T06:00:00.000Z',
    };
    const stamp = { userId: app().ctx.userId, at: '2026-03-02T06:00:00.000Z' };
    const id = writeTransaction(app().ctx.db, () => recordSentMail(app().ctx.db, sent, stamp));
    expect(writeTransaction(app().ctx.db, () => recordSentMail(app().ctx.db, sent, stamp))).toBe(id);
    expect(mailRow(app(), id)).toMatchObject({ direction: 'out', filed: 'linked', folderId: null });
    expect(mailRow(app(), id).bodyHtmlSource).toContain('Teklifimiz ektedir.');
    expect((await call('mail.get', { id })).html).not.toContain('script');
    expect(linksOf(app(), id)).toEqual([{ cardId: ayse.id, linkKind: 'address' }]);
    const timeline = await call('timeline.forCard', { cardId: ayse.id });
    expect(timeline.entries.find((e) => e.kind === 'mail')?.title).toBe('Teklifimiz');

    const copy = await ingest(
      app(),
      account,
      rawMail({ from: 'satis@biz.com.tr', to: 'ayse@example.com.tr', messageId: 'out-1@kartotek.biz.com.tr' }),
      { role: 'sent', uid: 44 },
    );
    expect(copy).toMatchObject({ duplicate: true, messageId: id });
    expect(mailRow(app(), id)).toMatchObject({ folderId: account.sent, uid: 44 });
    expect((await call('mail.list', { view: 'sent' })).rows.map((r) => r.id)).toEqual([id]);

    // The answer threads onto it and lands on Ayşe’s card even from another address.
    const reply = await ingest(
      app(),
      account,
      rawMail({ from: 'ayse.baska@gmail.com', inReplyTo: 'out-1@kartotek.biz.com.tr', subject: 'Re: Teklifimiz' }),
    );
    expect(linksOf(app(), reply.messageId)).toEqual([{ cardId: ayse.id, linkKind: 'thread' }]);
    expect(mailRow(app(), reply.messageId).threadId).toBe(mailRow(app(), id).threadId);
  });

  it('list queries walk an index instead of scanning all mail', () => {
    const plan = (sql: string) =>
      (app().ctx.db.$client.prepare(`explain query plan ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(
      plan('select id from mail_messages m where m.deleted_at is null order by m.received_at desc limit 50').join(),
    ).toMatch(/mail_messages_by_received/);
    expect(
      plan(
        "select id from mail_messages m where m.filed = 'unfiled' and m.deleted_at is null order by m.received_at desc limit 50",
      ).join(),
    ).toMatch(/mail_messages_by_filed/);
    expect(
      plan(
        "select m.id from mail_message_cards mcard join mail_messages m on m.id = mcard.message_id where mcard.card_id = 'x' order by m.received_at desc",
      ).join(),
    ).toMatch(/mail_message_cards_by_card/);
  });
});
