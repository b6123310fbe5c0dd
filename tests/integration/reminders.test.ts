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
    await call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
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
    expect(runReminderTick(app)).toEqual([]);
    expect(eventReminders(app)).toEqual([
      { name: 'Leyla Kaya', subject: 'Haftalık satış', dueAt: '2026-03-02T05:45:00.000Z', delivered: 0 },
      { name: 'Yönetici', subject: 'Haftalık satış', dueAt: '2026-03-02T05:45:00.000Z', delivered: 0 },
      { name: 'Leyla Kaya', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
      { name: 'Selin Çelik', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
      { name: 'Yönetici', subject: 'Bütçe toplantısı', dueAt: '2026-03-02T06:30:00.000Z', delivered: 0 },
    ]);

    // 08:46: the weekly meeting's reminder goes to its two people.
    clock = Date.parse('2026-03-02T05:46:00.000Z');
    expect(runReminderTick(app).map((d) => d.notifications.map((n) => [n.kind, n.subject, n.late]))).toEqual([
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
    expect(runReminderTick(app)).toEqual([]);
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
    expect(runReminderTick(app).flatMap((d) => d.notifications.map((n) => n.subject))).toEqual([
      'Bütçe toplantısı',
      'Bütçe toplantısı',
      'Bütçe toplantısı',
    ]);
    expect((await as(selin.id).call('notifications.list', {})).notifications).toMatchObject([
      { kind: 'event_starts', entityType: 'event', entityId: budget.id, subject: 'Bütçe toplantısı' },
    ]);
    clock += 60_000;
    expect(runReminderTick(app)).toEqual([]);

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
});
