import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/core/dispatch';
import { notify } from '../../src-main/services/planner/notify';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { useTestApp } from './test-app';

const t = useTestApp();

function asUser(userId: string) {
  return contractCalls(() => ({
    ...t.app(),
    call: (method: string, input: unknown) => dispatch({ ...t.app().ctx, userId }, method, input),
  }));
}

type CalendarInput = CallInput<'agenda.saveCalendar'>;
type EventInput = CallInput<'agenda.saveEvent'>;

const room = (input: Partial<CalendarInput> = {}): CalendarInput => ({
  name: 'Toplantı Odası 1',
  kind: 'room',
  color: '#1c7ed6',
  ...input,
});

/** 24 November 2026 is a Tuesday; times are Istanbul's (+03:00). */
const at = (day: string, time: string) => `${day}T${time}:00+03:00`;
const event = (calendarId: string, input: Partial<EventInput> = {}): EventInput => ({
  calendarId,
  title: 'Bütçe toplantısı',
  startsAt: at('2026-11-24', '10:00'),
  endsAt: at('2026-11-24', '11:00'),
  ...input,
});

async function staff(name: string) {
  const user = await t.call('users.create', { name, role: 'staff' });
  return { user, ...asUser(user.id) };
}

async function range(calendarIds: string[], from: string, to: string) {
  return t.call('agenda.range', { from, to, calendarIds });
}

