import { describe, expect, it } from 'vitest';
import { useTestApp } from './test-app';
import { addAccount, ingest, rawMail } from './mail-ingest-fixtures';

// The same mail reaching the firm twice (two of its accounts, a colleague's copy) is one mail on the card: it shows
// once on the timeline and in the card's mail, and reading it reads every copy, so no badge counts a hidden one.
const { app, call } = useTestApp();

async function cardWithMail() {
  const ayse = await call('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Kaya',
    emails: [{ kind: 'work', address: 'ayse@example.com.tr', isPrimary: true }],
  });
  const satis = addAccount(app(), 'satis@biz.com.tr');
  const info = addAccount(app(), 'info@biz.com.tr');
  const raw = rawMail({ messageId: 'teklif-1@example.com.tr', to: 'satis@biz.com.tr, info@biz.com.tr' });
  const first = await ingest(app(), satis, raw);
  const second = await ingest(app(), info, raw);
  const other = await ingest(app(), satis, rawMail({ subject: 'Başka konu' }));
  return { ayse, first, second, other };
}

describe('a mail that came in twice', () => {
  it('shows once on the card: its timeline and its mail list', async () => {
    const { ayse, first, second } = await cardWithMail();
    expect(second.duplicate).toBe(false);
    expect(second.cardIds).toEqual([ayse.id]);

    const timeline = await call('timeline.forCard', { cardId: ayse.id });
    const mails = timeline.entries.filter((e) => e.kind === 'mail');
    expect(mails.map((e) => e.title).sort()).toEqual(['Başka konu', 'Teklif hakkında']);
    expect(mails.map((e) => e.id)).toContain(`mail:${first.messageId}`);

    const list = await call('mail.list', { view: 'all', cardId: ayse.id });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.id)).toContain(first.messageId);
    expect(list.rows.map((r) => r.id)).not.toContain(second.messageId);
    // The firm-wide list keeps each account's copy: there each is its account's record.
    expect((await call('mail.list', { view: 'all' })).total).toBe(3);
  });

  it('reading one copy reads them all, and marking it unread unmarks them all', async () => {
    const { ayse, first, second } = await cardWithMail();
    expect((await call('mail.list', { view: 'all', cardId: ayse.id })).unread).toBe(2);
    // The card is the user's own (its creator owns it): the badge counts the mail once.
    expect((await call('mail.counts', {})).unreadMine).toBe(2);

    await call('mail.markRead', { ids: [first.messageId], read: true });
    expect((await call('mail.list', { view: 'all', cardId: ayse.id })).unread).toBe(1);
    expect((await call('mail.get', { id: second.messageId })).read).toBe(true);
    expect((await call('mail.counts', {})).unreadMine).toBe(1);

    await call('mail.markRead', { ids: [second.messageId], read: false });
    expect((await call('mail.get', { id: first.messageId })).read).toBe(false);
  });

  it('a copy that arrives after the mail was read is read too, and taking the mail off the card takes every copy', async () => {
    const { ayse, first } = await cardWithMail();
    await call('mail.markRead', { ids: [first.messageId], read: true });
    const late = await ingest(
      app(),
      addAccount(app(), 'muhasebe@biz.com.tr'),
      rawMail({ messageId: 'teklif-1@example.com.tr' }),
    );
    expect(late.cardIds).toEqual([ayse.id]);
    expect((await call('mail.get', { id: late.messageId })).read).toBe(true);
    expect((await call('mail.counts', {})).unreadMine).toBe(1);

    await call('mail.unlink', { id: first.messageId, cardId: ayse.id });
    const left = await call('mail.list', { view: 'all', cardId: ayse.id });
    expect(left.rows.map((r) => r.subject)).toEqual(['Başka konu']);
  });
});
