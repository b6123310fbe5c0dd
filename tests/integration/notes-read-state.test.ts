import { describe, expect, it } from 'vitest';
import { TEAM_NOTES_SQL } from '../../src-main/services/notes/team-notes';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { useTestApp } from './test-app';

const t = useTestApp();

const LAST_WEEK = '2026-02-23T14:30:00+03:00';

/** Two managers, each with one of the staff: Nihal manages Murat, Kerem manages Selin. */
async function office() {
  const firm = await t.call('cards.createInstitution', { title: 'Kuruçeşme Lojistik A.Ş.' });
  const nihal = await t.call('users.create', { name: 'Nihal Öztürk', role: 'manager' });
  const kerem = await t.call('users.create', { name: 'Kerem Aksoy', role: 'manager' });
  const murat = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff', managerId: nihal.id });
  const selin = await t.call('users.create', { name: 'Selin Çelik', role: 'staff', managerId: kerem.id });
  return { firm, nihal, kerem, murat, selin };
}

const switchTo = (id: string) => t.call('users.switchTo', { id });

function note(title: string, input: Partial<CallInput<'notes.create'>> = {}): CallInput<'notes.create'> {
  return { title, happenedAt: LAST_WEEK, ...input };
}

/** Team-note news as stored for a user: which notes, and whether read. */
function teamNews(userId: string) {
  return t
    .app()
    .ctx.db.$client.prepare(
      `select entity_id as noteId, subject, read_at is not null as read from notifications
       where user_id = ? and kind = 'team_note' order by created_at`,
    )
    .all(userId) as { noteId: string; subject: string; read: number }[];
}

const titles = (feed: { notes: { title: string }[] }) => feed.notes.map((n) => n.title);