describe('calendars and who may use them', () => {
  it('lets anyone add a calendar they own; only the owner or an admin changes it; one per spelling', async () => {
    const selin = await staff('Selin Aksoy');
    const mine = await selin.call('agenda.saveCalendar', {
      name: 'Selin’in takvimi',
      kind: 'personal',
      color: '#AE3EC9',
      visibility: 'members',
    });
    expect(mine).toMatchObject({ owner: { name: 'Selin Aksoy' }, color: '#ae3ec9', canEdit: true, canBook: true });
    const rooms = await t.call('agenda.saveCalendar', room());
    const refused = await selin.callError('agenda.saveCalendar', { ...room({ color: '#000000' }), id: rooms.id });
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      message: '«Toplantı Odası 1» takvimini yalnız sahibi ya da bir yönetici değiştirebilir.',
    });
    const twin = await selin.callError('agenda.saveCalendar', room({ name: 'TOPLANTI ODASI 1' }));
    expect(twin).toMatchObject({ code: 'INVALID_INPUT', fields: { name: expect.stringContaining('zaten var') } });
    // The admin may change anyone's calendar.
    const renamed = await t.call('agenda.saveCalendar', {
      id: mine.id,
      name: 'Selin Aksoy',
      kind: 'personal',
      color: '#ae3ec9',
      visibility: 'members',
    });
    expect(renamed).toMatchObject({ name: 'Selin Aksoy', owner: { name: 'Selin Aksoy' } });
    const history = await t.call('audit.list', { entityId: mine.id });
    expect(history.entries.map((e) => e.action)).toEqual(['calendar_save', 'calendar_save']);
  });

  it('hides members-only calendars from others, and books only where the calendar allows', async () => {
    const selin = await staff('Selin Aksoy');
    const murat = await staff('Murat Demirtaş');
    const board = await t.call('agenda.saveCalendar', {
      name: 'Yönetim',
      kind: 'general',
      color: '#495057',
      visibility: 'members',
      booking: 'members',
      members: [
        { userId: selin.user.id, canBook: true },
        { userId: murat.user.id, canBook: false },
      ],
    });
    const cars = await t.call('agenda.saveCalendar', {
      name: 'Araç 34 KRT 12',
      kind: 'vehicle',
      color: '#f08c00',
      booking: 'owner',
    });
    const outsider = await staff('Ayşe Kaya');
    expect((await outsider.call('agenda.calendars', {})).calendars.map((c) => c.name)).toEqual(['Araç 34 KRT 12']);
    const seen = (await murat.call('agenda.calendars', {})).calendars;
    expect(seen.map((c) => [c.name, c.canBook])).toEqual([
      ['Yönetim', false],
      ['Araç 34 KRT 12', false],
    ]);

    const meeting = await selin.call('agenda.saveEvent', event(board.id, { title: 'Yönetim kurulu' }));
    expect(meeting).toMatchObject({ calendarName: 'Yönetim', canEdit: true, organizer: { name: 'Selin Aksoy' } });
    expect(await murat.callError('agenda.saveEvent', event(board.id))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('«Yönetim» takviminde kayıt yapma yetkiniz yok'),
    });
    expect(await murat.callError('agenda.deleteEvent', { id: meeting.id })).toMatchObject({
      code: 'FORBIDDEN',
      message:
        '«Yönetim kurulu» etkinliğini yalnız düzenleyeni (Selin Aksoy), takvimin sahibi (Yönetici) ya da bir yönetici değiştirebilir.',
    });
    expect((await murat.call('agenda.getEvent', { id: meeting.id })).canEdit).toBe(false);
    expect(await outsider.callError('agenda.getEvent', { id: meeting.id })).toMatchObject({
      code: 'FORBIDDEN',
      message: '«Yönetim» takvimini görme yetkiniz yok.',
    });
    // An outsider's range leaves the hidden calendar out instead of failing.
    const outsiderRange = await outsider.call('agenda.range', {
      from: at('2026-11-24', '00:00'),
      to: at('2026-11-25', '00:00'),
      calendarIds: [board.id],
    });
    expect(outsiderRange.occurrences).toEqual([]);
    expect(await selin.callError('agenda.saveEvent', event(cars.id))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('yalnız takvimin sahibi'),
    });
  });

  it('lets anyone who may book add events, but only the organizer, the owner or an admin change them', async () => {
    const selin = await staff('Selin Aksoy');
    const murat = await staff('Murat Demirtaş');
    const sales = await t.call('agenda.saveCalendar', { name: 'Satış', kind: 'general', color: '#2f9e44' });
    const selins = await selin.call('agenda.saveEvent', event(sales.id, { title: 'Selin’in müşteri ziyareti' }));
    const murats = await murat.call('agenda.saveEvent', event(sales.id, { title: 'Murat’ın sunumu' }));
    const who =
      '«Selin’in müşteri ziyareti» etkinliğini yalnız düzenleyeni (Selin Aksoy), takvimin sahibi (Yönetici) ya da bir yönetici değiştirebilir.';
    expect((await murat.call('agenda.getEvent', { id: selins.id })).canEdit).toBe(false);
    expect(
      await murat.callError('agenda.saveEvent', { ...event(sales.id, { title: 'Benim' }), id: selins.id }),
    ).toEqual({
      code: 'FORBIDDEN',
      message: who,
    });
    expect(await murat.callError('agenda.deleteEvent', { id: selins.id })).toEqual({ code: 'FORBIDDEN', message: who });
    expect(
      await murat.callError('agenda.addAttendees', {
        eventId: selins.id,
        attendees: [{ kind: 'external', name: 'X' }],
      }),
    ).toEqual({ code: 'FORBIDDEN', message: who });
    // His own he changes; the calendar's owner (here the admin) changes anyone's.
    expect(
      (await murat.call('agenda.saveEvent', { ...event(sales.id, { title: 'Sunum (ertelendi)' }), id: murats.id }))
        .title,
    ).toBe('Sunum (ertelendi)');
    expect((await t.call('agenda.deleteEvent', { id: selins.id })).deleted).toBe(true);
    // A series' changed instance follows its series' organizer.
    const weekly = await selin.call(
      'agenda.saveEvent',
      event(sales.id, {
        title: 'Haftalık',
        rrule: 'FREQ=WEEKLY',
        startsAt: at('2026-11-03', '09:00'),
        endsAt: at('2026-11-03', '10:00'),
      }),
    );
    const instance = await selin.call('agenda.saveEvent', {
      ...event(sales.id, { title: 'Haftalık (kaydı)' }),
      id: weekly.id,
      occurrenceStart: '2026-11-10T09:00',
    });
    expect((await murat.callError('agenda.deleteEvent', { id: instance.id })).message).toContain(
      'düzenleyeni (Selin Aksoy)',
    );
    expect((await selin.call('agenda.getEvent', { id: instance.id })).canEdit).toBe(true);
  });

  it('archives a calendar: out of the list, no new bookings, its events stay', async () => {
    const rooms = await t.call('agenda.saveCalendar', room());
    const booked = await t.call('agenda.saveEvent', event(rooms.id));
    await t.call('agenda.archiveCalendar', { id: rooms.id, archived: true });
    expect((await t.call('agenda.calendars', {})).calendars).toEqual([]);
    expect((await t.call('agenda.calendars', { includeArchived: true })).calendars[0]).toMatchObject({
      archived: true,
      canBook: false,
    });
    expect(
      await t.callError(
        'agenda.saveEvent',
        event(rooms.id, { startsAt: at('2026-11-25', '10:00'), endsAt: at('2026-11-25', '11:00') }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('arşivlendi') });
    expect((await t.call('agenda.getEvent', { id: booked.id })).deleted).toBe(false);
    await t.call('agenda.archiveCalendar', { id: rooms.id, archived: false });
    expect((await t.call('agenda.calendars', {})).calendars).toHaveLength(1);
  });
});

