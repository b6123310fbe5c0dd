import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import { runReminderTick } from '../../src-main/jobs/reminders/reminder-job';
import type { CallInput } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { writeTransaction } from '../../src-main/db/transaction';
import { recordSentMail } from '../../src-main/services/mail/record-sent-mail';
import { useTestApp } from './test-app';

// The test clock's today: Monday 2 March 2026, 12:00 in Istanbul.
const t = useTestApp();
const sql = () => t.app().ctx.db.$client;

/** The same calls as someone else at this desk (what users.switchTo does for the whole desk). */
function asUser(userId: string) {
  return contractCalls(() => ({
    ...t.app(),
    call: (method: string, input: unknown) => dispatch({ ...t.app().ctx, userId }, method, input),
  }));
}

const note = (input: Partial<CallInput<'notes.create'>>): CallInput<'notes.create'> => ({
  title: 'Yıllık sözleşme yenileme',
  happenedAt: '2026-02-23T14:30:00+03:00',
  ...input,
});

/** Sets a card's creation back, as if it had been in the file for a while. */
const createdDaysAgo = (cardId: string, days: number) =>
  sql()
    .prepare('update cards set created_at = ? where id = ?')
    .run(new Date(Date.parse('2026-03-02T09:00:00.000Z') - days * 86_400_000).toISOString(), cardId);

