import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { useTestApp } from './test-app';

const t = useTestApp();

/** The test clock's today is 2026-03-02 (Istanbul); the meeting happened the week before. */
const LAST_WEEK = '2026-02-23T14:30:00+03:00';

async function office() {
  const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
  const firm = await t.call('cards.createInstitution', { title: 'Kuruçeşme Lojistik A.Ş.' });
  const manager = await t.call('users.create', { name: 'Nihal Öztürk', role: 'manager' });
  const murat = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff', managerId: manager.id });
  const selin = await t.call('users.create', { name: 'Selin Çelik', role: 'staff' });
  return { ayse, firm, manager, murat, selin, me: t.app().ctx.userId };
}

function note(input: Partial<CallInput<'notes.create'>>): CallInput<'notes.create'> {
  return { title: 'Yıllık sözleşme yenileme', happenedAt: LAST_WEEK, ...input };
}

function asUser(userId: string) {
  return contractCalls(() => ({
    ...t.app(),
    call: (method: string, input: unknown) => dispatch({ ...t.app().ctx, userId }, method, input),
  }));
}

interface NotificationRow {
  userId: string;
  kind: string;
  dueAt: string;
  subject: string;
  deliveredAt: string | null;
}

/** The follow-up's notifications as stored (what the reminder job will deliver). */
function notificationsOf(followUpId: string): NotificationRow[] {
  return t
    .app()
    .ctx.db.$client.prepare(
      `select user_id as userId, kind, due_at as dueAt, subject, delivered_at as deliveredAt from notifications
       where entity_id = ? order by kind, user_id, due_at`,
    )
    .all(followUpId) as NotificationRow[];
}

const count = (sql: string) => (t.app().ctx.db.$client.prepare(sql).get() as { n: number }).n;

/** Marks every notification delivered, as the reminder job does once they fall due. */
const deliverAll = () =>
  t.app().ctx.db.$client.prepare("update notifications set delivered_at = '2026-03-02T09:30:00.000Z'").run();