describe('events', () => {
  it('stores times in UTC and all-day events as dates; checks the rule, the zone and the order of times', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const timed = await t.call('agenda.saveEvent', event(general.id, { location: 'Kadıköy ofis' }));
    expect(timed).toMatchObject({
      startsAt: '2026-11-24T07:00:00.000Z',
      endsAt: '2026-11-24T08:00:00.000Z',
      timeZone: 'Europe/Istanbul',
      allDay: false,
      uid: `${timed.id}@kartotek`,
    });
    const allDay = await t.call(
      'agenda.saveEvent',
      event(general.id, { title: 'Fuar', allDay: true, startsAt: '2026-11-25', endsAt: '2026-11-27' }),
    );
    expect(allDay).toMatchObject({ allDay: true, startsAt: '2026-11-25', endsAt: '2026-11-27' });

    const bad = async (input: Partial<EventInput>) =>
      (await t.callError('agenda.saveEvent', event(general.id, input))).fields;
    expect(await bad({ endsAt: at('2026-11-24', '09:00') })).toEqual({ endsAt: 'Bitiş başlangıçtan sonra olmalı.' });
    expect(await bad({ timeZone: 'Europe/Atlantis' })).toEqual({
      timeZone: '"Europe/Atlantis" bilinen bir saat dilimi değil (ör. Europe/Istanbul).',
    });
    expect(await bad({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2' })).toEqual({
      rrule: 'Tekrar kuralı hiçbir tarihe denk gelmiyor (ör. 31 Şubat).',
    });
    expect(await bad({ rrule: 'FREQ=WEEKLY', exdates: ['geçen salı'] })).toEqual({
      'exdates.0': '"geçen salı" geçerli bir tarih değil.',
    });
    expect(await bad({ startsAt: '24.11.2026 10:00' })).toMatchObject({ startsAt: expect.stringContaining('geçerli') });
  });

  it('refuses a save from a form opened before someone else changed the event', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const first = await t.call('agenda.saveEvent', event(general.id));
    await t.call('agenda.saveEvent', { ...event(general.id, { title: 'Bütçe (ertelendi)' }), id: first.id });
    const stale = await t.callError('agenda.saveEvent', {
      ...event(general.id, { title: 'Eski form' }),
      id: first.id,
      expectedUpdatedAt: first.updatedAt,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('siz düzenlerken değiştirildi') });
  });

  it('changes or drops one instance of a series, and moves the exceptions when the series moves', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const weekly = await t.call(
      'agenda.saveEvent',
      event(general.id, {
        title: 'Haftalık satış',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsAt: at('2026-11-03', '10:00'),
        endsAt: at('2026-11-03', '11:00'),
      }),
    );
    const nov = async () =>
      (await range([general.id], at('2026-11-01', '00:00'), at('2026-12-01', '00:00'))).occurrences.map((o) => [
        o.title,
        o.start,
        o.occurrenceStart,
      ]);
    expect(await nov()).toEqual([
      ['Haftalık satış', '2026-11-03T07:00:00.000Z', '2026-11-03T07:00:00.000Z'],
      ['Haftalık satış', '2026-11-10T07:00:00.000Z', '2026-11-10T07:00:00.000Z'],
      ['Haftalık satış', '2026-11-17T07:00:00.000Z', '2026-11-17T07:00:00.000Z'],
      ['Haftalık satış', '2026-11-24T07:00:00.000Z', '2026-11-24T07:00:00.000Z'],
    ]);
    // Only the 17th: later and with another title.
    const moved = await t.call('agenda.saveEvent', {
      ...event(general.id, {
        title: 'Satış (müşteride)',
        startsAt: at('2026-11-17', '14:00'),
        endsAt: at('2026-11-17', '15:00'),
      }),
      id: weekly.id,
      occurrenceStart: '2026-11-17T07:00:00.000Z',
    });
    expect(moved).toMatchObject({
      parentId: weekly.id,
      recurrenceId: '2026-11-17T07:00:00.000Z',
      uid: weekly.uid,
      rrule: null,
    });
    // Only the 24th: dropped.
    const dropped = await t.call('agenda.deleteEvent', { id: weekly.id, occurrenceStart: '2026-11-24T10:00:00+03:00' });
    expect(dropped.exdates).toEqual(['2026-11-24T07:00:00.000Z']);
    expect(await nov()).toEqual([
      ['Haftalık satış', '2026-11-03T07:00:00.000Z', '2026-11-03T07:00:00.000Z'],
      ['Haftalık satış', '2026-11-10T07:00:00.000Z', '2026-11-10T07:00:00.000Z'],
      ['Satış (müşteride)', '2026-11-17T11:00:00.000Z', '2026-11-17T07:00:00.000Z'],
    ]);
    expect(
      await t.callError('agenda.saveEvent', {
        ...event(general.id),
        id: weekly.id,
        occurrenceStart: '2026-11-18T10:00:00+03:00',
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', fields: { occurrenceStart: expect.stringContaining('tekrarı yok') } });

    // The whole series to 09:00, as the form sends it (with its exdates): the exception and the changed instance keep their days.
    const series = await t.call('agenda.getEvent', { id: weekly.id });
    await t.call('agenda.saveEvent', {
      ...event(general.id, { title: 'Haftalık satış', rrule: series.rrule, exdates: series.exdates }),
      startsAt: at('2026-11-03', '09:00'),
      endsAt: at('2026-11-03', '10:00'),
      id: weekly.id,
    });
    expect(await nov()).toEqual([
      ['Haftalık satış', '2026-11-03T06:00:00.000Z', '2026-11-03T06:00:00.000Z'],
      ['Haftalık satış', '2026-11-10T06:00:00.000Z', '2026-11-10T06:00:00.000Z'],
      ['Satış (müşteride)', '2026-11-17T11:00:00.000Z', '2026-11-17T06:00:00.000Z'],
    ]);
    // Binning the series takes its changed instance along; restoring brings both back.
    await t.call('agenda.deleteEvent', { id: weekly.id });
    expect(await nov()).toEqual([]);
    await t.call('agenda.restoreEvent', { id: weekly.id });
    expect(await nov()).toHaveLength(3);
  });
});

describe('reminders', () => {
  it('drops a pending reminder when the event moves, loses an instance or goes to the bin', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const weekly = await t.call(
      'agenda.saveEvent',
      event(general.id, {
        rrule: 'FREQ=WEEKLY',
        remindMinutes: 30,
        startsAt: at('2026-11-03', '10:00'),
        endsAt: at('2026-11-03', '11:00'),
      }),
    );
    const db = t.app().ctx.db;
    // What the reminder job writes for the next instance (key: the instance's start).
    const schedule = () =>
      notify(db, {
        userIds: [t.app().ctx.userId],
        kind: 'event_starts',
        entityType: 'event',
        entityId: weekly.id,
        subject: weekly.title,
        dueAt: '2026-11-03T06:30:00.000Z',
        key: '2026-11-03T07:00:00.000Z',
        createdAt: '2026-11-01T00:00:00.000Z',
      });
    const pending = () =>
      db.$client
        .prepare('select count(*) from notifications where entity_id = ? and delivered_at is null')
        .pluck()
        .get(weekly.id);
    schedule();
    expect(pending()).toBe(1);
    await t.call('agenda.deleteEvent', { id: weekly.id, occurrenceStart: '2026-11-03' });
    expect(pending()).toBe(0);
    schedule();
    await t.call('agenda.saveEvent', {
      ...event(general.id, {
        rrule: 'FREQ=WEEKLY',
        remindMinutes: 30,
        startsAt: at('2026-11-03', '11:00'),
        endsAt: at('2026-11-03', '12:00'),
      }),
      id: weekly.id,
    });
    expect(pending()).toBe(0);
    schedule();
    await t.call('agenda.deleteEvent', { id: weekly.id });
    expect(pending()).toBe(0);
  });
});