describe('planner: the "Bugün" screen', () => {
  it('shows my follow-ups and tasks due today or overdue, not later ones, not done ones, not a colleague’s', async () => {
    const me = t.app().ctx.userId;
    const selin = await t.call('users.create', { name: 'Selin Çelik', role: 'staff' });
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    const followUp = (description: string, dueDate: string, assigneeIds = [me]) =>
      t.call(
        'notes.create',
        note({ cardIds: [ayse.id], followUp: { description, dueDate, assigneeIds, confirmPast: true } }),
      );
    await followUp('Teklifi ara', '2026-03-02');
    await followUp('Numune gönder', '2026-02-26');
    await followUp('Yarın hatırlat', '2026-03-03');
    await followUp('Selin arayacak', '2026-03-02', [selin.id]);
    const done = await followUp('Zaten yapıldı', '2026-03-01');
    await t.call('followUps.complete', { id: done.followUps[0]!.id });

    const task = (title: string, dueDate: string | null, assigneeIds = [me]) =>
      t.call('tasks.create', { title, dueDate, assigneeIds, confirmPast: true });
    await task('Aylık rapor', '2026-03-02');
    await task('Fatura kontrolü', '2026-02-20');
    await task('Gelecek hafta', '2026-03-09');
    await task('Tarihsiz', null);
    await task('Selin’in görevi', '2026-03-02', [selin.id]);
    const closed = await task('Bitti', '2026-03-01');
    await t.call('tasks.setStatus', { id: closed.id, status: 'done' });

    const today = await t.call('planner.today', {});
    expect(today).toMatchObject({ date: '2026-03-02', timeZone: 'Europe/Istanbul' });
    expect(today.followUps.map((f) => [f.description, f.dueDate])).toEqual([
      ['Numune gönder', '2026-02-26'],
      ['Teklifi ara', '2026-03-02'],
    ]);
    expect(today.tasks.map((x) => [x.title, x.overdue])).toEqual([
      ['Fatura kontrolü', true],
      ['Aylık rapor', false],
    ]);

    // Another day: what is due by then (and "overdue" still means before the real today).
    const tomorrow = await t.call('planner.today', { date: '2026-03-03' });
    expect(tomorrow.followUps.map((f) => f.description)).toEqual(['Numune gönder', 'Teklifi ara', 'Yarın hatırlat']);
    expect(tomorrow.tasks.map((x) => [x.title, x.overdue])).toEqual([
      ['Fatura kontrolü', true],
      ['Aylık rapor', false],
    ]);

    // Snoozed to next week from the planner: gone from today.
    const [numune] = today.followUps;
    await t.call('followUps.move', { id: numune!.id, dueDate: '2026-03-09' });
    await t.call('tasks.snooze', { id: today.tasks[0]!.id, dueDate: '2026-03-09' });
    const after = await t.call('planner.today', {});
    expect(after.followUps.map((f) => f.description)).toEqual(['Teklifi ara']);
    expect(after.tasks.map((x) => x.title)).toEqual(['Aylık rapor']);

    // Selin's own day has hers.
    const hers = await asUser(selin.id).call('planner.today', {});
    expect(hers.followUps.map((f) => f.description)).toEqual(['Selin arayacak']);
    expect(hers.tasks.map((x) => x.title)).toEqual(['Selin’in görevi']);
  });

  it('birthdays of the persons I own, with the age they turn; 29 February on the 28th in other years', async () => {
    const other = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    await t.call('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş', birthDate: '1980-03-02' });
    await t.call('cards.createPerson', { firstName: 'Leyla', lastName: 'Artık', birthDate: '2000-02-29' });
    await t.call('cards.createPerson', {
      firstName: 'Kemal',
      lastName: 'Bugün',
      birthDate: '1975-03-02',
      ownerId: other.id,
    });
    const binned = await t.call('cards.createPerson', {
      firstName: 'Eski',
      lastName: 'Kayıt',
      birthDate: '1990-03-02',
    });
    await t.call('cards.delete', { id: binned.id });
    await t.call('cards.createPerson', { firstName: 'Yok', lastName: 'Tarih' });

    const on = async (date: string) =>
      (await t.call('planner.today', { date })).birthdays.map((b) => [b.displayName, b.birthDate, b.age]);
    expect(await on('2026-03-02')).toEqual([['Şule Güneş', '1980-03-02', 46]]);
    expect(await on('2026-02-28')).toEqual([['Leyla Artık', '2000-02-29', 26]]);
    expect(await on('2026-03-01')).toEqual([]);
    // In a leap year the 29th is the day, and the 28th is not.
    expect(await on('2028-02-28')).toEqual([]);
    expect(await on('2028-02-29')).toEqual([['Leyla Artık', '2000-02-29', 28]]);
    // Kemal is Murat's: on his planner, not mine.
    expect((await asUser(other.id).call('planner.today', {})).birthdays.map((b) => b.displayName)).toEqual([
      'Kemal Bugün',
    ]);
  });

  it('quiet cards: mine with no meeting note for N days (my own setting), the longest silent first, 20 shown with a total', async () => {
    const me = t.app().ctx.userId;
    const other = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const person = (firstName: string, lastName: string, ownerId: string = me) =>
      t.call('cards.createPerson', { firstName, lastName, ownerId });
    const fresh = await person('Yeni', 'Kart');
    const met40 = await person('Kırk', 'Gün');
    const met10 = await person('On', 'Gün');
    const never = await person('Hiç', 'Görüşülmedi');
    const firm = await t.call('cards.createInstitution', { title: 'Sessiz Ticaret A.Ş.' });
    const notMine = await person('Başkasının', 'Kartı', other.id);
    for (const card of [met40, met10, never, firm, notMine]) createdDaysAgo(card.id, 90);
    createdDaysAgo(never.id, 60);
    createdDaysAgo(firm.id, 50);
    await t.call('notes.create', note({ cardIds: [met40.id], happenedAt: '2026-01-21T10:00:00+03:00' }));
    await t.call('notes.create', note({ cardIds: [met10.id], happenedAt: '2026-02-20T10:00:00+03:00' }));
    // A note in the recycle bin is no contact.
    const binned = await t.call('notes.create', note({ cardIds: [met10.id], happenedAt: '2026-03-01T10:00:00+03:00' }));
    await t.call('notes.delete', { id: binned.id });

    const quiet = async (call = t.call) => {
      const day = await call('planner.today', {});
      return { names: day.quietCards.map((c) => [c.displayName, c.lastContactAt]), total: day.quietCardsTotal };
    };
    expect((await t.call('planner.settings', {})).noContactDays).toBe(30);
    expect(await quiet()).toEqual({
      names: [
        ['Hiç Görüşülmedi', null],
        ['Sessiz Ticaret A.Ş.', null],
        ['Kırk Gün', '2026-01-21T07:00:00.000Z'],
      ],
      total: 3,
    });
    expect(fresh.id).toBeTruthy();

    // Five days: the one met ten days ago is quiet too. My setting, not Murat's.
    await t.call('planner.saveSettings', { noContactDays: 5 });
    expect((await quiet()).names.map(([name]) => name)).toEqual([
      'Hiç Görüşülmedi',
      'Sessiz Ticaret A.Ş.',
      'Kırk Gün',
      'On Gün',
    ]);
    expect((await asUser(other.id).call('planner.settings', {})).noContactDays).toBe(30);
    expect(await quiet(asUser(other.id).call)).toEqual({ names: [['Başkasının Kartı', null]], total: 1 });

    // Many quiet cards: the twenty longest silent, and how many there are in all.
    for (let i = 0; i < 25; i++) createdDaysAgo((await person('Toplu', `Kayıt ${i}`)).id, 200 + i);
    const many = await quiet();
    expect(many.names).toHaveLength(20);
    expect(many.total).toBe(29);
    expect(many.names[0]![0]).toBe('Toplu Kayıt 24');
  });

  it('quiet cards: a mail to the card counts as contact, like a note', async () => {
    const kirk = await t.call('cards.createPerson', {
      firstName: 'Kırk',
      lastName: 'Gün',
      ownerId: t.app().ctx.userId,
    });
    createdDaysAgo(kirk.id, 90);
    await t.call('notes.create', note({ cardIds: [kirk.id], happenedAt: '2026-01-21T10:00:00+03:00' }));
    expect((await t.call('planner.today', {})).quietCards.map((c) => c.displayName)).toEqual(['Kırk Gün']);

    const account = await t.call('mail.accounts.save', {
      fields: {
        name: 'Ofis',
        emailAddress: 'ofis@kartotek.test',
        imapHost: '127.0.0.1',
        smtpHost: '127.0.0.1',
        username: 'ofis',
        password: 'gizli',
        enabled: false,
      },
    });
    const db = t.app().ctx.db;
    writeTransaction(db, () =>
      recordSentMail(
        db,
        {
          accountId: account.id,
          messageIdHeader: 'teklif-1@kartotek.test',
          inReplyTo: null,
          references: [],
          subject: 'Teklifimiz',
          from: { name: 'Ofis', address: 'ofis@kartotek.test' },
          to: [{ name: 'Kırk Gün', address: 'kirk@gun.test' }],
          cc: [],
          text: 'Sayın Kırk Bey, teklifimiz ektedir.',
          html: null,
          documentIds: [],
          cardIds: [kirk.id],
          sentAt: '2026-02-27T08:00:00.000Z',
        },
        { userId: t.app().ctx.userId, at: '2026-02-27T08:00:00.000Z' },
      ),
    );
    expect((await t.call('planner.today', {})).quietCards).toEqual([]);
  });

  it('the team’s unread notes for a manager, not for staff', async () => {
    const manager = await t.call('users.create', { name: 'Nihal Öztürk', role: 'manager' });
    const murat = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff', managerId: manager.id });
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    const written = await asUser(murat.id).call('notes.create', note({ cardIds: [ayse.id], title: 'Fuar görüşmesi' }));

    const managers = await asUser(manager.id).call('planner.today', {});
    expect(managers.teamUnreadNotes.map((n) => n.title)).toEqual(['Fuar görüşmesi']);
    expect(managers.teamUnreadTotal).toBe(1);
    expect((await asUser(murat.id).call('planner.today', {})).teamUnreadNotes).toEqual([]);

    // Read: gone from the planner.
    await asUser(manager.id).call('notes.markRead', { id: written.id });
    const later = await asUser(manager.id).call('planner.today', {});
    expect(later.teamUnreadTotal).toBe(0);
  });
});

