import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { isoNow } from '../../src-main/core/context';
import { fillDemo, type DemoCounts, type DemoOptions } from '../../src-main/services/demo/generate-demo';
import { ContractError } from '../../src-shared/contract/errors';
import { contractCalls } from './contract-calls';

/**
 * The demo firm's working life: notes, follow-ups, tasks, calendars and the agenda, written by the demo staff
 * around the demo's "now". A small firm keeps the fills quick; the activity does not depend on the firm's size.
 */
const SMALL: DemoOptions = { seed: 42, institutions: 40, persons: 250 };
/** Wednesday 11 March 2026, 10:30 in Istanbul. */
const WEDNESDAY = '2026-03-11T07:30:00.000Z';
const TODAY = '2026-03-11';
/** Monday 16 March 2026, 09:15 in Istanbul. */
const MONDAY = '2026-03-16T06:15:00.000Z';

const dirs: string[] = [];
const apps: KartotekApp[] = [];

function filled(now: string, options: DemoOptions = SMALL): { app: KartotekApp; counts: DemoCounts } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-demo-activity-'));
  dirs.push(dir);
  const app = openApp({ dataDir: dir, now: () => new Date(now) });
  apps.push(app);
  const counts = fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, options);
  return { app, counts };
}

const all = <T>(app: KartotekApp, sql: string, ...params: unknown[]) =>
  app.ctx.db.$client.prepare(sql).all(...params) as T[];
const count = (app: KartotekApp, sql: string, ...params: unknown[]) =>
  (app.ctx.db.$client.prepare(sql).get(...params) as { n: number }).n;

const staffOf = (app: KartotekApp) =>
  all<{ id: string; name: string }>(app, "select id, name from users where email like '%@kartotekdemo.com.tr'");

/** Everything the activity wrote, without ids, codes or other random values, in a stable order. */
function activityDump(app: KartotekApp) {
  const rows = (sql: string) => all<{ l: string }>(app, sql).map((r) => r.l);
  return {
    notes: rows(
      `select n.title || '|' || n.happened_at || '|' || n.kind || '|' || coalesce(n.complaint_status, '') || '|' ||
         u.name || '|' || n.body_text || '|' ||
         (select group_concat(c.display_name, ',') from note_cards nc join cards c on c.id = nc.card_id
           where nc.note_id = n.id) as l
       from notes n join users u on u.id = n.created_by order by l`,
    ),
    followUps: rows(
      `select f.description || '|' || f.due_date || '|' || f.status || '|' ||
         (select group_concat(u.name, ',') from follow_up_assignees a join users u on u.id = a.user_id
           where a.follow_up_id = f.id) as l
       from follow_ups f order by l`,
    ),
    tasks: rows(
      `select t.title || '|' || t.status || '|' || t.priority || '|' || coalesce(t.due_date, '') || '|' ||
         coalesce(t.rrule, '') || '|' || t.created_at as l from tasks t order by l`,
    ),
    events: rows(
      `select e.title || '|' || e.starts_at || '|' || e.ends_at || '|' || c.name || '|' || coalesce(e.rrule, '') as l
       from events e join calendars c on c.id = e.calendar_id order by l`,
    ),
    attendees: rows(
      `select e.title || '|' || a.name || '|' || a.kind || '|' || a.response || '|' || coalesce(a.invited_via, '') as l
       from event_attendees a join events e on e.id = a.event_id order by l`,
    ),
  };
}