describe('read state of notes, per reader, and the manager’s team feed', () => {
  it('a manager is told of a new note of their team and sees it unread until they read it; others are not', async () => {
    const { firm, nihal, kerem, murat } = await office();
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    // Murat writes at the shared desk.
    await switchTo(murat.id);
    const written = await t.call('notes.create', note('Depo kirası görüşmesi', { cardIds: [firm.id] }));
    expect(written.createdBy?.name).toBe('Murat Demirtaş');
    // The author has read their own note.
    expect(written.readAt).not.toBeNull();
    expect(teamNews(nihal.id)).toEqual([{ noteId: written.id, subject: 'Depo kirası görüşmesi', read: 0 }]);
    expect(teamNews(kerem.id)).toEqual([]);
    expect(teamNews(murat.id)).toEqual([]);
    expect(events).toContainEqual({ name: 'notifications.changed', payload: { userId: nihal.id } });
    // Murat manages nobody: his feed is empty.
    expect(await t.call('notes.team', {})).toEqual({ notes: [], total: 0, unread: 0 });

    await switchTo(nihal.id);
    const feed = await t.call('notes.team', {});
    expect([titles(feed), feed.total, feed.unread]).toEqual([['Depo kirası görüşmesi'], 1, 1]);
    expect(feed.notes[0]!.readAt).toBeNull();
    // Opening is not reading by itself (the note page marks it): notes.get only tells.
    expect((await t.call('notes.get', { id: written.id })).readAt).toBeNull();
    const read = await t.call('notes.markRead', { id: written.id });
    expect(read.readAt).not.toBeNull();
    expect((await t.call('notes.get', { id: written.id })).readAt).toBe(read.readAt);
    expect(await t.call('notes.team', {})).toMatchObject({ total: 1, unread: 0 });
    expect((await t.call('notes.team', { unreadOnly: true })).notes).toEqual([]);
    // Reading the note read its news too.
    expect(teamNews(nihal.id)).toEqual([{ noteId: written.id, subject: 'Depo kirası görüşmesi', read: 1 }]);

    // Kerem manages Selin, not Murat: nothing for him.
    await switchTo(kerem.id);
    expect(await t.call('notes.team', {})).toEqual({ notes: [], total: 0, unread: 0 });
    expect((await t.call('notes.get', { id: written.id })).readAt).toBeNull();
  });

  it('a note with staff of two teams reaches both managers; each one’s read state is their own', async () => {
    const { firm, nihal, kerem, murat, selin } = await office();
    await switchTo(selin.id);
    // Selin (Kerem's) writes with Murat (Nihal's) taking part: both managers are told.
    const joint = await t.call('notes.create', note('Ortak ziyaret', { cardIds: [firm.id], staffIds: [murat.id] }));
    expect(teamNews(kerem.id).map((n) => n.noteId)).toEqual([joint.id]);
    expect(teamNews(nihal.id).map((n) => n.noteId)).toEqual([joint.id]);

    await switchTo(nihal.id);
    // A manager writing with their own staff is not told of their own note, and has read it.
    const own = await t.call('notes.create', note('Nihal ile Murat', { cardIds: [firm.id], staffIds: [murat.id] }));
    expect(teamNews(nihal.id).map((n) => n.noteId)).toEqual([joint.id]);
    let feed = await t.call('notes.team', {});
    // Unread first, then the newest written.
    expect([titles(feed), feed.unread]).toEqual([['Ortak ziyaret', 'Nihal ile Murat'], 1]);
    await t.call('notes.markRead', { id: joint.id });

    await switchTo(kerem.id);
    feed = await t.call('notes.team', {});
    expect([titles(feed), feed.unread]).toEqual([['Ortak ziyaret'], 1]);
    expect((await t.call('notes.list', { cardId: firm.id })).notes.map((n) => [n.title, n.readAt === null])).toEqual([
      ['Nihal ile Murat', true],
      ['Ortak ziyaret', true],
    ]);

    await switchTo(nihal.id);
    expect((await t.call('notes.list', { cardId: firm.id })).notes.map((n) => [n.title, n.readAt === null])).toEqual([
      ['Nihal ile Murat', false],
      ['Ortak ziyaret', false],
    ]);
    // Unread again, on purpose: first in the feed and counted; Kerem's state did not move.
    expect(await t.call('notes.markRead', { id: own.id, read: false })).toEqual({ id: own.id, readAt: null });
    feed = await t.call('notes.team', {});
    expect([titles(feed), feed.unread]).toEqual([['Nihal ile Murat', 'Ortak ziyaret'], 1]);
    expect(titles(await t.call('notes.team', { unreadOnly: true }))).toEqual(['Nihal ile Murat']);
    await switchTo(kerem.id);
    expect((await t.call('notes.team', {})).unread).toBe(1);

    // A note in the recycle bin leaves the feed and its count.
    await t.call('notes.delete', { id: joint.id });
    expect(await t.call('notes.team', {})).toEqual({ notes: [], total: 0, unread: 0 });
    await switchTo(nihal.id);
    expect(await t.call('notes.team', {})).toMatchObject({ total: 1, unread: 1 });

    expect(await t.callError('notes.markRead', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the feed pages, and a manager change moves whose notes a manager follows', async () => {
    const { firm, nihal, kerem, murat } = await office();
    await switchTo(murat.id);
    for (const title of ['Birinci', 'İkinci', 'Üçüncü'])
      await t.call('notes.create', note(title, { cardIds: [firm.id] }));
    await switchTo(nihal.id);
    const page = await t.call('notes.team', { limit: 2, offset: 1 });
    expect([titles(page), page.total, page.unread]).toEqual([['İkinci', 'Birinci'], 3, 3]);

    // The admin moves Murat to Kerem's team: the feed follows the team as it is now.
    const admin = (await t.call('users.list', {})).users.find((u) => u.role === 'admin')!;
    await switchTo(admin.id);
    await t.call('users.update', { id: murat.id, name: 'Murat Demirtaş', role: 'staff', managerId: kerem.id });
    await switchTo(kerem.id);
    expect((await t.call('notes.team', {})).total).toBe(3);
    await switchTo(nihal.id);
    expect((await t.call('notes.team', {})).total).toBe(0);
  });

  it('the feed starts from the team: a note by one member with another counts once; no note outside is read', async () => {
    const { firm, nihal, murat } = await office();
    const ayse = await t.call('users.create', { name: 'Ayşe Kılıç', role: 'staff', managerId: nihal.id });
    await switchTo(murat.id);
    await t.call('notes.create', note('Murat ile Ayşe', { cardIds: [firm.id], staffIds: [ayse.id] }));
    await switchTo(nihal.id);
    expect(await t.call('notes.team', {})).toMatchObject({ total: 1, unread: 1, notes: [{ title: 'Murat ile Ayşe' }] });

    // Each statement reaches notes by their id, their writer or their staff: never by reading every note.
    const db = t.app().ctx.db.$client;
    for (const [name, sql] of Object.entries(TEAM_NOTES_SQL)) {
      const params = (sql.match(/\?/g) ?? []).map(() => nihal.id);
      const plan = (db.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(
        plan.filter((line) => /^SCAN (n|notes)\b/.test(line)),
        name,
      ).toEqual([]);
      expect(plan.join('\n'), name).toMatch(/SEARCH n USING INDEX notes_by_created_by/);
      expect(plan.join('\n'), name).toMatch(/SEARCH ns USING INDEX note_staff_by_user/);
    }
  });
});