describe('planner: the day’s meetings', () => {
  it('my personal calendar, events I organise or attend as staff, and holidays; not everything on shared calendars', async () => {
    const selin = await t.call('users.create', { name: 'Selin Çelik', role: 'staff' });
    const asSelin = asUser(selin.id);
    const calendar = (name: string, kind: 'general' | 'personal' | 'holiday', more: object = {}) =>
      t.call('agenda.saveCalendar', { name, kind, color: '#1c7ed6', ...more });
    const event = (calendarId: string, title: string, from: string, to: string, call = t.call) =>
      call('agenda.saveEvent', {
        calendarId,
        title,
        startsAt: `2026-03-02T${from}:00+03:00`,
        endsAt: `2026-03-02T${to}:00+03:00`,
      });
    const mine = await calendar('Yöneticinin takvimi', 'personal');
    const shared = await calendar('Satış', 'general');
    const closed = await calendar('Yönetim kurulu', 'general', { visibility: 'members', booking: 'owner' });
    await calendar('Resmî tatiller', 'holiday');
    await event(mine.id, 'Diş hekimi', '17:00', '18:00');
    await event(shared.id, 'Haftalık satış', '09:00', '10:00');
    const board = await event(closed.id, 'Kurul toplantısı', '14:00', '16:00');
    await t.call('agenda.addAttendees', { eventId: board.id, attendees: [{ kind: 'staff', userId: selin.id }] });
    const selinsOwn = await asSelin.call('agenda.saveCalendar', { name: 'Selin', kind: 'personal', color: '#e64980' });
    await event(selinsOwn.id, 'Selin’in randevusu', '11:00', '12:00', asSelin.call);
    await event(shared.id, 'Selin’in sunumu', '13:00', '13:30', asSelin.call);
    // Not on the next day's list.
    await t.call('agenda.saveEvent', {
      calendarId: mine.id,
      title: 'Yarınki',
      startsAt: '2026-03-03T00:30:00+03:00',
      endsAt: '2026-03-03T01:00:00+03:00',
    });

    const titles = async (call = t.call, date?: string) =>
      (await call('planner.today', date ? { date } : {})).events.map((e) => e.title);
    // I organised the board meeting and the weekly one; the dentist is on my own calendar.
    expect(await titles()).toEqual(['Haftalık satış', 'Kurul toplantısı', 'Diş hekimi']);
    // Selin: her own calendar, what she organised, and the board meeting she is invited to on a calendar she
    // cannot see otherwise; not the weekly meeting of the shared calendar.
    expect(await titles(asSelin.call)).toEqual(['Selin’in randevusu', 'Selin’in sunumu', 'Kurul toplantısı']);
    // Ramazan Bayramı 2026 begins on 20 March: on everyone's day.
    expect(await titles(t.call, '2026-03-20')).toEqual(['Ramazan Bayramı 1. gün']);
    expect((await asSelin.call('planner.today', { date: '2026-03-20' })).events[0]).toMatchObject({
      allDay: true,
      eventId: null,
    });
  });
});

