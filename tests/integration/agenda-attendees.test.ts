import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import { actingStamp } from '../../src-main/core/context';
import { dispatch } from '../../src-main/core/dispatch';
import { openPdf } from '../../src-main/jobs/text-extraction/extractors/pdfjs';
import { CODE_PATTERN } from '../../src-main/services/agenda/attendee-codes';
import { applyCalendarReply } from '../../src-main/services/agenda/invitation-reply';
import { useTestApp } from './test-app';
import { agendaFixtures, BUDGET_MEETING as BUDGET, type EventSeed } from './agenda-fixtures';

const { app: currentApp, call, callError } = useTestApp();
const fixtures = agendaFixtures(call);

const sqlite = () => currentApp().ctx.db.$client;

const BUDGET_START = '2026-11-24T07:00:00.000Z';
const BUDGET_END = '2026-11-24T08:00:00.000Z';

const newEvent = (seed: EventSeed = BUDGET) => fixtures.event(seed);

async function ayseYilmaz() {
  const firm = await call('cards.createInstitution', { title: 'Ödemiş Şeker Üretim A.Ş.' });
  const other = await call('cards.createInstitution', { title: 'Anadolu Vakfı' });
  const ayse = await call('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    phones: [{ kind: 'mobile', number: '5321112233' }],
    emails: [
      { kind: 'personal', address: 'ayse@ev.example.com' },
      { kind: 'work', address: 'Ayse.Yilmaz@Example.com', isPrimary: true },
    ],
  });
  await call('cards.link', { personId: ayse.id, institutionId: other.id, role: 'Üye' });
  await call('cards.link', { personId: ayse.id, institutionId: firm.id, role: 'Genel Müdür', isPrimary: true });
  return ayse;
}

type AttendeeIn = CallInput<'agenda.addAttendees'>['attendees'][number];

/** Adds attendees through the contract; the new attendees' ids in the order given. */
async function add(eventId: string, attendees: AttendeeIn[]): Promise<string[]> {
  const before = new Set(attendeeRows(eventId).map((r) => r.id));
  const event = await call('agenda.addAttendees', { eventId, attendees });
  const added = attendeeRows(eventId)
    .map((r) => r.id)
    .filter((id) => !before.has(id));
  expect(event.attendees.map((a) => a.id).sort()).toEqual(
    attendeeRows(eventId)
      .map((r) => r.id)
      .sort(),
  );
  return added;
}

const attendeeRows = (eventId: string) =>
  sqlite()
    .prepare(
      `select id, kind, card_id as cardId, user_id as userId, name, email, phone, institution_name as institutionName,
         role_title as roleTitle, code, response, responded_at as respondedAt, checked_in_at as checkedInAt,
         checked_in_by as checkedInBy, walk_in as walkIn, invited_at as invitedAt, invited_via as invitedVia
       from event_attendees where event_id = ? order by created_at, id`,
    )
    .all(eventId) as {
    id: string;
    kind: string;
    cardId: string | null;
    userId: string | null;
    name: string;
    email: string | null;
    phone: string | null;
    institutionName: string | null;
    roleTitle: string | null;
    code: string;
    response: string;
    respondedAt: string | null;
    checkedInAt: string | null;
    checkedInBy: string | null;
    walkIn: string | null;
    invitedAt: string | null;
    invitedVia: string | null;
  }[];

const auditCount = (entityId: string) =>
  (sqlite().prepare('select count(*) as n from audit_log where entity_id = ?').get(entityId) as { n: number }).n;

function collectEvents() {
  const seen: ContractEvent[] = [];
  currentApp().ctx.events.subscribe((e) => seen.push(e));
  return seen;
}

/** The error of a refused agenda.addAttendees (nothing may have been written). */
const refusedAdd = (eventId: string, attendees: AttendeeIn[]) =>
  callError('agenda.addAttendees', { eventId, attendees });