describe('follow-ups', () => {
  it('a note asks for a follow-up by a colleague: written with the note, reminded on the day, news for the colleague', async () => {
    const { ayse, firm, murat, me } = await office();
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const created = await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id, firm.id],
        followUp: {
          description: 'Revize teklifi gönder',
          dueDate: '2026-03-05',
          dueTime: '14:30',
          assigneeIds: [murat.id, me],
        },
      }),
    );
    expect(created.followUps).toHaveLength(1);
    const followUp = created.followUps[0]!;
    expect(followUp).toMatchObject({
      noteId: created.id,
      noteTitle: 'Yıllık sözleşme yenileme',
      description: 'Revize teklifi gönder',
      dueDate: '2026-03-05',
      dueTime: '14:30',
      status: 'open',
      assignees: [
        { id: murat.id, name: 'Murat Demirtaş' },
        { id: me, name: 'Yönetici' },
      ],
      doneAt: null,
      createdBy: { id: me, name: 'Yönetici' },
    });
    expect(followUp.cards.map((c) => c.displayName)).toEqual(['Ayşe Yılmaz', 'Kuruçeşme Lojistik A.Ş.']);

    // 14:30 in Istanbul is 11:30 UTC: one reminder each; the colleague is told now, the author is not.
    const subject = 'Revize teklifi gönder (Yıllık sözleşme yenileme)';
    const rows = notificationsOf(followUp.id);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          userId: murat.id,
          kind: 'follow_up_assigned',
          dueAt: expect.stringMatching(/^2026-03-02T09:/),
          subject,
          deliveredAt: null,
        },
        { userId: murat.id, kind: 'follow_up_due', dueAt: '2026-03-05T11:30:00.000Z', subject, deliveredAt: null },
        { userId: me, kind: 'follow_up_due', dueAt: '2026-03-05T11:30:00.000Z', subject, deliveredAt: null },
      ]),
    );
    // On the cards' history, and the note is found by what the follow-up asks for.
    const { entries } = await t.call('audit.list', { entityId: firm.id });
    expect(entries[0]).toMatchObject({
      action: 'follow_up_add',
      after: { followUpId: followUp.id, title: 'Revize teklifi gönder', dueDate: '2026-03-05' },
    });
    const { groups } = await t.call('search.query', { q: 'revize teklif', types: ['note'] });
    expect(groups.flatMap((g) => g.hits).map((h) => h.id)).toEqual([created.id]);

    expect(events).toContainEqual({
      name: 'followUps.changed',
      payload: { id: followUp.id, noteId: created.id, assigneeIds: [murat.id, me] },
    });
    expect(events).toContainEqual({ name: 'notifications.changed', payload: { userId: murat.id } });

    // A date-only follow-up is reminded at the start of the working day (09:00 Istanbul).
    const dateOnly = await t.call('followUps.create', {
      noteId: created.id,
      dueDate: '2026-03-10',
      assigneeIds: [me],
    });
    expect(notificationsOf(dateOnly.id)).toEqual([
      expect.objectContaining({ userId: me, kind: 'follow_up_due', dueAt: '2026-03-10T06:00:00.000Z' }),
    ]);
    expect((await t.call('notes.get', { id: created.id })).followUps.map((f) => f.dueDate)).toEqual([
      '2026-03-05',
      '2026-03-10',
    ]);
  });

  it('a bad follow-up leaves no note behind: unknown colleague, past date without a yes', async () => {
    const { ayse, me } = await office();
    const unknown = '01900000-0000-7000-8000-000000000000';
    const missing = await t.callError(
      'notes.create',
      note({ cardIds: [ayse.id], followUp: { dueDate: '2026-03-05', assigneeIds: [me, unknown] } }),
    );
    expect(missing).toMatchObject({
      code: 'INVALID_INPUT',
      message: `Takibi yapacak olarak seçilen kullanıcı bulunamadı (${unknown}).`,
      fields: { 'followUp.assigneeIds': 'Kullanıcı bulunamadı' },
    });
    const past = await t.callError(
      'notes.create',
      note({ cardIds: [ayse.id], followUp: { dueDate: '2026-03-01', assigneeIds: [me] } }),
    );
    expect(past).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Takip tarihi (01.03.2026) geçmişte; yine de kaydetmek için onaylayın (bugün 02.03.2026).',
      fields: { 'followUp.dueDate': 'Tarih geçmişte' },
    });
    const nobody = await t.callError(
      'notes.create',
      note({ cardIds: [ayse.id], followUp: { dueDate: '2026-03-05', assigneeIds: [] } }),
    );
    expect(nobody.fields).toEqual({ 'followUp.assigneeIds': 'Takibi yapacak en az bir kişi seçin' });

    expect((await t.call('notes.list', { cardId: ayse.id })).total).toBe(0);
    expect(count('select count(*) as n from notes')).toBe(0);
    expect(count('select count(*) as n from follow_ups')).toBe(0);
    expect(count('select count(*) as n from notifications')).toBe(0);
    expect((await t.call('audit.list', { entityId: ayse.id })).entries.map((e) => e.action)).toEqual(['create']);

    // Today is not the past; yesterday is, once the user said yes.
    const today = await t.call(
      'notes.create',
      note({ cardIds: [ayse.id], followUp: { dueDate: '2026-03-02', assigneeIds: [me] } }),
    );
    expect(today.followUps[0]!.dueDate).toBe('2026-03-02');
    const confirmed = await t.call('followUps.create', {
      noteId: today.id,
      dueDate: '2026-03-01',
      assigneeIds: [me],
      confirmPast: true,
    });
    expect(confirmed.dueDate).toBe('2026-03-01');
    const refused = await t.callError('followUps.create', {
      noteId: today.id,
      dueDate: '2026-02-27',
      assigneeIds: [me],
    });
    expect(refused.fields).toEqual({ dueDate: 'Tarih geçmişte' });
  });

  it('done, reopened, moved: the pending reminder follows; closed ones cannot be moved or done twice', async () => {
    const { ayse, me } = await office();
    const created = await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id],
        followUp: { description: 'Numune gönder', dueDate: '2026-03-04', assigneeIds: [me] },
      }),
    );
    const id = created.followUps[0]!.id;
    const due = (dueAt: string) => [expect.objectContaining({ kind: 'follow_up_due', userId: me, dueAt })];
    expect(notificationsOf(id)).toEqual(due('2026-03-04T06:00:00.000Z'));

    const done = await t.call('followUps.complete', { id, doneNote: 'Kargoyla gitti' });
    expect(done).toMatchObject({ status: 'done', doneNote: 'Kargoyla gitti', doneBy: { id: me, name: 'Yönetici' } });
    expect(done.doneAt).not.toBeNull();
    expect(notificationsOf(id)).toEqual([]);
    expect(await t.callError('followUps.complete', { id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '"Numune gönder" takibi tamamlandı; tamamlanmış sayılamaz (önce yeniden açın).',
    });
    expect((await t.callError('followUps.move', { id, dueDate: '2026-03-09' })).code).toBe('INVALID_INPUT');

    const reopened = await t.call('followUps.reopen', { id });
    expect(reopened).toMatchObject({ status: 'open', doneAt: null, doneBy: null, doneNote: null });
    expect(notificationsOf(id)).toEqual(due('2026-03-04T06:00:00.000Z'));

    const moved = await t.call('followUps.move', { id, dueDate: '2026-03-09', dueTime: '10:15' });
    expect(moved).toMatchObject({ dueDate: '2026-03-09', dueTime: '10:15' });
    expect(notificationsOf(id)).toEqual(due('2026-03-09T07:15:00.000Z'));
    expect(await t.callError('followUps.move', { id, dueDate: '2026-02-20' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { dueDate: 'Tarih geçmişte' },
    });

    // A reminder already delivered is history: it stays, and moving back to its time does not remind twice.
    deliverAll();
    await t.call('followUps.move', { id, dueDate: '2026-03-11', dueTime: '10:15' });
    await t.call('followUps.move', { id, dueDate: '2026-03-09', dueTime: '10:15' });
    expect(notificationsOf(id)).toEqual([
      expect.objectContaining({ dueAt: '2026-03-09T07:15:00.000Z', deliveredAt: '2026-03-02T09:30:00.000Z' }),
    ]);

    const cancelled = await t.call('followUps.cancel', { id, doneNote: 'Müşteri vazgeçti' });
    expect(cancelled).toMatchObject({ status: 'cancelled', doneNote: 'Müşteri vazgeçti' });
    const history = (await t.call('audit.list', { entityId: ayse.id })).entries.map((e) => e.action);
    expect(history.slice(0, 7)).toEqual([
      'follow_up_cancel',
      'follow_up_move',
      'follow_up_move',
      'follow_up_move',
      'follow_up_reopen',
      'follow_up_done',
      'follow_up_add',
    ]);
  });

  it('hand-over: the new colleague is told and reminded, the old one no longer; audited on the cards', async () => {
    const { firm, murat, selin, me } = await office();
    const created = await t.call(
      'notes.create',
      note({
        cardIds: [firm.id],
        followUp: { description: 'Tahsilatı sor', dueDate: '2026-03-06', assigneeIds: [me] },
      }),
    );
    const id = created.followUps[0]!.id;
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const handed = await t.call('followUps.handOver', { id, assigneeIds: [murat.id, selin.id] });
    expect(handed.assignees.map((a) => a.name)).toEqual(['Murat Demirtaş', 'Selin Çelik']);
    const rows = notificationsOf(id);
    expect(rows.filter((r) => r.kind === 'follow_up_due').map((r) => [r.userId, r.dueAt])).toEqual(
      [
        [murat.id, '2026-03-06T06:00:00.000Z'],
        [selin.id, '2026-03-06T06:00:00.000Z'],
      ].sort(),
    );
    const news = rows.filter((r) => r.kind === 'follow_up_assigned');
    expect(news.map((r) => r.userId).sort()).toEqual([murat.id, selin.id].sort());
    expect(news[0]!.subject).toBe('Tahsilatı sor (Yıllık sözleşme yenileme)');
    expect(Date.parse(news[0]!.dueAt)).toBeLessThanOrEqual(t.clock());
    expect(rows.some((r) => r.userId === me)).toBe(false);

    const { entries } = await t.call('audit.list', { entityId: firm.id });
    expect(entries[0]).toMatchObject({
      action: 'follow_up_hand_over',
      before: { assignees: ['Yönetici'] },
      after: { assignees: ['Murat Demirtaş', 'Selin Çelik'] },
    });
    for (const userId of [me, murat.id, selin.id])
      expect(events).toContainEqual({ name: 'notifications.changed', payload: { userId } });

    // Murat hands his part on to Selin alone: only Selin stays, nobody new is told (she already has it).
    await asUser(murat.id).call('followUps.handOver', { id, assigneeIds: [selin.id] });
    expect(notificationsOf(id).filter((r) => r.userId === murat.id && r.kind === 'follow_up_due')).toEqual([]);
    expect(notificationsOf(id).filter((r) => r.kind === 'follow_up_assigned')).toHaveLength(2);
    // The same staff again changes nothing and writes nothing.
    const before = (await t.call('audit.list', { entityId: firm.id })).entries.length;
    await t.call('followUps.handOver', { id, assigneeIds: [selin.id] });
    expect((await t.call('audit.list', { entityId: firm.id })).entries).toHaveLength(before);

    expect(
      await t.callError('followUps.handOver', { id, assigneeIds: ['01900000-0000-7000-8000-000000000000'] }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { assigneeIds: 'Kullanıcı bulunamadı' } });
  });

  it('lists mine, my team’s and everyone’s; by note, card and due date; notes in the bin drop out', async () => {
    const { ayse, firm, manager, murat, selin, me } = await office();
    const a = await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id],
        followUp: { description: 'Murat arasın', dueDate: '2026-03-03', assigneeIds: [murat.id] },
      }),
    );
    const b = await t.call(
      'notes.create',
      note({
        cardIds: [firm.id],
        followUp: { description: 'Selin yazsın', dueDate: '2026-03-02', assigneeIds: [selin.id] },
      }),
    );
    const c = await t.call('followUps.create', {
      noteId: b.id,
      description: 'Ben bakarım',
      dueDate: '2026-03-20',
      assigneeIds: [me],
    });
    const descriptions = (list: { followUps: { description: string }[] }) => list.followUps.map((f) => f.description);

    expect(descriptions(await asUser(murat.id).call('followUps.list', {}))).toEqual(['Murat arasın']);
    // Nihal manages Murat only.
    expect(descriptions(await asUser(manager.id).call('followUps.list', { scope: 'team' }))).toEqual(['Murat arasın']);
    expect(descriptions(await asUser(manager.id).call('followUps.list', { scope: 'mine' }))).toEqual([]);
    const all = await t.call('followUps.list', { scope: 'all' });
    expect(descriptions(all)).toEqual(['Selin yazsın', 'Murat arasın', 'Ben bakarım']);
    expect(all.total).toBe(3);
    expect(descriptions(await t.call('followUps.list', { scope: 'all', dueOnOrBefore: '2026-03-03' }))).toEqual([
      'Selin yazsın',
      'Murat arasın',
    ]);
    expect(descriptions(await t.call('followUps.list', { scope: 'all', cardId: firm.id }))).toEqual([
      'Selin yazsın',
      'Ben bakarım',
    ]);
    expect(descriptions(await t.call('followUps.list', { scope: 'all', noteId: a.id }))).toEqual(['Murat arasın']);
    const paged = await t.call('followUps.list', { scope: 'all', limit: 1, offset: 1 });
    expect([descriptions(paged), paged.total]).toEqual([['Murat arasın'], 3]);

    await t.call('followUps.complete', { id: c.id });
    expect(descriptions(await t.call('followUps.list', { scope: 'all', status: 'done' }))).toEqual(['Ben bakarım']);
    expect(descriptions(await t.call('followUps.list', { scope: 'all', status: 'all' }))).toHaveLength(3);

    // A note in the recycle bin takes its follow-ups and their reminders with it; restored, they come back.
    await t.call('notes.delete', { id: b.id });
    expect(descriptions(await t.call('followUps.list', { scope: 'all', status: 'all' }))).toEqual(['Murat arasın']);
    const selinsReminder = () => notificationsOf(b.followUps[0]!.id).filter((r) => r.kind === 'follow_up_due');
    expect(selinsReminder()).toEqual([]);
    expect((await t.callError('followUps.complete', { id: b.followUps[0]!.id })).message).toBe(
      '"Yıllık sözleşme yenileme" notu çöp kutusunda; önce notu geri yükleyin.',
    );
    await t.call('notes.restore', { id: b.id });
    expect(selinsReminder()).toEqual([
      expect.objectContaining({ userId: selin.id, dueAt: '2026-03-02T06:00:00.000Z' }),
    ]);
  });
});