describe('planner settings', () => {
  it('the firm’s clock is for admins; no-contact days are everyone’s own; bad values are refused by name', async () => {
    const staff = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const asStaff = asUser(staff.id);
    expect(await asStaff.call('planner.settings', {})).toEqual({
      timeZone: 'Europe/Istanbul',
      workdayStart: '09:00',
      noContactDays: 30,
    });
    const refused = await asStaff.callError('planner.saveSettings', { timeZone: 'Europe/Berlin' });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/yönetici yetkisi/);
    // Sending the firm's values unchanged with one's own setting is fine.
    expect(
      await asStaff.call('planner.saveSettings', {
        timeZone: 'Europe/Istanbul',
        workdayStart: '09:00',
        noContactDays: 14,
      }),
    ).toMatchObject({ noContactDays: 14 });

    const unknownZone = await t.callError('planner.saveSettings', { timeZone: 'Europe/Ankara' });
    expect(unknownZone).toMatchObject({ code: 'INVALID_INPUT' });
    expect(unknownZone.message).toContain('Europe/Ankara');
    expect(unknownZone.fields?.timeZone).toBeTruthy();
    expect((await t.callError('planner.saveSettings', { workdayStart: '9' })).fields?.workdayStart).toMatch(/SS:DD/);
    expect((await t.callError('planner.saveSettings', { noContactDays: 0 })).code).toBe('INVALID_INPUT');
    expect((await t.call('planner.settings', {})).timeZone).toBe('Europe/Istanbul');

    const me = t.app().ctx.userId;
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    const created = await t.call(
      'notes.create',
      note({ cardIds: [ayse.id], followUp: { description: 'Ara', dueDate: '2026-03-04', assigneeIds: [me] } }),
    );
    const reminder = () =>
      (
        sql()
          .prepare("select due_at as dueAt from notifications where entity_id = ? and kind = 'follow_up_due'")
          .get(created.followUps[0]!.id) as { dueAt: string }
      ).dueAt;
    expect(reminder()).toBe('2026-03-04T06:00:00.000Z');

    expect(await t.call('planner.saveSettings', { timeZone: 'Europe/Berlin', workdayStart: '08:30' })).toEqual({
      timeZone: 'Europe/Berlin',
      workdayStart: '08:30',
      noContactDays: 30,
    });
    // The date-only follow-up is now reminded at 08:30 in Berlin.
    expect(reminder()).toBe('2026-03-04T07:30:00.000Z');
    expect((await t.call('planner.today', {})).timeZone).toBe('Europe/Berlin');
    // Staff see the firm's new clock.
    expect(await asStaff.call('planner.settings', {})).toEqual({
      timeZone: 'Europe/Berlin',
      workdayStart: '08:30',
      noContactDays: 14,
    });
    const audit = sql().prepare("select count(*) as n from audit_log where entity_type = 'planner_settings'").get() as {
      n: number;
    };
    expect(audit.n).toBe(2);
  });
});