afterAll(() => {
  for (const app of apps) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo firm at work on a Wednesday', () => {
  let app: KartotekApp;
  let counts: DemoCounts;
  const { call } = contractCalls(() => app);

  beforeAll(() => {
    ({ app, counts } = filled(WEDNESDAY));
  });

  it('has six months of meeting notes by the staff, on persons and their firms', () => {
    expect(counts.notes).toBe(count(app, 'select count(*) as n from notes'));
    expect(counts.notes).toBeGreaterThanOrEqual(140);
    const span = all<{ first: string; last: string }>(
      app,
      'select min(happened_at) as first, max(happened_at) as last from notes',
    )[0]!;
    expect(span.first > '2025-09-01').toBe(true);
    expect(span.first < '2025-10-15').toBe(true);
    expect(span.last < WEDNESDAY).toBe(true);
    const staff = staffOf(app).map((s) => s.id);
    const authors = all<{ id: string }>(app, 'select distinct created_by as id from notes').map((r) => r.id);
    expect(authors.every((id) => staff.includes(id))).toBe(true);
    expect(authors.length).toBe(staff.length);
    // Written up after the meeting, by the same person, at the time.
    expect(
      count(app, 'select count(*) as n from notes where created_at < happened_at or created_at > ?', WEDNESDAY),
    ).toBe(0);
    expect(count(app, "select count(*) as n from notes where body_html not like '<p>%'")).toBe(0);
    expect(count(app, "select count(*) as n from notes where body_html like '%{%'")).toBe(0);
    expect(
      count(
        app,
        "select count(distinct nc.note_id) as n from note_cards nc join cards c on c.id = nc.card_id where c.type = 'institution'",
      ),
    ).toBeGreaterThan(counts.notes / 2);
    expect(count(app, 'select count(distinct reason_id) as n from notes')).toBeGreaterThanOrEqual(7);
    expect(count(app, 'select count(distinct channel) as n from notes')).toBeGreaterThanOrEqual(5);
  });

  it('has complaints in every state, the resolved ones with their resolution', () => {
    const complaints = all<{ status: string; resolution: string | null; responsible: string | null }>(
      app,
      `select complaint_status as status, complaint_resolution as resolution, complaint_responsible_id as responsible
       from notes where kind = 'complaint'`,
    );
    expect(complaints.length).toBe(counts.complaints);
    expect(complaints.length).toBe(8);
    expect(new Set(complaints.map((c) => c.status))).toEqual(new Set(['open', 'in_progress', 'resolved']));
    for (const c of complaints) {
      expect(c.responsible).not.toBeNull();
      expect(c.resolution !== null).toBe(c.status === 'resolved');
    }
  });

  it('has follow-ups done, overdue, due today for every staff member and ahead', () => {
    expect(counts.followUps).toBe(count(app, 'select count(*) as n from follow_ups'));
    expect(counts.followUps).toBeGreaterThanOrEqual(25);
    expect(count(app, "select count(*) as n from follow_ups where status = 'done'")).toBeGreaterThanOrEqual(5);
    expect(
      count(app, "select count(*) as n from follow_ups where status = 'open' and due_date < ?", TODAY),
    ).toBeGreaterThan(3);
    expect(
      count(app, "select count(*) as n from follow_ups where status = 'open' and due_date > ?", TODAY),
    ).toBeGreaterThan(3);
    const dueToday = all<{ id: string }>(
      app,
      `select distinct a.user_id as id from follow_ups f join follow_up_assignees a on a.follow_up_id = f.id
       where f.status = 'open' and f.due_date = ?`,
      TODAY,
    );
    expect(dueToday.length).toBe(staffOf(app).length);
    expect(count(app, "select count(*) as n from audit_log where action = 'follow_up_hand_over'")).toBeGreaterThan(0);
    expect(count(app, "select count(*) as n from audit_log where action = 'follow_up_move'")).toBeGreaterThan(0);
  });

  it('has tasks in every state with checklists, comments, cards and two routines', () => {
    expect(counts.tasks).toBe(count(app, 'select count(*) as n from tasks'));
    expect(counts.tasks).toBeGreaterThanOrEqual(35);
    const statuses = all<{ status: string }>(app, 'select distinct status from tasks').map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['todo', 'in_progress', 'waiting', 'done', 'cancelled']));
    expect(
      count(
        app,
        "select count(*) as n from tasks where status in ('todo', 'in_progress', 'waiting') and due_date < ?",
        TODAY,
      ),
    ).toBeGreaterThan(2);
    expect(count(app, 'select count(distinct task_id) as n from task_checklist_items')).toBeGreaterThan(5);
    expect(count(app, 'select count(*) as n from task_checklist_items where done_at is not null')).toBeGreaterThan(5);
    expect(count(app, 'select count(*) as n from task_comments')).toBeGreaterThan(3);
    expect(count(app, 'select count(distinct task_id) as n from task_cards')).toBeGreaterThan(5);
    expect(count(app, 'select count(*) as n from task_notes')).toBeGreaterThan(0);

    const weekly = all<{ status: string; due: string }>(
      app,
      "select status, due_date as due from tasks where title = 'Haftalık satış raporu' order by due_date",
    );
    expect(weekly.length).toBeGreaterThan(4);
    expect(weekly.slice(0, -1).every((t) => t.status === 'done')).toBe(true);
    // Each past Monday's report was done, which made the next: the open one is next Monday's.
    expect(weekly.at(-1)).toEqual({ status: 'todo', due: '2026-03-16' });
    const monthly = all<{ status: string; due: string; rrule: string }>(
      app,
      "select status, due_date as due, rrule from tasks where title = 'Aylık tahsilat kontrolü' order by due_date",
    );
    expect(monthly.at(-1)).toEqual({ status: 'todo', due: '2026-04-06', rrule: 'FREQ=MONTHLY;BYDAY=1MO' });
    expect(monthly.map((t) => t.due)).toContain('2026-03-02');
  });

  it('keeps the calendars with distinct colours, the closing day and the weekly coordination meeting', async () => {
    const { calendars } = await call('agenda.calendars', {});
    expect(calendars.length).toBe(counts.calendars);
    const byName = new Map(calendars.map((c) => [c.name, c]));
    expect(byName.get('Toplantı Odası 1')?.kind).toBe('room');
    expect(byName.get('Toplantı Odası 2')?.kind).toBe('room');
    expect(byName.get('Şirket Aracı 34 KRT 101')?.kind).toBe('vehicle');
    expect(byName.get('Projeksiyon Cihazı')?.kind).toBe('equipment');
    expect(byName.get('Resmî Tatiller')?.kind).toBe('holiday');
    for (const s of staffOf(app)) {
      const personal = calendars.find((c) => c.kind === 'personal' && c.owner.id === s.id);
      expect(personal, s.name).toBeDefined();
    }
    expect(new Set(calendars.map((c) => c.color)).size).toBe(calendars.length);

    const { holidays } = await call('agenda.holidays', { year: 2026 });
    const closing = holidays.filter((h) => h.kind === 'firm');
    expect(closing).toHaveLength(1);
    expect(closing[0]!.date).toBe('2026-03-27');

    const series = all<{ rrule: string; startsAt: string }>(
      app,
      "select rrule, starts_at as startsAt from events where title = 'Haftalık koordinasyon toplantısı'",
    );
    expect(series).toEqual([{ rrule: 'FREQ=WEEKLY;BYDAY=MO', startsAt: expect.stringMatching(/T07:00:00\.000Z$/) }]);
  });

  it('books no room, car or projector twice', async () => {
    const { calendars } = await call('agenda.calendars', {});
    for (const calendar of calendars.filter((c) => ['room', 'vehicle', 'equipment'].includes(c.kind))) {
      const { occurrences } = await call('agenda.range', {
        from: '2026-03-02T00:00:00+03:00',
        to: '2026-04-06T00:00:00+03:00',
        calendarIds: [calendar.id],
      });
      expect(occurrences.length, calendar.name).toBeGreaterThan(3);
      const sorted = occurrences
        .map((o) => [Date.parse(o.start), Date.parse(o.end), o.title] as const)
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) {
        expect(sorted[i]![0], `${calendar.name}: ${sorted[i - 1]![2]} / ${sorted[i]![2]}`).toBeGreaterThanOrEqual(
          sorted[i - 1]![1],
        );
      }
    }
  });

  it('holds the dealers’ meeting with about 25 attendees, some invited, some answered', () => {
    const attendees = all<{ kind: string; response: string; invitedVia: string | null }>(
      app,
      `select a.kind, a.response, a.invited_via as invitedVia from event_attendees a join events e on e.id = a.event_id
       where e.title = 'Bayi Toplantısı 2026'`,
    );
    expect(attendees.length).toBeGreaterThanOrEqual(20);
    expect(new Set(attendees.map((a) => a.kind))).toEqual(new Set(['person', 'staff', 'external']));
    expect(attendees.filter((a) => a.kind === 'external')).toHaveLength(2);
    const responses = new Set(attendees.map((a) => a.response));
    for (const r of ['accepted', 'declined', 'needs_action']) expect(responses.has(r), r).toBe(true);
    expect(attendees.some((a) => a.invitedVia === null)).toBe(true);
    expect(attendees.some((a) => a.invitedVia !== null && a.response === 'needs_action')).toBe(true);
  });

  it('fills every staff member’s day and leaves the local admin’s alone', async () => {
    const admin = app.ctx.userId;
    let birthdays = 0;
    for (const s of staffOf(app)) {
      await call('users.switchTo', { id: s.id });
      const day = await call('planner.today', {});
      expect(day.date).toBe(TODAY);
      expect(day.followUps.length, s.name).toBeGreaterThan(0);
      expect(day.tasks.length, s.name).toBeGreaterThan(0);
      expect(day.events.length, s.name).toBeGreaterThan(0);
      birthdays += day.birthdays.length;
      // Old news was read when it came; only today's is waiting.
      const { notifications } = await call('notifications.list', { unreadOnly: true, limit: 100 });
      expect(
        notifications.every((n) => n.dueAt >= '2026-03-10T21:00:00.000Z'),
        s.name,
      ).toBe(true);
    }
    expect(birthdays).toBeGreaterThanOrEqual(2);
    expect(counts.birthdays).toBe(birthdays);
    await call('users.switchTo', { id: admin });
    const mine = await call('planner.today', {});
    expect([mine.followUps.length, mine.tasks.length]).toEqual([0, 0]);
    expect(count(app, 'select count(*) as n from notifications where user_id = ?', admin)).toBe(0);
  });

  it('shows a manager their team’s newest notes unread, the older ones read', async () => {
    const manager = staffOf(app).find((s) => s.name === 'Selin Aksoy')!;
    await call('users.switchTo', { id: manager.id });
    const feed = await call('notes.team', { limit: 200 });
    expect(feed.total).toBeGreaterThan(20);
    expect(feed.unread).toBeGreaterThan(0);
    expect(feed.unread).toBeLessThan(feed.total / 3);
  });

  it('is refused a second time, changing nothing', () => {
    const tables = ['notes', 'follow_ups', 'tasks', 'calendars', 'events', 'event_attendees', 'notifications'];
    const before = tables.map((t) => count(app, `select count(*) as n from ${t}`));
    expect(() => fillDemo(app.ctx.db, { userId: app.ctx.userId, at: isoNow(app.ctx) }, SMALL)).toThrow(ContractError);
    expect(tables.map((t) => count(app, `select count(*) as n from ${t}`))).toEqual(before);
  });
});

describe('demo activity from the seed and the day', () => {
  it('writes the same activity for the same seed and day', () => {
    const first = activityDump(filled(WEDNESDAY).app);
    const second = activityDump(filled(WEDNESDAY).app);
    expect(first.notes.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
  });

  it('puts the coordination meeting and the weekly report on everyone’s Monday', async () => {
    const { app } = filled(MONDAY);
    const { call } = contractCalls(() => app);
    const reporter = all<{ name: string }>(
      app,
      `select u.name from tasks t join task_assignees a on a.task_id = t.id join users u on u.id = a.user_id
       where t.title = 'Haftalık satış raporu' and t.status = 'todo'`,
    );
    for (const s of staffOf(app)) {
      await call('users.switchTo', { id: s.id });
      const day = await call('planner.today', {});
      expect(day.date).toBe('2026-03-16');
      const meeting = day.events.find((e) => e.title === 'Haftalık koordinasyon toplantısı');
      expect(meeting, s.name).toBeDefined();
      expect(meeting!.start).toBe('2026-03-16T07:00:00.000Z');
      const report = day.tasks.find((t) => t.title === 'Haftalık satış raporu');
      expect(report !== undefined, s.name).toBe(reporter.some((r) => r.name === s.name));
    }
  });
});
