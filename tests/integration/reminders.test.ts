import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { writeTransaction } from '../../src-main/db/transaction';
import { runReminderTick, startReminderJob } from '../../src-main/jobs/reminders/reminder-job';
import { remindAt } from '../../src-main/services/planner/firm-time';
import { desktopNotificationText } from '../../src-main/services/planner/notification-words';
import { notify, type NotifyInput } from '../../src-main/services/planner/notify';
import type { ContractEvent, EventPayload } from '../../src-shared/contract';
import { dispatch } from '../../src-main/core/dispatch';
import { contractCalls } from './contract-calls';

/** 08:00 in Istanbul on Monday 2 March 2026. */
const MORNING = Date.parse('2026-03-02T05:00:00.000Z');
const HOUR = 3_600_000;

let dir = '';
let clock = MORNING;
const open: KartotekApp[] = [];

/** Opens the data folder like a start of the app, on the test's clock (which only moves when a test says). */
function start(): KartotekApp {
  const app = openApp({ dataDir: dir, now: () => new Date(clock) });
  open.push(app);
  return app;
}
function close(app: KartotekApp) {
  app.close();
  open.splice(open.indexOf(app), 1);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-reminders-'));
  clock = MORNING;
});
afterEach(() => {
  for (const app of open.splice(0)) app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Records what main pushes to the windows. */
function listen(app: KartotekApp) {
  const events: ContractEvent[] = [];
  app.ctx.events.subscribe((e) => events.push(e));
  const delivered = () =>
    events
      .filter((e) => e.name === 'notifications.delivered')
      .map((e) => e.payload as EventPayload<'notifications.delivered'>);
  return { events, delivered };
}

/** A follow-up reminder as the follow-ups module writes it: through notify(), at the due time in Istanbul. */
function remindFollowUp(app: KartotekApp, input: Partial<NotifyInput> & { dueAt: string }) {
  writeTransaction(app.ctx.db, () =>
    notify(app.ctx.db, {
      userIds: [app.ctx.userId],
      kind: 'follow_up_due',
      entityType: 'follow_up',
      entityId: '01950000-0000-7000-8000-000000000001',
      subject: 'Teklifi ara: Çağrı Lojistik',
      key: input.dueAt,
      createdAt: new Date(clock).toISOString(),
      ...input,
    }),
  );
}

const deliveredAt = (app: KartotekApp) =>
  app.ctx.db.$client.prepare('select delivered_at as at from notifications order by due_at').all() as {
    at: string | null;
  }[];

describe('reminder job', () => {
  it('delivers a reminder once it is due, once, with the events the windows need', async () => {
    const app = start();
    const { call } = contractCalls(() => app);
    const { events, delivered } = listen(app);
    const dueAt = remindAt(app.ctx.db, '2026-03-02', '10:00');
    expect(dueAt).toBe('2026-03-02T07:00:00.000Z');
    remindFollowUp(app, { dueAt });
    // Writing the same reminder again (a retried save) keeps one row.
    remindFollowUp(app, { dueAt });

    clock = Date.parse(dueAt) - 60_000;
    expect(runReminderTick(app)).toEqual([]);
    expect(events).toEqual([]);
    expect((await call('notifications.list', {})).notifications).toEqual([]);

    clock = Date.parse(dueAt) + 5_000;
    const [delivery, ...more] = runReminderTick(app);
    expect(more).toEqual([]);
    expect(delivery).toMatchObject({
      userId: app.ctx.userId,
      notifications: [
        {
          kind: 'follow_up_due',
          subject: 'Teklifi ara: Çağrı Lojistik',
          dueAt,
          deliveredAt: new Date(clock).toISOString(),
          readAt: null,
          late: false,
        },
      ],
    });
    expect(delivered()).toEqual([delivery]);
    expect(events.map((e) => e.name)).toEqual(['notifications.delivered', 'notifications.changed']);
    expect(await call('notifications.list', {})).toMatchObject({ unread: 1, notifications: [{ late: false }] });

    clock += 15_000;
    expect(runReminderTick(app)).toEqual([]);
    clock += 10 * HOUR;
    expect(runReminderTick(app)).toEqual([]);
    expect(delivered()).toHaveLength(1);
  });

  it('a reminder that fell due while the app was closed is delivered once on the next start, marked late', async () => {
    // Monday 08:00: the app runs, the 10:00 reminder is not due yet; then the office closes the app.
    let app = start();
    const dueAt = remindAt(app.ctx.db, '2026-03-02', '10:00');
    remindFollowUp(app, { dueAt });
    remindFollowUp(app, {
      kind: 'task_due',
      entityType: 'task',
      entityId: '01950000-0000-7000-8000-000000000002',
      subject: 'Aylık rapor',
      dueAt: remindAt(app.ctx.db, '2026-03-02', null),
    });
    let job = startReminderJob(app, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();
    expect(deliveredAt(app)).toEqual([{ at: null }, { at: null }]);
    close(app);

    // The app is opened again at 13:30: both reminders are shown at once, late, without waiting for a poll.
    clock = Date.parse('2026-03-02T10:30:00.000Z');
    app = start();
    const { delivered } = listen(app);
    job = startReminderJob(app, 60_000);
    await expect.poll(() => delivered().length).toBe(1);
    await job.stop();
    const [delivery] = delivered();
    expect(delivery!.notifications.map((n) => [n.subject, n.dueAt, n.late])).toEqual([
      ['Aylık rapor', '2026-03-02T06:00:00.000Z', true],
      ['Teklifi ara: Çağrı Lojistik', '2026-03-02T07:00:00.000Z', true],
    ]);
    const { call } = contractCalls(() => app);
    expect((await call('notifications.list', {})).notifications.map((n) => n.late)).toEqual([true, true]);

    // Ticking again, or starting once more, shows nothing again.
    clock += HOUR;
    expect(runReminderTick(app)).toEqual([]);
    close(app);
    app = start();
    const again = listen(app);
    job = startReminderJob(app, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();
    expect(again.delivered()).toEqual([]);
  });

  it('the desktop notification of a delivered reminder says what it is, in Turkish, and when it was missed', () => {
    const app = start();
    remindFollowUp(app, { dueAt: '2026-03-02T05:00:00.000Z' });
    clock = Date.parse('2026-03-02T09:00:00.000Z');
    const [n] = runReminderTick(app)[0]!.notifications;
    expect(desktopNotificationText(n!)).toEqual({
      title: 'Kartotek',
      body: 'Takip zamanı (kaçırılan): Teklifi ara: Çağrı Lojistik',
    });
    expect(desktopNotificationText({ kind: 'event_starts', subject: 'Bütçe toplantısı', late: false })).toEqual({
      title: 'Kartotek',
      body: 'Toplantı yaklaşıyor: Bütçe toplantısı',
    });
  });

  it('a reminder delivered a few minutes after it fell due (a busy start) is not called late', () => {
    const app = start();
    remindFollowUp(app, { dueAt: '2026-03-02T07:00:00.000Z' });
    clock = Date.parse('2026-03-02T07:09:00.000Z');
    expect(runReminderTick(app)[0]!.notifications[0]!.late).toBe(false);
  });

  it('the job wakes when a module signals a change instead of waiting for its poll', async () => {
    const app = start();
    const { delivered } = listen(app);
    const job = startReminderJob(app, 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A colleague's note for a manager: news due now, written with the note.
    remindFollowUp(app, {
      kind: 'team_note',
      entityType: 'note',
      subject: 'Fuar görüşmesi',
      dueAt: new Date(clock).toISOString(),
    });
    app.ctx.events.emit('notes.changed', { id: '01950000-0000-7000-8000-000000000003', cardIds: [], action: 'saved' });
    await expect.poll(() => delivered().length).toBe(1);
    await job.stop();
  });

  it('a reminder waits for its user: delivered once they take the desk, at once, marked late', async () => {
    const app = start();
    const { call } = contractCalls(() => app);
    const admin = await call('users.me', {});
    const ayse = await call('users.create', { name: 'Ayşe Kılıç', role: 'staff', managerId: admin.id });
    const person = await call('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
    await call('notes.create', {
      kind: 'meeting',
      title: 'Fiyat görüşmesi',
      happenedAt: '2026-03-02T05:00:00.000Z',
      cardIds: [person.id],
      bodyHtml: '<p>Teklif bekliyor</p>',
      followUp: { dueDate: '2026-03-03', assigneeIds: [ayse.id], description: 'Teklifi ara' },
    });
    const { delivered } = listen(app);
    const ayses = () =>
      app.ctx.db.$client
        .prepare('select kind, delivered_at as at from notifications where user_id = ? order by kind')
        .all(ayse.id) as { kind: string; at: string | null }[];

    // Tuesday 09:01, the Admin at the desk all morning: Ayşe's reminder is due but not theirs to see.
    clock = Date.parse('2026-03-03T06:01:00.000Z');
    expect(runReminderTick(app)).toEqual([]);
    clock = Date.parse('2026-03-03T09:00:00.000Z');
    expect(runReminderTick(app)).toEqual([]);
    expect(ayses()).toEqual([
      { kind: 'follow_up_assigned', at: null },
      { kind: 'follow_up_due', at: null },
    ]);

    // 13:00: Ayşe sits down. The switch wakes the job: no waiting for the (hour-long) poll.
    const job = startReminderJob(app, 60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock = Date.parse('2026-03-03T10:00:00.000Z');
    await call('users.switchTo', { id: ayse.id });
    await expect.poll(() => delivered().length).toBe(1);
    await job.stop();
    expect(delivered()[0]).toMatchObject({ userId: ayse.id });
    expect(delivered()[0]!.notifications.map((n) => [n.kind, n.late])).toEqual([
      ['follow_up_assigned', true],
      ['follow_up_due', true],
    ]);
    expect((await call('notifications.list', {})).unread).toBe(2);

    // Once: back to the Admin and to Ayşe again, nothing is shown twice.
    await call('users.switchTo', { id: admin.id });
    expect(runReminderTick(app)).toEqual([]);
    await call('users.switchTo', { id: ayse.id });
    expect(runReminderTick(app)).toEqual([]);
    expect(delivered()).toHaveLength(1);
  });

  it('a reminder moved by a new workday start fires once, also when its task and follow-up are saved again', async () => {
    const app = start();
    const { call } = contractCalls(() => app);
    const me = await call('users.me', {});
    const person = await call('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
    const task = await call('tasks.create', { title: 'Aylık rapor', dueDate: '2026-03-03', assigneeIds: [me.id] });
    const note = await call('notes.create', {
      kind: 'meeting',
      title: 'Fiyat görüşmesi',
      happenedAt: '2026-03-02T05:00:00.000Z',
      cardIds: [person.id],
      bodyHtml: '<p>Teklif bekliyor</p>',
      followUp: { dueDate: '2026-03-03', assigneeIds: [me.id], description: 'Teklifi ara' },
    });
    // The office now starts at 08:30: both date-only reminders move from 09:00 to 08:30.
    await call('planner.saveSettings', { workdayStart: '08:30' });

    clock = Date.parse('2026-03-03T05:31:00.000Z');
    const shown = () =>
      runReminderTick(app)
        .flatMap((d) => d.notifications.map((n) => `${n.kind}@${n.dueAt}`))
        .sort();
    expect(shown()).toEqual(['follow_up_due@2026-03-03T05:30:00.000Z', 'task_due@2026-03-03T05:30:00.000Z']);

    // Saved again later that morning (the reminder is rewritten at the same 08:30): not shown a second time.
    clock = Date.parse('2026-03-03T07:00:00.000Z');
    await call('tasks.update', {
      id: task.id,
      title: 'Aylık rapor (revize)',
      dueDate: '2026-03-03',
      assigneeIds: [me.id],
    });
    const followUp = note.followUps[0]!;
    await call('followUps.move', { id: followUp.id, dueDate: '2026-03-03', dueTime: null });
    expect(shown()).toEqual([]);

    // Back to 09:00 after both were shown, and saved again: what was shown that morning is not shown again at 09:00.
    await call('planner.saveSettings', { workdayStart: '09:00' });
    await call('tasks.update', { id: task.id, title: 'Aylık rapor', dueDate: '2026-03-03', assigneeIds: [me.id] });
    await call('followUps.handOver', { id: followUp.id, assigneeIds: [me.id] });
    clock = Date.parse('2026-03-03T07:30:00.000Z');
    expect(shown()).toEqual([]);
    const rows = app.ctx.db.$client
      .prepare("select kind, due_at as dueAt from notifications where kind in ('task_due', 'follow_up_due')")
      .all();
    expect(rows).toHaveLength(2);
  });

  it('two desks ticking on one file at the same time deliver every reminder exactly once', async () => {
    const app = start();
    // Sixty reminders, one a minute from 08:00.
    for (let i = 0; i < 60; i++) {
      remindFollowUp(app, {
        entityId: `01950000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        dueAt: new Date(MORNING + i * 60_000).toISOString(),
      });
    }
    close(app);
    const tsx = path.resolve('node_modules/.bin/tsx');
    const script = path.resolve('tests/integration/reminder-tick-process.ts');
    const desks = [0, 1].map(() => {
      const child = spawn(tsx, [script, dir, new Date(MORNING).toISOString(), '60'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      const ready = new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('ready\n')) resolve();
        }),
      );
      const done = new Promise<string[]>((resolve, reject) =>
        child.once('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out.split('\n')[1]!) as string[]) : reject(new Error(`exit ${code}`)),
        ),
      );
      return { ready, done };
    });
    await Promise.all(desks.map((d) => d.ready));
    fs.writeFileSync(path.join(dir, 'go'), '');
    const [first, second] = await Promise.all(desks.map((d) => d.done));
    const all = [...first!, ...second!];
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    const check = start();
    expect(deliveredAt(check).filter((r) => r.at === null)).toEqual([]);
  }, 60_000);
});

describe('event reminders', () => {
  /** Who has an undelivered or delivered event reminder, by user name, with when it is due. */
  function eventReminders(app: KartotekApp) {
    return app.ctx.db.$client
      .prepare(
        `select u.name, n.subject, n.due_at as dueAt, n.delivered_at is not null as delivered
           from notifications n join users u on u.id = n.user_id
          where n.kind = 'event_starts' order by n.due_at, n.subject, u.name`,
      )
      .all() as { name: string; subject: string; dueAt: string; delivered: number }[];
  }

  it('reminds the calendar’s owner and members, the organizer and staff attendees, before each occurrence', async () => {
    const app = start();
    const { call } = contractCalls(() => app);
    const as = (userId: string) =>
      contractCalls(() => ({ ...app, call: (method, input) => dispatch({ ...app.ctx, userId }, method, input) }));
    const leyla = await call('users.create', { name: 'Leyla Kaya', role: 'staff' });
    const selin = await call('users.create', { name: 'Selin Çelik', role: 'staff' });
    const bora = await call('users.create', { name: 'Bora Aksoy', role: 'staff' });
    const murat = await call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    // Each at their own desk: a tick delivers to the one at the desk only.
    const tickAll = () =>
      [app.ctx.userId, leyla.id, selin.id, bora.id, murat.id].flatMap((userId) =>
        runReminderTick({ ...app.ctx, userId }),
      );
    const calendar = await call('agenda.saveCalendar', {
      name: 'Satış toplantıları',
      kind: 'general',
      color: '#1c7ed6',
      members: [{ userId: leyla.id }],
    });
    const budget = await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'Bütçe toplantısı',
      startsAt: '2026-03-02T10:00:00+03:00',
      endsAt: '2026-03-02T11:00:00+03:00',
      remindMinutes: 30,
    });
    const withAttendees = await call('agenda.addAttendees', {
      eventId: budget.id,
      attendees: [
        { kind: 'staff', userId: selin.id },
        { kind: 'staff', userId: bora.id },
      ],
    });
    // Bora said he will not come: no reminder for him.
    const boraAttendee = withAttendees.attendees.find((a) => a.user?.id === bora.id)!;
    await call('agenda.updateAttendee', { id: boraAttendee.id, response: 'declined' });
    await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'Hatırlatmasız',
      startsAt: '2026-03-02T12:00:00+03:00',
      endsAt: '2026-03-02T12:30:00+03:00',
    });
    // Every Monday at 09:00: only today's occurrence is within the next day.
    await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'Haftalık satış',
      startsAt: '2026-03-02T09:00:00+03:00',
      endsAt: '2026-03-02T09:30:00+03:00',
      rrule: 'FREQ=WEEKLY',
      remindMinutes: 15,
    });

    // 08:00: written ahead, nothing due yet.
    expect(tickAll()).toEqual([]);
    expect(eventReminders(app)).toEqual([
      { name: 'Leyla Kaya', subject: 'Haftalık satış', dueAt: '2026-03-02T05:45:00.000Z', delivered: 0 },
      { name: 'Yönetici', subject: 'Haftalık satış', dueAt: '2026-03-02T05:45:00.000Z', delivered: 0 },
      { name: 'Leyla Kaya', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
      { name: 'Selin Çelik', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
      { name: 'Yönetici', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
    ]);

    // 08:46: the weekly meeting's reminder goes to its two people.
    clock = Date.parse('2026-03-02T05:46:00.000Z');
    expect(tickAll().map((d) => d.notifications.map((n) => [n.kind, n.subject, n.late]))).toEqual([
      [['event_starts', 'Haftalık satış', false]],
      [['event_starts', 'Haftalık satış', false]],
    ]);

    // The budget meeting moves to 14:00 before its reminder went off: the reminder moves with it.
    await call('agenda.saveEvent', {
      id: budget.id,
      calendarId: calendar.id,
      title: 'Bütçe toplantısı',
      startsAt: '2026-03-02T14:00:00+03:00',
      endsAt: '2026-03-02T15:00:00+03:00',
      remindMinutes: 30,
    });
    clock = Date.parse('2026-03-02T06:31:00.000Z');
    expect(tickAll()).toEqual([]);
    expect(eventReminders(app).filter((r) => r.subject === 'Bütçe toplantısı')).toEqual(
      ['Leyla Kaya', 'Selin Çelik', 'Yönetici'].map((name) => ({
        name,
        subject: 'Bütçe toplantısı',
        dueAt: '2026-03-02T10:30:00.000Z',
        delivered: 0,
      })),
    );

    // 13:30: delivered to each of them once; Selin sees hers in her own list.
    clock = Date.parse('2026-03-02T10:30:05.000Z');
    expect(tickAll().flatMap((d) => d.notifications.map((n) => n.subject))).toEqual([
      'Bütçe toplantısı',
      'Bütçe toplantısı',
      'Bütçe toplantısı',
    ]);
    expect((await as(selin.id).call('notifications.list', {})).notifications).toMatchObject([
      { kind: 'event_starts', entityType: 'event', entityId: budget.id, subject: 'Bütçe toplantısı' },
    ]);
    clock += 60_000;
    expect(tickAll()).toEqual([]);

    // A deleted event's pending reminder goes with it.
    const dropped = await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'İptal edilecek',
      startsAt: '2026-03-02T18:00:00+03:00',
      endsAt: '2026-03-02T19:00:00+03:00',
      remindMinutes: 10,
    });
    runReminderTick(app);
    expect(eventReminders(app).filter((r) => r.subject === 'İptal edilecek')).toHaveLength(2);
    await call('agenda.deleteEvent', { id: dropped.id });
    runReminderTick(app);
    expect(eventReminders(app).filter((r) => r.subject === 'İptal edilecek')).toEqual([]);
  });

  it('a reminder days ahead is written before it falls due; one written after its time is not called missed', async () => {
    const app = start();
    const { call } = contractCalls(() => app);
    const calendar = await call('agenda.saveCalendar', { name: 'Fuarlar', kind: 'general', color: '#2f9e44' });
    // Monday 08:00: the fair is on Wednesday at 10:00, reminded two days ahead (Monday 10:00).
    await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'İzmir fuarı',
      startsAt: '2026-03-04T10:00:00+03:00',
      endsAt: '2026-03-04T18:00:00+03:00',
      remindMinutes: 2 * 24 * 60,
    });
    expect(runReminderTick(app)).toEqual([]);
    expect(eventReminders(app)).toEqual([
      { name: 'Yönetici', subject: 'İzmir fuarı', dueAt: '2026-03-02T07:00:00.000Z', delivered: 0 },
    ]);
    clock = Date.parse('2026-03-02T07:00:30.000Z');
    expect(runReminderTick(app).flatMap((d) => d.notifications.map((n) => [n.subject, n.late]))).toEqual([
      ['İzmir fuarı', false],
    ]);

    // 10:01: a call at 10:40 is put in with an hour's reminder, due at 09:40 already: shown now, not as missed.
    clock = Date.parse('2026-03-02T07:01:00.000Z');
    await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'Acil telefon',
      startsAt: '2026-03-02T10:40:00+03:00',
      endsAt: '2026-03-02T11:00:00+03:00',
      remindMinutes: 60,
    });
    expect(runReminderTick(app).flatMap((d) => d.notifications.map((n) => [n.subject, n.dueAt, n.late]))).toEqual([
      ['Acil telefon', '2026-03-02T06:40:00.000Z', false],
    ]);

    // Friday's meeting, reminded three days ahead, then only half an hour: the early reminder is taken back.
    const meeting = await call('agenda.saveEvent', {
      calendarId: calendar.id,
      title: 'Bayi toplantısı',
      startsAt: '2026-03-06T10:00:00+03:00',
      endsAt: '2026-03-06T11:00:00+03:00',
      remindMinutes: 3 * 24 * 60,
    });
    runReminderTick(app);
    expect(eventReminders(app).filter((r) => r.subject === 'Bayi toplantısı')).toHaveLength(1);
    await call('agenda.saveEvent', {
      id: meeting.id,
      calendarId: calendar.id,
      title: 'Bayi toplantısı',
      startsAt: '2026-03-06T10:00:00+03:00',
      endsAt: '2026-03-06T11:00:00+03:00',
      remindMinutes: 30,
    });
    runReminderTick(app);
    expect(eventReminders(app).filter((r) => r.subject === 'Bayi toplantısı')).toEqual([]);
  });
});