describe('adding attendees', () => {
  it('copies a person card’s details, a staff member’s and an outsider’s, each with a unique code', async () => {
    const ayse = await ayseYilmaz();
    const selin = await call('users.create', { name: 'Selin Aksoy', email: 'selin@firma.com.tr', role: 'staff' });
    const event = await newEvent();
    const seen = collectEvents();
    const added = await add(event.id, [
      { kind: 'person', cardId: ayse.id },
      { kind: 'staff', userId: selin.id },
      {
        kind: 'external',
        name: 'Çağrı Işıkoğlu',
        email: 'Cagri@Example.org',
        phone: '0555 444 33 22',
        institutionName: 'İzmir Ticaret Odası',
        roleTitle: 'Danışman',
      },
    ]);
    expect(added).toHaveLength(3);
    expect(seen).toEqual([{ name: 'agenda.changed', payload: { calendarIds: [event.calendarId], eventId: event.id } }]);

    const rows = attendeeRows(event.id);
    expect(rows.map(({ id: _id, code: _code, ...rest }) => rest)).toEqual([
      expect.objectContaining({
        kind: 'person',
        cardId: ayse.id,
        name: 'Ayşe Yılmaz',
        email: 'ayse.yilmaz@example.com',
        phone: '0532 111 22 33',
        institutionName: 'Ödemiş Şeker Üretim A.Ş.',
        roleTitle: 'Genel Müdür',
        response: 'needs_action',
        walkIn: null,
      }),
      expect.objectContaining({ kind: 'staff', userId: selin.id, name: 'Selin Aksoy', email: 'selin@firma.com.tr' }),
      expect.objectContaining({
        kind: 'external',
        name: 'Çağrı Işıkoğlu',
        email: 'cagri@example.org',
        phone: '0555 444 33 22',
        institutionName: 'İzmir Ticaret Odası',
        roleTitle: 'Danışman',
      }),
    ]);
    for (const row of rows) {
      expect(row.code).toMatch(CODE_PATTERN);
      expect(row.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(auditCount(row.id)).toBe(1);
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(3);

    // The event answers with its attendees: persons, staff, outsiders, each with card or user.
    const shown = (await call('agenda.getEvent', { id: event.id })).attendees;
    expect(shown.map((a) => [a.kind, a.name, a.card?.displayName ?? a.user?.name ?? null])).toEqual([
      ['person', 'Ayşe Yılmaz', 'Ayşe Yılmaz'],
      ['staff', 'Selin Aksoy', 'Selin Aksoy'],
      ['external', 'Çağrı Işıkoğlu', null],
    ]);
  });

  it('gives every one of 300 attendees on two events a different code', async () => {
    const first = await newEvent();
    const second = await newEvent({ ...BUDGET, title: 'Genel kurul' });
    const outsiders = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ kind: 'external' as const, name: `Misafir ${from + i}` }));
    await add(first.id, outsiders(150, 0));
    await add(second.id, outsiders(150, 150));
    const codes = sqlite().prepare('select code from event_attendees').all() as { code: string }[];
    expect(codes).toHaveLength(300);
    expect(new Set(codes.map((c) => c.code)).size).toBe(300);
    expect(codes.every((c) => CODE_PATTERN.test(c.code))).toBe(true);
  });

  it('refuses the same card, user or e-mail twice on one event, naming who, and writes nothing', async () => {
    const ayse = await ayseYilmaz();
    const event = await newEvent();
    const twice = '«Ayşe Yılmaz» «Bütçe toplantısı» etkinliğinin katılımcıları arasında zaten var.';
    expect(
      await refusedAdd(event.id, [
        { kind: 'external', name: 'Can Demir' },
        { kind: 'person', cardId: ayse.id },
        { kind: 'person', cardId: ayse.id },
      ]),
    ).toEqual({ code: 'INVALID_INPUT', message: twice, fields: { 'attendees.2': twice } });
    expect(attendeeRows(event.id)).toEqual([]);

    await add(event.id, [{ kind: 'person', cardId: ayse.id }]);
    expect((await refusedAdd(event.id, [{ kind: 'person', cardId: ayse.id }])).message).toBe(twice);
    expect(
      (await refusedAdd(event.id, [{ kind: 'external', name: 'A. Yılmaz', email: 'AYSE.YILMAZ@example.com' }])).message,
    ).toBe(
      'ayse.yilmaz@example.com adresi «Bütçe toplantısı» etkinliğinde «Ayşe Yılmaz» katılımcısında zaten kayıtlı.',
    );
    expect(attendeeRows(event.id)).toHaveLength(1);

    // Another event takes her gladly.
    const other = await newEvent({ ...BUDGET, title: 'Yıl sonu yemeği' });
    expect(await add(other.id, [{ kind: 'person', cardId: ayse.id }])).toHaveLength(1);
  });

  it('refuses an institution card, a binned person, an unknown user and a malformed e-mail per item', async () => {
    const firm = await call('cards.createInstitution', { title: 'Marmara Tekstil A.Ş.' });
    const gone = await call('cards.createPerson', { firstName: 'Eski', lastName: 'Kişi' });
    await call('cards.delete', { id: gone.id });
    const event = await newEvent();
    expect((await refusedAdd(event.id, [{ kind: 'person', cardId: firm.id }])).fields).toEqual({
      'attendees.0.cardId': `Kişi kartı bulunamadı (${firm.id}).`,
    });
    const binned = await refusedAdd(event.id, [
      { kind: 'external', name: 'X' },
      { kind: 'person', cardId: gone.id },
    ]);
    expect(binned.fields).toEqual({ 'attendees.1.cardId': '«Eski Kişi» kartı çöp kutusunda; önce geri alın.' });
    expect((await refusedAdd(event.id, [{ kind: 'staff', userId: firm.id }])).message).toMatch(/Kullanıcı bulunamadı/);
    expect((await refusedAdd(event.id, [{ kind: 'external', name: 'Can Demir', email: 'can@' }])).fields).toEqual({
      'attendees.0.email': '«Can Demir» için e-posta adresi geçerli değil: can@',
    });
    expect(attendeeRows(event.id)).toEqual([]);
  });

  it('corrects a badge, records a response by hand, marks invitations and removes an attendee', async () => {
    const event = await newEvent();
    const [canId, elifId] = (await add(event.id, [
      { kind: 'external', name: 'Can Demir', institutionName: 'Eski Kurum', roleTitle: 'Uzman' },
      { kind: 'external', name: 'Elif Şahin', email: 'elif@example.com' },
    ])) as [string, string];

    const seen = collectEvents();
    const corrected = await call('agenda.updateAttendee', {
      id: canId,
      name: 'Can Demirtaş',
      institutionName: 'Yeni Kurum',
    });
    expect(corrected).toMatchObject({ name: 'Can Demirtaş', institutionName: 'Yeni Kurum', roleTitle: null });
    expect(seen).toContainEqual({ name: 'agenda.changed', payload: expect.objectContaining({ eventId: event.id }) });

    const answered = await call('agenda.updateAttendee', { id: elifId, response: 'tentative' });
    expect(answered).toMatchObject({ name: 'Elif Şahin', response: 'tentative', respondedAt: expect.any(String) });

    const invited = await call('agenda.markInvited', { attendeeIds: [canId, elifId], via: 'email' });
    expect(invited.attendees.map((a) => [a.name, a.invitedVia, a.invitedAt !== null])).toEqual([
      ['Can Demirtaş', 'email', true],
      ['Elif Şahin', 'email', true],
    ]);
    const other = await newEvent({ ...BUDGET, title: 'Başka' });
    const [stranger] = await add(other.id, [{ kind: 'external', name: 'Başka Biri' }]);
    expect((await callError('agenda.markInvited', { attendeeIds: [canId, stranger!], via: 'sms' })).message).toMatch(
      /tek bir etkinliğin/,
    );

    const after = await call('agenda.removeAttendee', { id: canId });
    expect(after.attendees.map((a) => a.name)).toEqual(['Elif Şahin']);
    const history = await call('audit.list', { entityId: canId });
    expect(history.entries.map((e) => e.action)).toEqual(['delete', 'update', 'update', 'create']);
  });

  it('lets the organizer change the list; anyone who sees the calendar checks people in at the door', async () => {
    const owner = currentApp().ctx.userId;
    const locked = await fixtures.calendar({ name: 'Yönetim', booking: 'owner' });
    const event = await fixtures.event(BUDGET, locked.id);
    const [id] = await add(event.id, [
      { kind: 'external', name: 'Elif Şahin' },
      { kind: 'external', name: 'Can Demir' },
    ]);
    const elifCode = attendeeRows(event.id)[0]!.code;
    const hidden = await fixtures.calendar({ name: 'Gizli kurul', visibility: 'members' });
    const secret = await fixtures.event({ ...BUDGET, title: 'Gizli kurul toplantısı' }, hidden.id);
    await add(secret.id, [{ kind: 'external', name: 'Deniz Kaya' }]);
    const denizCode = attendeeRows(secret.id)[0]!.code;
    const kapi = await call('users.create', { name: 'Kapı Görevlisi', role: 'staff' });
    await call('users.switchTo', { id: kapi.id });
    try {
      const refused = await refusedAdd(event.id, [{ kind: 'external', name: 'Can Demir' }]);
      expect(refused).toEqual({
        code: 'FORBIDDEN',
        message:
          '«Bütçe toplantısı» etkinliğini yalnız düzenleyeni ve takvimin sahibi (Yönetici) ya da bir yönetici değiştirebilir.',
      });
      expect((await callError('agenda.updateAttendee', { id: id!, response: 'accepted' })).code).toBe('FORBIDDEN');
      expect((await callError('agenda.invitation', { attendeeId: id! })).code).toBe('FORBIDDEN');
      // The door needs no more than seeing the calendar.
      expect((await call('agenda.checkIn', { eventId: event.id, code: elifCode })).result).toBe('checked_in');
      const walkIn = await call('agenda.walkIn', { eventId: event.id, name: 'Burak Çelik', allowed: true });
      expect(walkIn.walkIn).toBe('allowed');
      // Another event's code tells nothing about its attendee, nor the name of a calendar one may not see.
      expect(await call('agenda.checkIn', { eventId: event.id, code: denizCode })).toEqual({
        result: 'other_event',
        attendee: null,
        otherEventTitle: null,
      });
      expect(await callError('agenda.checkIn', { eventId: secret.id, code: denizCode })).toEqual({
        code: 'FORBIDDEN',
        message: '«Gizli kurul toplantısı» etkinliğine giriş yapamazsınız: «Gizli kurul» takvimini görme yetkiniz yok.',
      });
    } finally {
      await call('users.switchTo', { id: owner });
    }
    // Who sees both calendars is told which event the code is for, still without the attendee's details.
    expect(await call('agenda.checkIn', { eventId: event.id, code: denizCode })).toEqual({
      result: 'other_event',
      attendee: null,
      otherEventTitle: 'Gizli kurul toplantısı',
    });
    expect(attendeeRows(event.id).map((r) => [r.name, r.response, r.checkedInBy])).toEqual([
      ['Elif Şahin', 'needs_action', kapi.id],
      ['Can Demir', 'needs_action', null],
      ['Burak Çelik', 'needs_action', kapi.id],
    ]);
  });
});