describe('resource calendars refuse double bookings', () => {
  async function bookedRoom() {
    const selin = await staff('Selin Aksoy');
    const rooms = await t.call('agenda.saveCalendar', room());
    const budget = await selin.call('agenda.saveEvent', event(rooms.id));
    return { selin, rooms, budget };
  }

  it('names the room, the slot, the meeting and who holds it; touching ends are fine', async () => {
    const { rooms } = await bookedRoom();
    const clash = await t.callError(
      'agenda.saveEvent',
      event(rooms.id, { title: 'Satış', startsAt: at('2026-11-24', '10:30'), endsAt: at('2026-11-24', '11:30') }),
    );
    expect(clash).toEqual({
      code: 'CONFLICT',
      message: '«Toplantı Odası 1» 24.11.2026 10:00–11:00 arasında dolu: «Bütçe toplantısı» (Selin Aksoy)',
    });
    await t.call(
      'agenda.saveEvent',
      event(rooms.id, { title: 'Sonra', startsAt: at('2026-11-24', '11:00'), endsAt: at('2026-11-24', '12:00') }),
    );
    await t.call(
      'agenda.saveEvent',
      event(rooms.id, { title: 'Önce', startsAt: at('2026-11-24', '09:00'), endsAt: at('2026-11-24', '10:00') }),
    );
    const allDay = await t.callError(
      'agenda.saveEvent',
      event(rooms.id, { title: 'Tadilat', allDay: true, startsAt: '2026-11-24', endsAt: '2026-11-25' }),
    );
    expect(allDay.message).toContain('«Toplantı Odası 1» 24.11.2026 09:00–10:00 arasında dolu: «Önce»');
    // A general calendar takes overlapping events.
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    await t.call('agenda.saveEvent', event(general.id));
    await t.call('agenda.saveEvent', event(general.id));
  });

  it('checks series both ways: a new series against bookings, a new booking against series', async () => {
    const { rooms } = await bookedRoom();
    // Every Tuesday 10:30 from 3 November: its fourth instance hits the budget meeting.
    const weekly = event(rooms.id, {
      title: 'Haftalık satış',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsAt: at('2026-11-03', '10:30'),
      endsAt: at('2026-11-03', '11:30'),
    });
    expect((await t.callError('agenda.saveEvent', weekly)).message).toBe(
      '«Toplantı Odası 1» 24.11.2026 10:00–11:00 arasında dolu: «Bütçe toplantısı» (Selin Aksoy)',
    );
    // Until 17 November it fits; then a booking on a later Tuesday meets the series.
    const until = await t.call('agenda.saveEvent', { ...weekly, rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117' });
    expect(until.rrule).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261117T205959Z');
    const daily = event(rooms.id, {
      title: 'Sabah toplantısı',
      rrule: 'FREQ=DAILY',
      startsAt: at('2026-11-01', '11:00'),
      endsAt: at('2026-11-01', '11:15'),
    });
    expect((await t.callError('agenda.saveEvent', daily)).message).toBe(
      '«Toplantı Odası 1» 03.11.2026 10:30–11:30 arasında dolu: «Haftalık satış» (Yönetici)',
    );
    const endless = await t.call('agenda.saveEvent', {
      ...daily,
      startsAt: at('2026-11-01', '08:00'),
      endsAt: at('2026-11-01', '08:30'),
    });
    // Years later, one morning: the endless series holds the slot.
    const later = await t.callError(
      'agenda.saveEvent',
      event(rooms.id, { startsAt: at('2031-05-06', '08:15'), endsAt: at('2031-05-06', '09:00') }),
    );
    expect(later.message).toBe(
      '«Toplantı Odası 1» 06.05.2031 08:00–08:30 arasında dolu: «Sabah toplantısı» (Yönetici)',
    );
    // Dropping that morning frees it.
    await t.call('agenda.deleteEvent', { id: endless.id, occurrenceStart: '2031-05-06' });
    await t.call(
      'agenda.saveEvent',
      event(rooms.id, { startsAt: at('2031-05-06', '08:15'), endsAt: at('2031-05-06', '09:00') }),
    );
    // Moving one instance of a series onto a booking is refused too.
    const moved = await t.callError('agenda.saveEvent', {
      ...event(rooms.id, { startsAt: at('2026-11-24', '10:15'), endsAt: at('2026-11-24', '10:45') }),
      id: until.id,
      occurrenceStart: '2026-11-10',
    });
    expect(moved.message).toContain('«Bütçe toplantısı» (Selin Aksoy)');
  });

  it('checks a series begun years ago from today on, both ways', async () => {
    const { rooms } = await bookedRoom();
    // Tuesdays 10:00 since January 2024: the budget meeting on Tuesday 24 November 2026 is in the way.
    const old = event(rooms.id, {
      title: 'Eski haftalık',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsAt: at('2024-01-02', '10:00'),
      endsAt: at('2024-01-02', '11:00'),
    });
    expect(await t.callError('agenda.saveEvent', old)).toEqual({
      code: 'CONFLICT',
      message: '«Toplantı Odası 1» 24.11.2026 10:00–11:00 arasında dolu: «Bütçe toplantısı» (Selin Aksoy)',
    });
    // At 08:00 it fits; then a new booking on a Tuesday meets it.
    await t.call('agenda.saveEvent', {
      ...old,
      startsAt: at('2024-01-02', '08:00'),
      endsAt: at('2024-01-02', '09:00'),
    });
    const clash = await t.callError(
      'agenda.saveEvent',
      event(rooms.id, { title: 'Satış', startsAt: at('2026-12-01', '08:30'), endsAt: at('2026-12-01', '09:30') }),
    );
    expect(clash.message).toBe('«Toplantı Odası 1» 01.12.2026 08:00–09:00 arasında dolu: «Eski haftalık» (Yönetici)');
  });

  it('refuses to make a calendar a room while it holds double bookings from now on', async () => {
    const hall = await t.call('agenda.saveCalendar', { name: 'Salon', kind: 'general', color: '#2f9e44' });
    // Overlapping in the past does not matter any more; touching ends never clash.
    await t.call(
      'agenda.saveEvent',
      event(hall.id, { title: 'Eski A', startsAt: at('2026-01-05', '10:00'), endsAt: at('2026-01-05', '11:00') }),
    );
    await t.call(
      'agenda.saveEvent',
      event(hall.id, { title: 'Eski B', startsAt: at('2026-01-05', '10:00'), endsAt: at('2026-01-05', '11:00') }),
    );
    await t.call(
      'agenda.saveEvent',
      event(hall.id, { title: 'Sabah', startsAt: at('2026-12-01', '09:00'), endsAt: at('2026-12-01', '10:00') }),
    );
    const second = await t.call(
      'agenda.saveEvent',
      event(hall.id, { title: 'Öğle', startsAt: at('2026-12-01', '10:00'), endsAt: at('2026-12-01', '11:00') }),
    );
    const asRoom = { name: 'Salon', kind: 'room' as const, color: '#2f9e44', id: hall.id };
    expect((await t.call('agenda.saveCalendar', asRoom)).kind).toBe('room');
    await t.call('agenda.saveCalendar', { ...asRoom, kind: 'general' });
    // A weekly series from long ago meets the lunch meeting on Tuesday 1 December.
    await t.call(
      'agenda.saveEvent',
      event(hall.id, {
        title: 'Haftalık eğitim',
        rrule: 'FREQ=WEEKLY;BYDAY=TU',
        startsAt: at('2025-01-07', '10:30'),
        endsAt: at('2025-01-07', '12:00'),
      }),
    );
    const refused = await t.callError('agenda.saveCalendar', asRoom);
    expect(refused).toEqual({
      code: 'CONFLICT',
      message:
        '«Salon» 01.12.2026 10:00–11:00 arasında dolu: «Öğle» (Yönetici); aynı saatteki «Haftalık eğitim» ile çakışıyor. ' +
        'Çakışma giderilmeden takvim oda, araç ya da ekipman takvimi yapılamaz.',
    });
    expect((await t.call('agenda.calendars', {})).calendars.find((c) => c.id === hall.id)!.kind).toBe('general');
    await t.call('agenda.deleteEvent', { id: second.id });
    expect((await t.call('agenda.saveCalendar', asRoom)).kind).toBe('room');
  });

  it('refuses to restore an event whose slot was booked while it was in the bin', async () => {
    const { rooms, budget, selin } = await bookedRoom();
    await selin.call('agenda.deleteEvent', { id: budget.id });
    const taken = await t.call('agenda.saveEvent', event(rooms.id, { title: 'Satış' }));
    expect(await selin.callError('agenda.restoreEvent', { id: budget.id })).toEqual({
      code: 'CONFLICT',
      message: '«Toplantı Odası 1» 24.11.2026 10:00–11:00 arasında dolu: «Satış» (Yönetici)',
    });
    expect((await t.call('agenda.getEvent', { id: budget.id })).deleted).toBe(true);
    await t.call('agenda.deleteEvent', { id: taken.id });
    expect((await selin.call('agenda.restoreEvent', { id: budget.id })).deleted).toBe(false);
  });
});

describe('what the agenda shows', () => {
  it('refuses a range longer than 400 days, and shares one budget of work over all series', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const tooLong = await t.callError('agenda.range', {
      from: at('2026-01-01', '00:00'),
      to: at('2027-02-06', '00:00'),
      calendarIds: [general.id],
    });
    expect(tooLong).toMatchObject({ code: 'INVALID_INPUT', fields: { to: expect.stringContaining('400 gün') } });
    // Hourly series counted from September: each looks at ~4,500 instances to reach one March week.
    const hourly = (title: string) =>
      t.call(
        'agenda.saveEvent',
        event(general.id, {
          title,
          rrule: 'FREQ=HOURLY;COUNT=100000',
          startsAt: at('2025-09-01', '00:00'),
          endsAt: at('2025-09-01', '00:30'),
        }),
      );
    const week = () => range([general.id], at('2026-03-02', '00:00'), at('2026-03-09', '00:00'));
    await hourly('Saatlik 1');
    expect(await week()).toMatchObject({ truncated: false });
    expect((await week()).occurrences).toHaveLength(168);
    for (const n of [2, 3, 4, 5]) await hourly(`Saatlik ${n}`);
    // Five of them are more than one answer looks at: what was found is shown, and the answer says truncated.
    const busy = await week();
    expect(busy.truncated).toBe(true);
    expect(busy.occurrences.length).toBeGreaterThanOrEqual(4 * 168);
    expect(busy.occurrences.length).toBeLessThan(5 * 168);
  });

  it('keeps members-only calendars out of other users’ search and card timelines', async () => {
    const selin = await staff('Selin Aksoy');
    const murat = await staff('Murat Demir');
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    const personal = await selin.call('agenda.saveCalendar', {
      name: 'Selin özel',
      kind: 'personal',
      color: '#aa0000',
      visibility: 'members',
      booking: 'owner',
    });
    await selin.call(
      'agenda.saveEvent',
      event(personal.id, { title: 'Gizli işe alım görüşmesi', description: 'maaş teklifi', cardIds: [ayse.id] }),
    );
    const shared = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    await t.call('agenda.saveEvent', event(shared.id, { title: 'Açık teklif toplantısı', cardIds: [ayse.id] }));
    const seen = async (user: ReturnType<typeof asUser>) => ({
      hits: (await user.call('search.query', { q: 'teklif', types: ['event'] })).groups.flatMap((g) =>
        g.hits.map((h) => h.title),
      ),
      timeline: (await user.call('timeline.forCard', { cardId: ayse.id })).entries
        .filter((e) => e.kind === 'event')
        .map((e) => e.title),
    });
    const open = ['Açık teklif toplantısı'];
    const both = ['Gizli işe alım görüşmesi', 'Açık teklif toplantısı'];
    expect(await seen(murat)).toEqual({ hits: open, timeline: open });
    expect(await seen(selin)).toEqual({ hits: expect.arrayContaining(both), timeline: expect.arrayContaining(both) });
    // The admin sees every calendar; a member sees it once added.
    expect((await seen(asUser(t.app().ctx.userId))).hits).toHaveLength(2);
    await selin.call('agenda.saveCalendar', {
      id: personal.id,
      name: 'Selin özel',
      kind: 'personal',
      color: '#aa0000',
      visibility: 'members',
      booking: 'owner',
      members: [{ userId: murat.user.id, canBook: false }],
    });
    expect((await seen(murat)).timeline).toHaveLength(2);
  });

  it('draws the holiday calendar’s computed holidays and the firm’s own closing days', async () => {
    const holidays = await t.call('agenda.saveCalendar', { name: 'Tatiller', kind: 'holiday', color: '#e03131' });
    await t.call('agenda.saveEvent', {
      calendarId: holidays.id,
      title: 'Yıl sonu sayımı (ofis kapalı)',
      allDay: true,
      startsAt: '2026-10-30',
      endsAt: '2026-10-31',
    });
    const { occurrences, truncated } = await range([holidays.id], at('2026-10-27', '00:00'), at('2026-11-01', '00:00'));
    expect(truncated).toBe(false);
    expect(occurrences.map((o) => [o.title, o.start, o.end, o.allDay, o.holidayKind, o.eventId === null])).toEqual([
      [
        'Cumhuriyet Bayramı arifesi',
        '2026-10-28T10:00:00.000Z',
        '2026-10-28T21:00:00.000Z',
        false,
        'arife-half-day',
        true,
      ],
      ['Cumhuriyet Bayramı', '2026-10-29', '2026-10-30', true, 'official', true],
      ['Yıl sonu sayımı (ofis kapalı)', '2026-10-30', '2026-10-31', true, 'firm', false],
    ]);
    const year = await t.call('agenda.holidays', { year: 2026 });
    expect(year.holidays).toContainEqual({ date: '2026-10-30', name: 'Yıl sonu sayımı (ofis kapalı)', kind: 'firm' });
    expect(year.holidays).toContainEqual(
      expect.objectContaining({ date: '2026-05-27', name: 'Kurban Bayramı 1. gün', kind: 'religious' }),
    );
  });

  it('files documents on an event, finds it in search and shows it on its cards’ timelines', async () => {
    const general = await t.call('agenda.saveCalendar', { name: 'Genel', kind: 'general', color: '#2f9e44' });
    const ayse = await t.call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
    const events: ContractEvent[] = [];
    t.app().ctx.events.subscribe((e) => events.push(e));
    const meeting = await t.call('agenda.saveEvent', event(general.id, { location: 'Kuruçeşme', cardIds: [ayse.id] }));
    expect(meeting.cards).toEqual([{ id: ayse.id, type: 'person', displayName: 'Ayşe Yılmaz' }]);
    expect(events).toContainEqual({
      name: 'agenda.changed',
      payload: { calendarIds: [general.id], eventId: meeting.id },
    });
    expect(events).toContainEqual({
      name: 'cards.changed',
      payload: { id: ayse.id, type: 'person', action: 'updated' },
    });

    const bytes = Buffer.from('Bütçe sunumu 2027');
    const data = bytes.toString('base64');
    const { uploadId } = await t.call('transfer.upload', { fileName: 'sunum.txt', offset: 0, data });
    const withFile = await t.call('agenda.attachDocument', { eventId: meeting.id, uploadId });
    expect(withFile.documents).toEqual([
      expect.objectContaining({ name: 'sunum.txt', mimeType: 'text/plain', size: bytes.length }),
    ]);
    const documentId = withFile.documents[0]!.id;
    const without = await t.call('agenda.detachDocument', { eventId: meeting.id, documentId });
    expect(without.documents).toEqual([]);
    // On nothing any more: the document goes to the recycle bin.
    expect((await t.call('documents.get', { id: documentId })).deleted).toBe(true);

    const hits = async (q: string) =>
      (await t.call('search.query', { q, types: ['event'] })).groups.flatMap((g) => g.hits.map((h) => h.title));
    expect(await hits('butce')).toEqual(['Bütçe toplantısı']);
    expect(await hits('kurucesme yilmaz')).toEqual(['Bütçe toplantısı']);
    // The hit names the cards the event is about, as document and note hits do.
    const [hit] = (await t.call('search.query', { q: 'butce', types: ['event'] })).groups[0]!.hits;
    expect(hit!.cards.map((c) => c.id)).toEqual([ayse.id]);
    const timeline = await t.call('timeline.forCard', { cardId: ayse.id });
    expect(timeline.entries).toContainEqual(
      expect.objectContaining({
        kind: 'event',
        title: 'Bütçe toplantısı',
        at: '2026-11-24T07:00:00.000Z',
        detail: 'Kuruçeşme',
      }),
    );
    await t.call('agenda.deleteEvent', { id: meeting.id });
    expect(await hits('butce')).toEqual([]);
    expect((await t.call('timeline.forCard', { cardId: ayse.id })).entries.some((e) => e.kind === 'event')).toBe(false);
    const history = await t.call('audit.list', { entityId: meeting.id });
    expect(history.entries.map((e) => e.action)).toEqual([
      'event_delete',
      'document_remove',
      'document_add',
      'event_add',
    ]);
  });
});
