import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { useTestApp } from './test-app';

// The test clock starts on Monday 2026-03-02, 12:00 in Istanbul.
const t = useTestApp();

/** A manager (the desk's admin user is "me"), two of their staff, and a stranger in another team. */
async function office() {
  const me = await t.call('users.me', {});
  const ayse = await t.call('users.create', { name: 'Ayşe Kılıç', role: 'staff', managerId: me.id });
  const murat = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff', managerId: me.id });
  const otherBoss = await t.call('users.create', { name: 'Selin Ak', role: 'manager' });
  const stranger = await t.call('users.create', { name: 'Okan Er', role: 'staff', managerId: otherBoss.id });
  const firm = await t.call('cards.createInstitution', { title: 'Kuruçeşme Lojistik A.Ş.' });
  const person = await t.call('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
  return { me, ayse, murat, otherBoss, stranger, firm, person };
}

function task(input: Partial<CallInput<'tasks.create'>> = {}): CallInput<'tasks.create'> {
  return { title: 'Teklifi gönder', ...input };
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

function notificationsOf(taskId: string): NotificationRow[] {
  return t
    .app()
    .ctx.db.$client.prepare(
      `select user_id as userId, kind, due_at as dueAt, subject, delivered_at as deliveredAt from notifications
       where entity_type = 'task' and entity_id = ? order by kind, due_at, user_id`,
    )
    .all(taskId) as NotificationRow[];
}

const kindsFor = (taskId: string, userId: string) =>
  notificationsOf(taskId)
    .filter((n) => n.userId === userId)
    .map((n) => `${n.kind}@${n.dueAt}`);

async function searchTasks(q: string) {
  const { groups } = await t.call('search.query', { q, types: ['task'] });
  return groups.flatMap((g) => g.hits).map((h) => h.id);
}

describe('tasks', () => {
  it('creates a task with assignees, cards and a checklist: news for the others, reminders, audit, events', async () => {
    const { me, ayse, firm } = await office();
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const created = await t.call(
      'tasks.create',
      task({
        description: 'Depo kirası için yeni fiyatlarla',
        assigneeIds: [me.id, ayse.id],
        dueDate: '2026-03-05',
        dueTime: '14:30',
        priority: 'high',
        cardIds: [firm.id],
        checklist: ['Fiyatları güncelle', 'Müdüre onaylat'],
      }),
    );
    expect(created).toMatchObject({
      title: 'Teklifi gönder',
      description: 'Depo kirası için yeni fiyatlarla',
      status: 'todo',
      priority: 'high',
      dueDate: '2026-03-05',
      dueTime: '14:30',
      overdue: false,
      rrule: null,
      seriesId: null,
      assignees: [
        { id: ayse.id, name: 'Ayşe Kılıç' },
        { id: me.id, name: me.name },
      ],
      cards: [{ id: firm.id, type: 'institution', displayName: 'Kuruçeşme Lojistik A.Ş.' }],
      checklistDone: 0,
      checklistTotal: 2,
      commentCount: 0,
      createdBy: { id: me.id, name: me.name },
      deleted: false,
    });
    expect(created.checklist.map((i) => [i.text, i.done])).toEqual([
      ['Fiyatları güncelle', false],
      ['Müdüre onaylat', false],
    ]);

    // Reminded at 14:30 Istanbul (11:30 UTC); told of the task: Ayşe, not the one who gave it.
    expect(kindsFor(created.id, ayse.id).sort()).toEqual(
      [`task_assigned@${created.createdAt}`, 'task_due@2026-03-05T11:30:00.000Z'].sort(),
    );
    expect(kindsFor(created.id, me.id)).toEqual(['task_due@2026-03-05T11:30:00.000Z']);

    const { entries: history } = await t.call('audit.list', { entityId: firm.id });
    expect(history[0]).toMatchObject({ action: 'task_add', after: { taskId: created.id, title: 'Teklifi gönder' } });
    expect(events).toContainEqual({
      name: 'tasks.changed',
      payload: { id: created.id, cardIds: [firm.id], assigneeIds: [me.id, ayse.id] },
    });
    expect(events).toContainEqual({
      name: 'cards.changed',
      payload: { id: firm.id, type: 'institution', action: 'updated' },
    });
    expect(events).toContainEqual({ name: 'notifications.changed', payload: { userId: ayse.id } });
  });

  it('updates every field, refuses a save from a stale form, and moves the reminder with the date', async () => {
    const { me, ayse, person } = await office();
    const opened = await t.call('tasks.create', task({ assigneeIds: [ayse.id], dueDate: '2026-03-05' }));
    const changed = await t.call('tasks.update', {
      id: opened.id,
      expectedUpdatedAt: opened.updatedAt,
      title: 'Teklifi imzalat',
      assigneeIds: [ayse.id],
      dueDate: '2026-03-09',
      priority: 'urgent',
      cardIds: [person.id],
    });
    expect(changed).toMatchObject({ title: 'Teklifi imzalat', dueDate: '2026-03-09', priority: 'urgent' });
    expect(changed.cards.map((c) => c.id)).toEqual([person.id]);
    // Date only: reminded at the start of the working day (09:00 Istanbul).
    expect(notificationsOf(opened.id).filter((n) => n.kind === 'task_due')).toEqual([
      expect.objectContaining({ userId: ayse.id, dueAt: '2026-03-09T06:00:00.000Z' }),
    ]);

    const stale = await t.callError('tasks.update', {
      id: opened.id,
      expectedUpdatedAt: opened.updatedAt,
      title: 'Eski formdan',
    });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('siz düzenlerken değiştirildi');
    expect((await t.call('tasks.get', { id: opened.id })).title).toBe('Teklifi imzalat');
    expect(kindsFor(opened.id, me.id)).toEqual([]);
  });

  it('asks before a past due date, and refuses unreadable or dateless recurrences on their fields', async () => {
    await office();
    const past = await t.callError('tasks.create', task({ dueDate: '2026-02-27' }));
    expect(past).toMatchObject({ code: 'INVALID_INPUT', fields: { dueDate: expect.stringContaining('geçmişte') } });
    expect(past.message).toContain('27.02.2026');
    const confirmed = await t.call('tasks.create', task({ dueDate: '2026-02-27', confirmPast: true }));
    expect(confirmed.overdue).toBe(true);
    // Changing another field of an overdue task does not ask again.
    await t.call('tasks.update', { id: confirmed.id, title: 'Geciken teklif', dueDate: '2026-02-27' });

    const noDate = await t.callError('tasks.create', task({ rrule: 'FREQ=WEEKLY' }));
    expect(noDate.fields).toMatchObject({ rrule: expect.stringContaining('tarih'), dueDate: expect.any(String) });
    const unknown = await t.callError('tasks.create', task({ dueDate: '2026-03-02', rrule: 'FREQ=WEEKLY;BYFOO=1' }));
    expect(unknown).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { rrule: 'Tekrar kuralında bilinmeyen bölüm: "BYFOO".' },
    });
    const ended = await t.callError(
      'tasks.create',
      task({ dueDate: '2026-03-02', rrule: 'FREQ=DAILY;UNTIL=20260301' }),
    );
    expect(ended.fields?.rrule).toContain('hiçbir tarih vermiyor');
    expect((await t.call('tasks.list', { view: 'all' })).total).toBe(1);
  });

  it('refuses rules whose parts do not go together, or that never meet a date, on the rule field', async () => {
    const { me } = await office();
    const refusals: Record<string, string> = {
      'FREQ=WEEKLY;BYMONTHDAY=30': 'BYMONTHDAY kullanılamaz',
      'FREQ=DAILY;BYYEARDAY=40': 'yalnızca yıllık kurallarda',
      'FREQ=MONTHLY;BYWEEKNO=3': 'BYWEEKNO',
      'FREQ=DAILY;BYMONTHDAY=31;BYMONTH=4': 'hiçbir tarihe denk gelmiyor',
      'FREQ=DAILY;INTERVAL=7;BYDAY=TU': 'hiçbir tarih vermiyor',
    };
    for (const [rrule, reason] of Object.entries(refusals)) {
      const error = await t.callError('tasks.create', task({ dueDate: '2026-03-05', rrule }));
      expect(error, rrule).toMatchObject({ code: 'INVALID_INPUT', fields: { rrule: expect.stringContaining(reason) } });
    }
    // Also when a kept task takes on such a rule.
    const kept = await t.call('tasks.create', task({ assigneeIds: [me.id], dueDate: '2026-03-05' }));
    const changed = await t.callError('tasks.update', {
      id: kept.id,
      title: kept.title,
      dueDate: '2026-03-05',
      rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
    });
    expect(changed.fields?.rrule).toContain('hiçbir tarihe denk gelmiyor');
    expect((await t.call('tasks.list', { view: 'all' })).total).toBe(1);
  });

  it('ticks, rewords and removes checklist lines, counted in the list', async () => {
    const { me } = await office();
    const created = await t.call('tasks.create', task({ assigneeIds: [me.id], checklist: ['Numune hazırla'] }));
    let current = await t.call('tasks.addChecklistItem', { taskId: created.id, text: 'Kargoya ver' });
    const [first, second] = current.checklist;
    current = await t.call('tasks.updateChecklistItem', { id: first!.id, done: true });
    expect(current.checklist[0]).toMatchObject({ done: true, doneBy: { id: me.id } });
    current = await t.call('tasks.updateChecklistItem', { id: second!.id, text: 'Kargoya ver (Aras)' });
    expect(current.checklist.map((i) => [i.text, i.done])).toEqual([
      ['Numune hazırla', true],
      ['Kargoya ver (Aras)', false],
    ]);
    // A tick is not an edit of the task: a form opened before it can still be saved.
    expect(current.updatedAt).toBe(created.updatedAt);
    expect((await t.call('tasks.list', { view: 'mine' })).tasks[0]).toMatchObject({
      checklistDone: 1,
      checklistTotal: 2,
    });

    current = await t.call('tasks.updateChecklistItem', { id: first!.id, done: false });
    expect(current.checklist[0]).toMatchObject({ done: false, doneBy: null, doneAt: null });
    current = await t.call('tasks.removeChecklistItem', { id: second!.id });
    expect(current.checklist.map((i) => i.text)).toEqual(['Numune hazırla']);
    const { entries } = await t.call('audit.list', { entityId: created.id });
    expect(entries.filter((e) => e.action === 'task_checklist')).toHaveLength(5);
  });

  it('tells the other assignees and the writer of a comment, not the one who wrote it', async () => {
    const { me, ayse, murat } = await office();
    const created = await t.call('tasks.create', task({ assigneeIds: [ayse.id, murat.id] }));
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));

    const commented = await asUser(ayse.id).call('tasks.addComment', { taskId: created.id, body: 'Fiyatlar hazır.' });
    expect(commented.comments).toEqual([
      expect.objectContaining({ body: 'Fiyatlar hazır.', createdBy: { id: ayse.id, name: 'Ayşe Kılıç' } }),
    ]);
    expect(commented.commentCount).toBe(1);
    const told = notificationsOf(created.id).filter((n) => n.kind === 'task_comment');
    expect(told.map((n) => n.userId).sort()).toEqual([me.id, murat.id].sort());
    expect(told[0]?.subject).toBe('Teklifi gönder');
    expect(events).toContainEqual({ name: 'notifications.changed', payload: { userId: murat.id } });
    expect(events).not.toContainEqual({ name: 'notifications.changed', payload: { userId: ayse.id } });
  });

  it('hands a task over: the new assignee is told and reminded, the old one no longer', async () => {
    const { me, ayse, murat } = await office();
    const created = await t.call('tasks.create', task({ assigneeIds: [ayse.id], dueDate: '2026-03-04' }));
    const handed = await t.call('tasks.reassign', { id: created.id, assigneeIds: [murat.id] });
    expect(handed.assignees).toEqual([{ id: murat.id, name: 'Murat Demirtaş' }]);
    expect(kindsFor(created.id, murat.id).sort()).toEqual(
      [`task_assigned@${handed.updatedAt}`, 'task_due@2026-03-04T06:00:00.000Z'].sort(),
    );
    // Ayşe keeps the news she had; her reminder went with the task.
    expect(kindsFor(created.id, ayse.id)).toEqual([`task_assigned@${created.createdAt}`]);
    // Giving it to oneself is no news.
    await t.call('tasks.reassign', { id: created.id, assigneeIds: [murat.id, me.id] });
    expect(kindsFor(created.id, me.id)).toEqual(['task_due@2026-03-04T06:00:00.000Z']);
    expect(await t.callError('tasks.reassign', { id: created.id, assigneeIds: [created.id] })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { assigneeIds: 'Kullanıcı bulunamadı' },
    });
  });

  it('lists mine, my team’s, the overdue ones and a card’s; by status and by a folded title', async () => {
    const { me, ayse, stranger, otherBoss, firm } = await office();
    const mine = await t.call(
      'tasks.create',
      task({ title: 'Benim işim', assigneeIds: [me.id], dueDate: '2026-03-10' }),
    );
    const teamLate = await t.call(
      'tasks.create',
      task({ title: 'Çağrı merkezi raporu', assigneeIds: [ayse.id], dueDate: '2026-02-20', confirmPast: true }),
    );
    const strangers = await t.call(
      'tasks.create',
      task({
        title: 'Başka ekibin işi',
        assigneeIds: [stranger.id],
        dueDate: '2026-02-25',
        confirmPast: true,
        cardIds: [firm.id],
      }),
    );
    const undated = await t.call('tasks.create', task({ title: 'Tarihsiz iş', assigneeIds: [me.id] }));
    const doneLate = await t.call(
      'tasks.create',
      task({ title: 'Bitmiş iş', assigneeIds: [me.id], dueDate: '2026-02-01', confirmPast: true, status: 'done' }),
    );
    const ids = async (input: CallInput<'tasks.list'>, as: Pick<typeof t, 'call'> = t) =>
      (await as.call('tasks.list', input)).tasks.map((x) => x.id);

    // Open ones by due date, no date last, then the finished.
    expect(await ids({ view: 'mine' })).toEqual([mine.id, undated.id, doneLate.id]);
    expect(await ids({ view: 'team' })).toEqual([teamLate.id]);
    expect(await ids({ view: 'overdue' })).toEqual([teamLate.id]);
    expect(await ids({ view: 'overdue' }, asUser(otherBoss.id))).toEqual([strangers.id]);
    expect(await ids({ view: 'mine' }, asUser(ayse.id))).toEqual([teamLate.id]);
    expect(await ids({ view: 'all' })).toEqual([teamLate.id, strangers.id, mine.id, undated.id, doneLate.id]);
    expect(await ids({ view: 'all', cardId: firm.id })).toEqual([strangers.id]);
    expect(await ids({ view: 'all', statuses: ['done'] })).toEqual([doneLate.id]);
    expect(await ids({ view: 'all', dueOnOrBefore: '2026-03-02' })).toEqual([teamLate.id, strangers.id, doneLate.id]);
    expect(await ids({ view: 'all', query: 'CAGRI merkezi' })).toEqual([teamLate.id]);
    const list = await t.call('tasks.list', { view: 'all', limit: 2 });
    expect(list.total).toBe(5);
    expect(list.tasks.map((x) => x.overdue)).toEqual([true, true]);
  });

  it('completing a recurring task makes exactly one next occurrence, on the rule’s next date', async () => {
    const { me, ayse, firm } = await office();
    const first = await t.call(
      'tasks.create',
      task({
        title: 'Aylık stok sayımı',
        assigneeIds: [ayse.id],
        dueDate: '2026-03-02',
        dueTime: '10:00',
        rrule: 'freq=monthly;byday=1mo',
        cardIds: [firm.id],
        checklist: ['Depoyu say', 'Tutanağı imzalat'],
      }),
    );
    expect(first).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=1MO', seriesId: first.id });
    expect(first.nextOccurrences).toEqual(['2026-04-06', '2026-05-04', '2026-06-01', '2026-07-06', '2026-08-03']);
    await t.call('tasks.updateChecklistItem', { id: first.checklist[0]!.id, done: true });
    // Moving this occurrence does not move the series.
    await t.call('tasks.snooze', { id: first.id, dueDate: '2026-03-04', dueTime: '10:00' });

    const { task: done, next } = await t.call('tasks.setStatus', { id: first.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', completedBy: { id: me.id } });
    expect(next).toMatchObject({
      title: 'Aylık stok sayımı',
      status: 'todo',
      dueDate: '2026-04-06',
      dueTime: '10:00',
      rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      seriesId: first.id,
      assignees: [{ id: ayse.id, name: 'Ayşe Kılıç' }],
      cards: [expect.objectContaining({ id: firm.id })],
      checklistDone: 0,
      checklistTotal: 2,
    });
    expect(next!.checklist.map((i) => [i.text, i.done])).toEqual([
      ['Depoyu say', false],
      ['Tutanağı imzalat', false],
    ]);
    expect(kindsFor(next!.id, ayse.id)).toEqual(['task_due@2026-04-06T07:00:00.000Z']);
    // The done one is reminded no more.
    expect(notificationsOf(first.id).filter((n) => n.kind === 'task_due')).toEqual([]);

    // Done → todo → done again, also through the form: no second April task.
    await t.call('tasks.setStatus', { id: first.id, status: 'todo' });
    expect((await t.call('tasks.setStatus', { id: first.id, status: 'done' })).next).toBeNull();
    await t.call('tasks.setStatus', { id: first.id, status: 'in_progress' });
    await t.call('tasks.update', {
      id: first.id,
      title: 'Aylık stok sayımı',
      assigneeIds: [ayse.id],
      dueDate: '2026-03-04',
      rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      cardIds: [firm.id],
      status: 'done',
    });
    const series = await t.call('tasks.list', { view: 'all', cardId: firm.id });
    expect(series.tasks.map((x) => x.dueDate)).toEqual(['2026-04-06', '2026-03-04']);

    // The April one done makes May's.
    const may = await t.call('tasks.setStatus', { id: next!.id, status: 'done' });
    expect(may.next?.dueDate).toBe('2026-05-04');
  });

  it('cancelling one occurrence calls off that one only: the series goes on, once', async () => {
    const { me } = await office();
    const first = await t.call(
      'tasks.create',
      task({ title: 'Haftalık depo turu', assigneeIds: [me.id], dueDate: '2026-03-02', rrule: 'FREQ=WEEKLY' }),
    );
    const { next } = await t.call('tasks.setStatus', { id: first.id, status: 'cancelled' });
    expect(next).toMatchObject({ title: 'Haftalık depo turu', status: 'todo', dueDate: '2026-03-09' });
    expect(kindsFor(next!.id, me.id)).toEqual(['task_due@2026-03-09T06:00:00.000Z']);
    // Back and cancelled again, or done after all: still one 9 March occurrence.
    await t.call('tasks.setStatus', { id: first.id, status: 'todo' });
    expect((await t.call('tasks.setStatus', { id: first.id, status: 'cancelled' })).next).toBeNull();
    expect((await t.call('tasks.setStatus', { id: first.id, status: 'done' })).next).toBeNull();
    // Through the form too.
    const ninth = await t.call('tasks.update', {
      id: next!.id,
      title: 'Haftalık depo turu',
      assigneeIds: [me.id],
      dueDate: '2026-03-09',
      rrule: 'FREQ=WEEKLY',
      status: 'cancelled',
    });
    expect(ninth.status).toBe('cancelled');
    const series = await t.call('tasks.list', { view: 'all' });
    expect(series.tasks.map((x) => [x.dueDate, x.status])).toEqual([
      ['2026-03-16', 'todo'],
      ['2026-03-09', 'cancelled'],
      ['2026-03-02', 'done'],
    ]);
  });

  it('ends a series when its rule runs out', async () => {
    const { me } = await office();
    const first = await t.call(
      'tasks.create',
      task({ assigneeIds: [me.id], dueDate: '2026-03-02', rrule: 'FREQ=WEEKLY;COUNT=2' }),
    );
    const second = (await t.call('tasks.setStatus', { id: first.id, status: 'done' })).next!;
    expect(second.dueDate).toBe('2026-03-09');
    expect(second.nextOccurrences).toEqual([]);
    expect((await t.call('tasks.setStatus', { id: second.id, status: 'done' })).next).toBeNull();
  });

  it('is found by its checklist, comments, cards and assignees, folded; leaves search in the bin', async () => {
    const { ayse, firm } = await office();
    const created = await t.call(
      'tasks.create',
      task({ assigneeIds: [ayse.id], cardIds: [firm.id], checklist: ['Gümrük beyannamesini düzelt'] }),
    );
    await t.call('tasks.addComment', { taskId: created.id, body: 'Şoför çarşamba gelecek' });
    for (const q of ['gumruk beyannamesi', 'sofor carsamba', 'kurucesme teklif', 'kilic teklifi'])
      expect(await searchTasks(q)).toEqual([created.id]);
    const { groups } = await t.call('search.query', { q: 'gumruk', types: ['task'] });
    expect(groups[0]?.hits[0]).toMatchObject({ type: 'task', title: 'Teklifi gönder' });

    await t.call('tasks.delete', { id: created.id });
    expect(await searchTasks('gumruk')).toEqual([]);
    await t.call('tasks.restore', { id: created.id });
    expect(await searchTasks('gumruk')).toEqual([created.id]);
  });

  it('shows on the timeline of its cards until binned; binning drops its reminders, restoring brings them back', async () => {
    const { ayse, firm, person } = await office();
    const created = await t.call(
      'tasks.create',
      task({
        description: 'Yeni fiyat listesiyle',
        assigneeIds: [ayse.id],
        dueDate: '2026-03-06',
        cardIds: [firm.id, person.id],
      }),
    );
    for (const card of [firm, person]) {
      const { entries } = await t.call('timeline.forCard', { cardId: card.id });
      // Once: as the task itself, not a second time as its task_add audit row.
      const ofTask = entries.filter((e) => e.kind === 'task' || e.action === 'task_add');
      expect(ofTask).toEqual([
        expect.objectContaining({
          id: `task:${created.id}`,
          kind: 'task',
          title: 'Teklifi gönder',
          detail: 'Yeni fiyat listesiyle',
          at: created.createdAt,
        }),
      ]);
    }
    // Later changes show as task rows of the card's history.
    await t.call('tasks.setStatus', { id: created.id, status: 'in_progress' });
    const afterMove = (await t.call('timeline.forCard', { cardId: firm.id })).entries;
    expect(afterMove.filter((e) => e.kind === 'task').map((e) => e.action ?? e.id)).toEqual([
      'task_status',
      `task:${created.id}`,
    ]);
    const deleted = await t.call('tasks.delete', { id: created.id });
    expect(deleted.deleted).toBe(true);
    // The task leaves the timeline; its history rows stay, the newest saying it was binned.
    const binned = (await t.call('timeline.forCard', { cardId: firm.id })).entries.filter((e) => e.kind === 'task');
    expect(binned.map((e) => e.action)).toEqual(['task_delete', 'task_status']);
    expect(notificationsOf(created.id).filter((n) => n.kind === 'task_due')).toEqual([]);
    expect(await t.callError('tasks.addComment', { taskId: created.id, body: 'x' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '"Teklifi gönder" görevi çöp kutusunda; önce geri yükleyin.',
    });
    expect((await t.call('tasks.list', { view: 'all' })).total).toBe(0);

    await t.call('tasks.restore', { id: created.id });
    expect(kindsFor(created.id, ayse.id)).toContain('task_due@2026-03-06T06:00:00.000Z');
    const { entries } = await t.call('audit.list', { entityId: person.id });
    expect(entries.slice(0, 2).map((e) => e.action)).toEqual(['task_restore', 'task_delete']);
  });

  it('a save keeps links to a binned note and document the form could not show; they return on restore', async () => {
    const { me, firm } = await office();
    const meeting = await t.call('notes.create', {
      title: 'Fiyat görüşmesi',
      happenedAt: '2026-03-02T10:00:00+03:00',
      cardIds: [firm.id],
    });
    const created = await t.call('tasks.create', task({ assigneeIds: [me.id], noteIds: [meeting.id] }));
    const data = Buffer.from('Teklif: 120.000 TL').toString('base64');
    const { uploadId } = await t.call('transfer.upload', { fileName: 'teklif.txt', offset: 0, data });
    const withFile = await t.call('tasks.attachDocument', { taskId: created.id, uploadId });
    const documentId = withFile.documents[0]!.id;

    await t.call('notes.delete', { id: meeting.id });
    // A document can reach the bin by other ways too (a file binned before it was held here).
    t.app().ctx.db.$client.prepare('update documents set deleted_at = updated_at where id = ?').run(documentId);
    const shown = await t.call('tasks.get', { id: created.id });
    expect([shown.notes, shown.documents]).toEqual([[], []]);
    // The form sends what it shows: no note, no document.
    await t.call('tasks.update', {
      id: created.id,
      title: 'Teklifi gönder (revize)',
      assigneeIds: [me.id],
      noteIds: shown.notes.map((n) => n.id),
      documentIds: shown.documents.map((d) => d.id),
    });

    await t.call('notes.restore', { id: meeting.id });
    t.app().ctx.db.$client.prepare('update documents set deleted_at = null where id = ?').run(documentId);
    const back = await t.call('tasks.get', { id: created.id });
    expect(back.notes.map((n) => n.id)).toEqual([meeting.id]);
    expect(back.documents.map((d) => d.id)).toEqual([documentId]);
  });

  it('attaches a file as a document; taken off the task and on nothing else, it goes to the bin', async () => {
    const { me } = await office();
    const created = await t.call('tasks.create', task({ assigneeIds: [me.id] }));
    const data = Buffer.from('Teklif: 120.000 TL').toString('base64');
    const { uploadId } = await t.call('transfer.upload', { fileName: 'teklif.txt', offset: 0, data });
    const withFile = await t.call('tasks.attachDocument', { taskId: created.id, uploadId });
    expect(withFile.documents).toEqual([expect.objectContaining({ name: 'teklif.txt', mimeType: 'text/plain' })]);
    const documentId = withFile.documents[0]!.id;

    const without = await t.call('tasks.update', { id: created.id, title: 'Teklifi gönder', assigneeIds: [me.id] });
    expect(without.documents).toEqual([]);
    expect((await t.call('documents.get', { id: documentId })).deleted).toBe(true);
  });
});