/** The attendee's invitation parsed back: the calendar, its first VEVENT and the ATTENDEE property. */
function parseIcs(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return { cal, vevent, attendee: vevent.getFirstProperty('attendee')! };
}

async function qrText(base64: string): Promise<string | undefined> {
  const image = await loadImage(Buffer.from(base64, 'base64'));
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  g.drawImage(image, 0, 0);
  const pixels = g.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(pixels.data), image.width, image.height)?.data;
}

describe('invitations and replies', () => {
  it('makes a REQUEST with the event’s UID and the attendee’s code, an SMS text and a readable QR code', async () => {
    const ayse = await ayseYilmaz();
    const event = await newEvent();
    const [id] = await add(event.id, [{ kind: 'person', cardId: ayse.id }]);
    const code = attendeeRows(event.id)[0]!.code;

    const invitation = await call('agenda.invitation', { attendeeId: id! });
    const { cal, vevent, attendee } = parseIcs(invitation.ics);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('uid')).toBe(event.uid);
    expect(vevent.getFirstPropertyValue('summary')).toBe('Bütçe toplantısı');
    expect(vevent.getFirstPropertyValue('location')).toBe('Toplantı Odası 1');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(vevent.getFirstPropertyValue('description')).toBe(`Gündem: 2027 bütçesi\n\nGiriş kodunuz: ${code}`);
    expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(BUDGET_START);
    expect((vevent.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe(BUDGET_END);
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:kartotek@localhost');
    expect(vevent.getAllProperties('attendee')).toHaveLength(1);
    expect(attendee.getFirstValue()).toBe('mailto:ayse.yilmaz@example.com');
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee.getParameter('rsvp')).toBe('TRUE');
    expect(attendee.getParameter('cn')).toBe('Ayşe Yılmaz');
    expect(attendee.getParameter('x-kartotek-code')).toBe(code);

    expect(invitation.smsText).toBe(
      `Sayın Ayşe Yılmaz, 24.11.2026 10:00 Bütçe toplantısı, Toplantı Odası 1. Giriş kodunuz: ${code}`,
    );
    expect(invitation.smsText.length).toBeLessThanOrEqual(160);
    expect(await qrText(invitation.qrPngBase64)).toBe(code);
  });

  it('comes from the organizer, keeps the SMS within 160 characters for long titles', async () => {
    const me = await call('users.me', {});
    await call('users.update', { id: me.id, name: 'Selin Aksoy', email: 'selin@firma.com.tr', role: me.role });
    const event = await newEvent({ ...BUDGET, title: 'Uzun '.repeat(40).trim(), description: '' });
    const [id] = await add(event.id, [{ kind: 'external', name: 'Mehmet Öztürk' }]);
    const code = attendeeRows(event.id)[0]!.code;
    const invitation = await call('agenda.invitation', { attendeeId: id! });
    const { vevent, attendee } = parseIcs(invitation.ics);
    expect(vevent.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:selin@firma.com.tr');
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Selin Aksoy');
    expect(vevent.getFirstPropertyValue('description')).toBe(`Giriş kodunuz: ${code}`);
    // No address: the code alone names them.
    expect(attendee.getFirstValue()).toBe(`urn:kartotek:attendee:${code}`);
    expect(invitation.smsText.length).toBeLessThanOrEqual(160);
    expect(invitation.smsText).toMatch(
      new RegExp(`^Sayın Mehmet Öztürk, 24\\.11\\.2026 10:00 Uzun Uzun .*\\.\\.\\.\\. Giriş kodunuz: ${code}$`),
    );
  });

  it('sends a series in its own zone with a VTIMEZONE, so 10:00 in Berlin stays 10:00 across the DST change', async () => {
    const event = await newEvent({
      title: 'Haftalık koordinasyon',
      startsAt: '2026-03-16T10:00:00+01:00',
      endsAt: '2026-03-16T11:00:00+01:00',
      timeZone: 'Europe/Berlin',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4',
      exdates: ['2026-03-23T10:00:00+01:00'],
    });
    const [id] = await add(event.id, [{ kind: 'external', name: 'Hans Müller', email: 'hans@example.de' }]);
    // The last meeting moves to the afternoon: the invitation carries it as a changed instance of the series.
    await call('agenda.saveEvent', {
      id: event.id,
      occurrenceStart: '2026-04-06T10:00:00+02:00',
      calendarId: event.calendarId,
      title: 'Haftalık koordinasyon (öğleden sonra)',
      startsAt: '2026-04-06T14:00:00+02:00',
      endsAt: '2026-04-06T15:00:00+02:00',
      timeZone: 'Europe/Berlin',
    });
    const { ics } = await call('agenda.invitation', { attendeeId: id! });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260316T100000');
    expect(ics).toContain('EXDATE;TZID=Europe/Berlin:20260323T100000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260406T100000');

    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const vtimezone = cal.getFirstSubcomponent('vtimezone')!;
    expect(vtimezone.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    // ical.js knows no zone but UTC of its own: it reads the times through the VTIMEZONE we sent.
    ICAL.TimezoneService.register(vtimezone);
    try {
      const [series, changed] = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(changed!.uid).toBe(series!.uid);
      series!.relateException(changed!);
      const starts: string[] = [];
      const it = series!.iterator();
      for (let next = it.next(); next; next = it.next()) {
        const details = series!.getOccurrenceDetails(next);
        starts.push(`${details.startDate.toJSDate().toISOString()} ${details.item.summary}`);
      }
      expect(starts).toEqual([
        '2026-03-16T09:00:00.000Z Haftalık koordinasyon',
        '2026-03-30T08:00:00.000Z Haftalık koordinasyon',
        '2026-04-06T12:00:00.000Z Haftalık koordinasyon (öğleden sonra)',
      ]);
    } finally {
      ICAL.TimezoneService.remove('Europe/Berlin');
    }
  });

  it('reads REPLYs: accepted by address, declined by code, an unknown attendee and an unknown event reported', async () => {
    const ayse = await ayseYilmaz();
    const selin = await call('users.create', { name: 'Selin Aksoy', email: 'selin@firma.com.tr', role: 'staff' });
    const event = await newEvent();
    const [ayseId, selinId] = (await add(event.id, [
      { kind: 'person', cardId: ayse.id },
      { kind: 'staff', userId: selin.id },
    ])) as [string, string];

    // Ayşe's calendar answers the invitation it got (Outlook-style: upper-case MAILTO, our parameter dropped).
    const { cal, attendee } = parseIcs((await call('agenda.invitation', { attendeeId: ayseId })).ics);
    cal.updatePropertyWithValue('method', 'REPLY');
    attendee.setParameter('partstat', 'ACCEPTED');
    attendee.removeParameter('x-kartotek-code');
    attendee.removeParameter('rsvp');
    attendee.setValue('MAILTO:Ayse.Yilmaz@Example.com');
    const seen = collectEvents();
    expect(await call('agenda.applyReply', { ics: cal.toString() })).toEqual({
      updated: [{ attendeeId: ayseId, response: 'accepted' }],
      unknown: [],
    });
    expect(seen).toEqual([
      { name: 'agenda.changed', payload: { calendarIds: [expect.any(String)], eventId: event.id } },
    ]);

    // Selin answers from an alias address; the code names her. A stranger on the same reply is reported.
    const selinCode = attendeeRows(event.id).find((r) => r.id === selinId)!.code;
    const reply = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//Mail//EN',
      'METHOD:REPLY',
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'DTSTAMP:20261101T120000Z',
      `ATTENDEE;PARTSTAT=DECLINED;X-KARTOTEK-CODE=${selinCode}:mailto:s.aksoy@firma.com.tr`,
      'ATTENDEE;PARTSTAT=TENTATIVE;CN=Bilinmeyen:mailto:stranger@example.org',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect(await call('agenda.applyReply', { ics: reply })).toEqual({
      updated: [{ attendeeId: selinId, response: 'declined' }],
      unknown: ['Bilinmeyen katılımcı: stranger@example.org («Bütçe toplantısı»)'],
    });

    const unknownEvent = reply.replace(`UID:${event.uid}`, 'UID:someone-elses-meeting@example.org');
    expect(await call('agenda.applyReply', { ics: unknownEvent })).toEqual({
      updated: [],
      unknown: ['Bilinmeyen etkinlik (UID someone-elses-meeting@example.org)'],
    });

    const rows = attendeeRows(event.id);
    expect(rows.map((r) => [r.name, r.response, r.respondedAt !== null])).toEqual([
      ['Ayşe Yılmaz', 'accepted', true],
      ['Selin Aksoy', 'declined', true],
    ]);
    expect(auditCount(ayseId)).toBe(2);

    // The mail scan calls the plain function; the same reply again changes nothing.
    const again = applyCalendarReply(currentApp().ctx.db, reply, actingStamp(currentApp().ctx));
    expect(again.changes).toEqual([]);
    expect(auditCount(selinId)).toBe(2);
  });

  it('refuses hostile replies with a clear message and changes nothing', async () => {
    const event = await newEvent();
    await add(event.id, [{ kind: 'external', name: 'Elif Şahin', email: 'elif@example.com' }]);
    const good = [
      'BEGIN:VCALENDAR',
      'METHOD:REPLY',
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:elif@example.com',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const refused = async (ics: string, message: RegExp) => {
      const error = await callError('agenda.applyReply', { ics });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
    };
    await refused(good.replace('METHOD:REPLY', 'METHOD:REPLY\u0000'), /NUL karakteri/);
    await refused('Merhaba, toplantıya geleceğim.', /BEGIN:VCALENDAR ile başlamıyor/);
    await refused('%PDF-1.7\n' + 'x'.repeat(1000), /BEGIN:VCALENDAR ile başlamıyor/);
    await refused(good.replace('METHOD:REPLY', 'METHOD:REQUEST'), /METHOD:REQUEST.*yalnız METHOD:REPLY/);
    await refused('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nbozuk satır\r\n', /okunamadı/);
    await refused('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n', /VEVENT\) yok/);
    // Over the contract's limit: refused before it is read.
    expect((await callError('agenda.applyReply', { ics: good + 'X'.repeat(1_000_001) })).code).toBe('INVALID_INPUT');
    // The plain function the mail scan calls has its own limit.
    expect(() =>
      applyCalendarReply(
        currentApp().ctx.db,
        good + '\r\n' + 'X-A:b\r\n'.repeat(200_000),
        actingStamp(currentApp().ctx),
      ),
    ).toThrow(/çok büyük/);
    expect(attendeeRows(event.id)[0]!.response).toBe('needs_action');
    // A BOM and blank lines in front (what some mail programs add) are fine.
    expect((await call('agenda.applyReply', { ics: '\uFEFF\r\n' + good })).updated).toHaveLength(1);
  });
});

describe('door check-in and walk-ins', () => {
  it('checks in by code, once; tells unknown codes and codes of other events apart; reads typed codes', async () => {
    const event = await newEvent();
    const other = await newEvent({ ...BUDGET, title: 'Genel kurul' });
    const [ayseId, canId] = (await add(event.id, [
      { kind: 'external', name: 'Ayşe Yılmaz', institutionName: 'Ödemiş Şeker' },
      { kind: 'external', name: 'Can Demir' },
    ])) as [string, string];
    await add(other.id, [{ kind: 'external', name: 'Deniz Kaya' }]);
    const [ayse, can] = [ayseId, canId].map((id) => attendeeRows(event.id).find((r) => r.id === id)!);
    const deniz = attendeeRows(other.id)[0]!;

    const seen = collectEvents();
    const first = await call('agenda.checkIn', { eventId: event.id, code: ayse!.code });
    expect(first).toMatchObject({
      result: 'checked_in',
      attendee: { id: ayseId, name: 'Ayşe Yılmaz', institutionName: 'Ödemiş Şeker', checkedInAt: expect.any(String) },
      otherEventTitle: null,
    });
    expect(seen).toHaveLength(1);
    const row = attendeeRows(event.id).find((r) => r.id === ayseId)!;
    expect(row.checkedInBy).toBe(currentApp().ctx.userId);

    const twice = await call('agenda.checkIn', { eventId: event.id, code: ayse!.code });
    expect(twice).toMatchObject({ result: 'already_checked_in', attendee: { checkedInAt: row.checkedInAt } });

    expect(await call('agenda.checkIn', { eventId: event.id, code: 'ZZZZZZZZ' })).toEqual({
      result: 'unknown_code',
      attendee: null,
      otherEventTitle: null,
    });
    expect(await call('agenda.checkIn', { eventId: event.id, code: deniz.code })).toEqual({
      result: 'other_event',
      attendee: null,
      otherEventTitle: 'Genel kurul',
    });
    expect(attendeeRows(other.id)[0]!.checkedInAt).toBeNull();
    expect(seen).toHaveLength(1);

    // Typed by hand, lower-case with a dash; a scanner's suffix and Enter.
    const typed = `${can!.code.slice(0, 4).toLowerCase()}-${can!.code.slice(4).toLowerCase()}`;
    expect((await call('agenda.checkIn', { eventId: event.id, code: typed })).result).toBe('checked_in');
    expect((await call('agenda.checkIn', { eventId: event.id, code: `${can!.code}\r\n` })).result).toBe(
      'already_checked_in',
    );
    expect((await callError('agenda.checkIn', { eventId: event.id, code: '   ' })).fields).toEqual({
      code: 'Kod gerekli',
    });
  });

  it('checks a series’ attendee in again on each day of the series, once a day (firm’s calendar)', async () => {
    const weekly = await newEvent({
      ...BUDGET,
      title: 'Haftalık eğitim',
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startsAt: '2026-11-03T10:00:00+03:00',
      endsAt: '2026-11-03T11:00:00+03:00',
    });
    await add(weekly.id, [{ kind: 'external', name: 'Elif Şahin' }]);
    const code = attendeeRows(weekly.id)[0]!.code;
    const ctx = currentApp().ctx;
    const checkInAt = async (iso: string) => {
      const answer = await dispatch({ ...ctx, now: () => new Date(iso) }, 'agenda.checkIn', {
        eventId: weekly.id,
        code,
      });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return (answer.value as { result: string }).result;
    };
    // Tuesday 3 November 09:55 and 10:20 Istanbul; Tuesday 10 November 00:10 Istanbul (21:10Z on the 9th).
    expect(await checkInAt('2026-11-03T06:55:00.000Z')).toBe('checked_in');
    expect(await checkInAt('2026-11-03T07:20:00.000Z')).toBe('already_checked_in');
    expect(await checkInAt('2026-11-09T21:10:00.000Z')).toBe('checked_in');
    expect(await checkInAt('2026-11-09T21:30:00.000Z')).toBe('already_checked_in');
    expect(attendeeRows(weekly.id)[0]!.checkedInAt).toBe('2026-11-09T21:10:00.000Z');
    // Each check-in is in the attendee's history.
    const id = attendeeRows(weekly.id)[0]!.id;
    const history = await call('audit.list', { entityId: id });
    expect(history.entries.map((e) => e.action)).toEqual(['update', 'update', 'create']);
  });

  it('records walk-ins: let in (checked in, with a code) or turned away; an invited card is not a walk-in', async () => {
    const ayse = await ayseYilmaz();
    const event = await newEvent();
    const allowed = await call('agenda.walkIn', {
      eventId: event.id,
      name: 'Burak Çelik',
      institutionName: 'Ege Lojistik',
      allowed: true,
    });
    expect(allowed).toMatchObject({
      kind: 'external',
      name: 'Burak Çelik',
      institutionName: 'Ege Lojistik',
      walkIn: 'allowed',
      checkedInAt: expect.any(String),
      response: 'needs_action',
    });
    expect(allowed.code).toMatch(CODE_PATTERN);
    expect((await call('agenda.checkIn', { eventId: event.id, code: allowed.code })).result).toBe('already_checked_in');

    const refused = await call('agenda.walkIn', { eventId: event.id, name: 'Davetsiz Misafir', allowed: false });
    expect(refused).toMatchObject({ walkIn: 'refused', checkedInAt: null });

    const fromCard = await call('agenda.walkIn', {
      eventId: event.id,
      cardId: ayse.id,
      name: 'Ayşe Yılmaz',
      allowed: true,
    });
    expect(fromCard).toMatchObject({
      kind: 'person',
      card: { id: ayse.id, displayName: 'Ayşe Yılmaz' },
      email: 'ayse.yilmaz@example.com',
      institutionName: 'Ödemiş Şeker Üretim A.Ş.',
      roleTitle: 'Genel Müdür',
      walkIn: 'allowed',
    });
    const again = await callError('agenda.walkIn', { eventId: event.id, cardId: ayse.id, name: 'Ayşe', allowed: true });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('katılımcı listesinde var') });
    expect(attendeeRows(event.id)).toHaveLength(3);
  });
});