describe('notifications', () => {
  it('each user sees and marks only their own delivered notifications', async () => {
    const me = t.app().ctx.userId;
    const murat = await t.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    await t.call(
      'notes.create',
      note({
        cardIds: [ayse.id],
        followUp: { description: 'Teklifi ara', dueDate: '2026-03-02', dueTime: '11:00', assigneeIds: [me, murat.id] },
      }),
    );
    expect((await t.call('notifications.list', {})).notifications).toEqual([]);
    runReminderTick(t.app());

    const mine = await t.call('notifications.list', {});
    expect(mine.unread).toBe(1);
    expect(mine.notifications).toMatchObject([
      { kind: 'follow_up_due', subject: 'Teklifi ara (Yıllık sözleşme yenileme)' },
    ]);
    const asMurat = asUser(murat.id);
    // Murat's reminders wait until he is at the desk.
    expect((await asMurat.call('notifications.list', {})).notifications).toEqual([]);
    runReminderTick({ ...t.app().ctx, userId: murat.id });
    const his = await asMurat.call('notifications.list', {});
    // Murat was also told he was given it.
    expect(his.notifications.map((n) => n.kind).sort()).toEqual(['follow_up_assigned', 'follow_up_due']);

    // Murat cannot mark mine read.
    expect(await asMurat.call('notifications.markRead', { ids: [mine.notifications[0]!.id] })).toEqual({ unread: 2 });
    expect((await t.call('notifications.list', {})).unread).toBe(1);
    expect(await t.call('notifications.markRead', { ids: [mine.notifications[0]!.id] })).toEqual({ unread: 0 });
    expect((await t.call('notifications.list', { unreadOnly: true })).notifications).toEqual([]);
    expect((await t.call('notifications.list', {})).notifications[0]!.readAt).not.toBeNull();
    expect(await asMurat.call('notifications.markRead', { all: true })).toEqual({ unread: 0 });
  });
});