/** The text of every page of a PDF, read back the way the document text extraction reads PDFs. */
async function pdfPages(base64: string): Promise<string[]> {
  const opened = await openPdf(Buffer.from(base64, 'base64'), undefined);
  if (!('doc' in opened)) throw new Error('the badge PDF is locked');
  const pages: string[] = [];
  for (let n = 1; n <= opened.doc.numPages; n++) {
    const content = await (await opened.doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await opened.doc.destroy();
  return pages;
}

describe('badges', () => {
  const PEOPLE = [
    ['Çağrı Işıkoğlu', 'Ödemiş Şeker Üretim A.Ş.', 'Genel Müdür Yardımcısı'],
    ['Zeynep Ünal', 'Güneydoğu İhracatçılar Birliği', 'Başkan'],
    ['Ahmet Şimşek', 'İstanbul Ticaret Odası', null],
    ['Cem Yıldız', null, 'Serbest Danışman'],
    ['İlker Güler', 'Öztürk Gıda', 'Satın Alma Müdürü'],
    ['Işıl Doğan', 'Çukurova Tekstil', 'Muhasebe'],
    ['Öykü Sarı', 'Karadeniz Fındık', 'Pazarlama'],
    ['Ümit Çalışkan', 'Ege Zeytin', null],
    ['Şule Aydın', 'Marmara Lojistik', 'Genel Müdür'],
    ['Gülşen Bozkurt-Karaağaçlıoğlu Ertuğrul', 'Trakya Birlik Kooperatifleri Merkez Müdürlüğü', 'Yönetim Kurulu Üyesi'],
    ['Burak Erdoğan', 'Anadolu Vakfı', 'Gönüllü'],
    ['Derya Koç', 'Bursa Otomotiv', 'Kalite Şefi'],
  ] as const;

  async function twelve() {
    const event = await newEvent();
    await add(
      event.id,
      PEOPLE.map(([name, institutionName, roleTitle]) => ({
        kind: 'external' as const,
        name,
        ...(institutionName ? { institutionName } : {}),
        ...(roleTitle ? { roleTitle } : {}),
      })),
    );
    return { event, rows: attendeeRows(event.id) };
  }

  it('prints 12 attendees on two A4 label sheets with name, institution and code, Turkish letters intact', async () => {
    const { event, rows } = await twelve();
    const pdf = await call('agenda.badges', { eventId: event.id, layout: 'a4_labels' });
    expect(pdf.fileName).toBe('yaka-kartlari-butce-toplantisi.pdf');
    const pages = await pdfPages(pdf.pdfBase64);
    expect(pages).toHaveLength(2);
    const text = pages.join('\n');
    expect(text).toContain('Çağrı Işıkoğlu');
    for (const row of rows) {
      expect(text).toContain(row.code);
      if (row.institutionName) expect(text).toContain(row.institutionName);
    }
    expect(text).toContain('Genel Müdür Yardımcısı');
    expect(text).toContain('Bütçe toplantısı · 24.11.2026 10:00');
    // Turkish alphabetical order (C < Ç, I < İ, O < Ö, S < Ş, U < Ü), ten to a sheet; each code is one text item.
    const printed = [...rows].sort((a, b) => text.indexOf(a.code) - text.indexOf(b.code)).map((r) => r.name);
    expect(printed).toEqual([
      'Ahmet Şimşek',
      'Burak Erdoğan',
      'Cem Yıldız',
      'Çağrı Işıkoğlu',
      'Derya Koç',
      'Gülşen Bozkurt-Karaağaçlıoğlu Ertuğrul',
      'Işıl Doğan',
      'İlker Güler',
      'Öykü Sarı',
      'Şule Aydın',
      'Ümit Çalışkan',
      'Zeynep Ünal',
    ]);
    expect(pages[1]).toContain('Ümit Çalışkan');
    expect(pages[1]).toContain('Zeynep Ünal');
  });

  it('prints one card a page, leaves out who declined unless asked for by id', async () => {
    const { event, rows } = await twelve();
    expect(
      await pdfPages((await call('agenda.badges', { eventId: event.id, layout: 'single_card' })).pdfBase64),
    ).toHaveLength(12);
    const cem = rows.find((r) => r.name === 'Cem Yıldız')!;
    await call('agenda.updateAttendee', { id: cem.id, response: 'declined' });
    const cards = await pdfPages((await call('agenda.badges', { eventId: event.id, layout: 'single_card' })).pdfBase64);
    expect(cards).toHaveLength(11);
    expect(cards.join('\n')).not.toContain('Cem Yıldız');
    const asked = await pdfPages(
      (await call('agenda.badges', { eventId: event.id, layout: 'single_card', attendeeIds: [cem.id] })).pdfBase64,
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Cem Yıldız');
    expect(asked[0]).toContain('Serbest Danışman');
    expect(asked[0]).toContain(cem.code);

    const empty = await newEvent({ ...BUDGET, title: 'Boş toplantı' });
    expect(await callError('agenda.badges', { eventId: empty.id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '«Boş toplantı» etkinliğinde yaka kartı basılacak katılımcı yok.',
    });
  });
});
