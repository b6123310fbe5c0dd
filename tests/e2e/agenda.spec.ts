import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface Calendar {
  id: string;
  name: string;
}
interface Attendee {
  id: string;
  name: string;
  code: string;
}
interface AgendaEvent {
  id: string;
  title: string;
  attendees: Attendee[];
}

/** A Tuesday with no holiday near it, so the week is plain office days. */
const DAY = '2030-03-12';

/** The text of every page of a PDF, read with pdfjs (the legacy build runs in Node). */
async function pdfText(path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(fs.readFileSync(path)),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
  }
  await doc.destroy();
  return text;
}

/** Drags over the week view's slots of a day, from one half hour to another (both included, either way): a booking. */
async function selectSlot(page: Page, date: string, from: string, to: string) {
  // Not while the week's events are still coming: a redraw would end the drag halfway.
  await expect(page.getByTestId('agenda-calendar')).not.toHaveAttribute('data-loading');
  const column = await page.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const first = await page.locator(`.fc-timegrid-slot-lane[data-time="${from}:00"]`).boundingBox();
  const last = await page.locator(`.fc-timegrid-slot-lane[data-time="${to}:00"]`).boundingBox();
  if (!column || !first || !last) throw new Error('the week view is not on screen');
  const x = column.x + column.width / 2;
  await page.mouse.move(x, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(x, last.y + last.height / 2, { steps: 6 });
  await page.mouse.up();
}

/** Drags a drawn event by its middle so its start lands on another half hour of the same day. */
async function dragEvent(page: Page, title: string, date: string, toTime: string) {
  await expect(page.getByTestId('agenda-calendar')).not.toHaveAttribute('data-loading');
  const event = await page.locator('.fc-timegrid-event', { hasText: title }).boundingBox();
  const column = await page.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const target = await page.locator(`.fc-timegrid-slot-lane[data-time="${toTime}:00"]`).boundingBox();
  if (!event || !column || !target) throw new Error('the event is not on screen');
  // Grab the event a few pixels below its top edge and let go over the target slot's top.
  const grab = { x: event.x + event.width / 2, y: event.y + 6 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x, grab.y + 10, { steps: 3 });
  await page.mouse.move(column.x + column.width / 2, target.y + 6, { steps: 10 });
  await page.mouse.up();
}

test('book a room, see the overlap refused naming the holder, invite three, print badges, check one in at the door', async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const [firstName, lastName] of [
    ['Ayşe', 'Yılmaz'],
    ['Çağrı', 'Öztürk'],
    ['İlkay', 'Şahin'],
  ])
    await web.call('cards.createPerson', { firstName, lastName });

  // The room is made on the calendars page, as an office worker would.
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/settings/calendars`);
  await page.getByTestId('calendar-new').click();
  const calendarForm = page.getByRole('dialog', { name: 'Yeni takvim' });
  await calendarForm.getByTestId('calendar-name').fill('Toplantı Odası 1');
  await expect(calendarForm.getByTestId('calendar-kind')).toHaveValue('Toplantı odası');
  await expect(calendarForm.getByText('aynı saate ikinci bir kayıt yapılamaz')).toBeVisible();
  await calendarForm.getByRole('button', { name: '#2f9e44' }).click();
  await calendarForm.getByTestId('calendar-save').click();
  await expect(calendarForm).toBeHidden();
  await expect(page.getByTestId('calendar-admin-row')).toHaveCount(1);
  await expect(page.getByTestId('calendar-admin-row')).toContainText('Toplantı Odası 1');

  // Booking: drag over 10:00–11:00 in the week view; the only bookable calendar on screen is filled in.
  await page.goto(`${web.host().origin}/#/agenda?date=${DAY}&view=timeGridWeek`);
  await expect(page.getByTestId('calendar-row')).toHaveCount(1);
  await selectSlot(page, DAY, '10:00', '10:30');
  let form = page.getByRole('dialog', { name: 'Yeni etkinlik' });
  await expect(form).toBeVisible();
  await expect(form.getByTestId('event-calendar')).toHaveValue('Toplantı Odası 1');
  await expect(form.getByTestId('event-start-time').locator('input[type=hidden]')).toHaveValue(/^10:00/);
  await expect(form.getByTestId('event-end-time').locator('input[type=hidden]')).toHaveValue(/^11:00/);
  await form.getByTestId('event-title').fill('Bütçe toplantısı');
  await form.getByTestId('event-save').click();
  await expect(form).toBeHidden();
  const booked = page.locator('.fc-timegrid-event', { hasText: 'Bütçe toplantısı' });
  await expect(booked).toBeVisible();
  await expect(booked).toContainText('10:00');

  // An overlapping booking (10:30–11:30) is refused in the form, naming the booking and who holds it. The drag
  // starts in the free 11:00 slot and goes up (a drag starting on the booking would move it).
  await selectSlot(page, DAY, '11:00', '10:30');
  form = page.getByRole('dialog', { name: 'Yeni etkinlik' });
  await form.getByTestId('event-title').fill('Satış sunumu');
  await form.getByTestId('event-save').click();
  const refusal = form.getByTestId('event-refusal');
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('Toplantı Odası 1');
  await expect(refusal).toContainText('Bütçe toplantısı');
  await expect(refusal).toContainText('Yönetici');
  await shot(page, 'agenda-conflict');
  await form.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(page.locator('.fc-timegrid-event', { hasText: 'Satış sunumu' })).toHaveCount(0);

  // Three persons from the cards, chosen in one go by typing (folded: "cagri" finds Çağrı).
  await booked.click();
  await expect(page.getByTestId('event-title-view')).toHaveText('Bütçe toplantısı');
  await expect(page.getByTestId('event-when')).toContainText('10:00');
  await page.getByTestId('add-attendees').click();
  const adding = page.getByRole('dialog', { name: 'Katılımcı ekle' });
  const persons = adding.getByTestId('attendee-persons');
  for (const [typed, name] of [
    ['ayse', 'Ayşe Yılmaz'],
    ['cagri', 'Çağrı Öztürk'],
    ['ilkay', 'İlkay Şahin'],
  ] as const) {
    await persons.fill(typed);
    await page.getByRole('option', { name }).click();
  }
  await persons.blur();
  await adding.getByTestId('attendees-submit').click();
  await expect(adding).toBeHidden();
  const rows = page.getByTestId('attendee-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('attendee-counts')).toContainText('3 kişi');

  // The invitation of one: QR code and code shown, marked as invited by hand.
  await rows.filter({ hasText: 'Ayşe Yılmaz' }).getByTestId('attendee-invitation').click();
  const invitation = page.getByRole('dialog', { name: 'Davetiye: Ayşe Yılmaz' });
  await expect(invitation.getByRole('img')).toBeVisible();
  await page.waitForTimeout(400); // the dialog's fade-in, for the picture
  await shot(page, 'agenda-invitation');
  await invitation.getByTestId('mark-invited').click();
  await expect(rows.filter({ hasText: 'Ayşe Yılmaz' })).toContainText('elden');
  await page.keyboard.press('Escape');
  await expect(invitation).toBeHidden();
  await page.waitForTimeout(400); // the dialog's fade-out, for the picture
  await shot(page, 'agenda-event-page');

  // Badges: a PDF with the three names as written (Turkish letters intact).
  const download = page.waitForEvent('download');
  await page.getByTestId('print-badges').click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const text = await pdfText(await pdf.path());
  for (const name of ['Ayşe Yılmaz', 'Çağrı Öztürk', 'İlkay Şahin']) expect(text).toContain(name);

  // The door: the code typed (as a barcode scanner does) lets Ayşe in, at once.
  const eventId = page.url().split('/agenda/events/')[1]!.split(/[?/]/)[0];
  const { attendees } = await web.call<AgendaEvent>('agenda.getEvent', { id: eventId });
  const ayse = attendees.find((a) => a.name === 'Ayşe Yılmaz')!;
  await page.getByTestId('open-check-in').click();
  const code = page.getByTestId('check-in-code');
  await expect(code).toBeFocused();
  await expect(page.getByTestId('check-in-counter')).toHaveText('Giriş: 0 / 3');
  await page.keyboard.type(ayse.code);
  const pressed = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('door-headline')).toHaveText('Hoş geldiniz, Ayşe Yılmaz');
  expect(Date.now() - pressed).toBeLessThan(1000);
  await expect(page.getByTestId('door-result')).toHaveAttribute('data-kind', 'welcome');
  await expect(page.getByTestId('check-in-counter')).toHaveText('Giriş: 1 / 3');
  await expect(code).toBeFocused();
  await shot(page, 'agenda-check-in-welcome');

  // An unknown code is red; the same person again is amber with the time they came in.
  await page.keyboard.type('ZZZZ-9999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('door-headline')).toHaveText('Kod tanınmadı');
  await expect(page.getByTestId('door-result')).toHaveAttribute('data-kind', 'unknown');
  await shot(page, 'agenda-check-in-unknown');
  await page.keyboard.type(ayse.code);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('door-headline')).toHaveText(/^Zaten giriş yaptı \d{2}:\d{2}$/);

  // Someone with no invitation: written down and let in on the same screen.
  await page.getByTestId('walk-in-name').fill('Hakan Çelik');
  await page.getByTestId('walk-in-institution').fill('Deniz Lojistik');
  await page.getByTestId('walk-in-allow').click();
  await expect(page.getByTestId('door-headline')).toHaveText('Hoş geldiniz, Hakan Çelik');
  await expect(page.getByTestId('door-detail')).toHaveText('Deniz Lojistik');
  await expect(page.getByTestId('check-in-counter')).toHaveText('Giriş: 2 / 4');
  await expect(code).toBeFocused();
});

test('a drag onto a taken slot is put back with the holder named; the agenda, event, door and calendars pages', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const room = await web.call<Calendar>('agenda.saveCalendar', {
    name: 'Büyük Salon',
    kind: 'room',
    color: '#e8590c',
  });
  const team = await web.call<Calendar>('agenda.saveCalendar', {
    name: 'Satış Ekibi',
    kind: 'general',
    color: '#5f3dc4',
  });
  await web.call('agenda.saveCalendar', { name: 'Şirket Aracı 34 KRT 12', kind: 'vehicle', color: '#0c8599' });
  await web.call('agenda.saveCalendar', { name: 'Resmî tatiller', kind: 'holiday', color: '#c2255c' });
  const at = (day: string, time: string) => `${day}T${time}:00+03:00`;
  const busy = await web.call<AgendaEvent>('agenda.saveEvent', {
    calendarId: room.id,
    title: 'Yönetim kurulu',
    startsAt: at('2030-03-13', '14:00'),
    endsAt: at('2030-03-13', '16:00'),
    location: 'Büyük Salon',
  });
  await web.call('agenda.saveEvent', {
    calendarId: room.id,
    title: 'Eğitim: Yeni ERP',
    startsAt: at('2030-03-13', '09:30'),
    endsAt: at('2030-03-13', '11:00'),
  });
  await web.call('agenda.saveEvent', {
    calendarId: team.id,
    title: 'Haftalık satış toplantısı',
    startsAt: at('2030-03-11', '09:00'),
    endsAt: at('2030-03-11', '10:00'),
    rrule: 'FREQ=WEEKLY;BYDAY=MO',
  });
  await web.call('agenda.saveEvent', {
    calendarId: team.id,
    title: 'Müşteri ziyareti: Çağrı Lojistik',
    startsAt: at('2030-03-14', '13:00'),
    endsAt: at('2030-03-14', '15:30'),
    location: 'Tuzla',
  });
  await web.call('agenda.saveEvent', {
    calendarId: team.id,
    title: 'Fuar hazırlığı',
    allDay: true,
    startsAt: '2030-03-20',
    endsAt: '2030-03-23',
  });
  const ayse = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Ayşe', lastName: 'Yılmaz' });
  await web.call('agenda.addAttendees', {
    eventId: busy.id,
    attendees: [
      { kind: 'person', cardId: ayse.id },
      { kind: 'external', name: 'Mehmet Kaya', institutionName: 'Kaya Danışmanlık', email: 'mehmet@kaya.com.tr' },
    ],
  });

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/agenda?date=2030-03-13&view=timeGridWeek`);
  // The first test's room is on this desk too (one web host per file).
  for (const name of ['Büyük Salon', 'Satış Ekibi', 'Şirket Aracı 34 KRT 12', 'Resmî tatiller'])
    await expect(page.getByTestId('calendar-row').filter({ hasText: name })).toBeVisible();
  const training = page.locator('.fc-timegrid-event', { hasText: 'Eğitim: Yeni ERP' });
  await expect(training).toBeVisible();
  await shot(page, 'agenda-week');

  // Dragged onto the board meeting: refused, put back at 09:30, and the red notice names the holder.
  await dragEvent(page, 'Eğitim: Yeni ERP', '2030-03-13', '14:30');
  const notice = page.locator('.mantine-Notification-root', { hasText: 'Yönetim kurulu' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Yönetici');
  await expect(training).toContainText('09:30');
  await shot(page, 'agenda-drag-refused');

  // Month view, both calendars over each other; then the room alone ("Yalnız bu"), remembered after a reload.
  await page.getByRole('button', { name: 'Ay', exact: true }).click();
  await expect(page.locator('.fc-daygrid-event', { hasText: 'Haftalık satış toplantısı' }).first()).toBeVisible();
  await expect(page.locator('.fc-daygrid-event', { hasText: 'Yönetim kurulu' })).toBeVisible();
  await shot(page, 'agenda-month-overlay');
  // "Yalnız bu" shows next to the calendar under the pointer.
  await page.getByTestId('calendar-row').filter({ hasText: 'Büyük Salon' }).hover();
  await page.getByRole('button', { name: 'Yalnız Büyük Salon takvimini göster' }).click();
  await expect(page.locator('.fc-daygrid-event', { hasText: 'Haftalık satış toplantısı' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.fc-event', { hasText: 'Yönetim kurulu' })).toBeVisible();
  await expect(page.locator('.fc-event', { hasText: 'Haftalık satış toplantısı' })).toHaveCount(0);
  await page.getByTestId('calendars-show-all').click();
  await expect(page.locator('.fc-event', { hasText: 'Haftalık satış toplantısı' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Ay', exact: true }).click();

  // A religious holiday: tinted days with the holiday named, the eve's afternoon too.
  const { holidays } = await web.call<{ holidays: { date: string; name: string }[] }>('agenda.holidays', {
    year: 2030,
  });
  const feast = holidays.find((h) => h.name.startsWith('Kurban Bayramı'))!;
  await page.goto(`${web.host().origin}/#/agenda?date=${feast.date}&view=timeGridWeek`);
  await expect(page.locator('.fc-event', { hasText: feast.name }).first()).toBeVisible();
  await shot(page, 'agenda-holiday-week');

  await page.getByRole('button', { name: 'Tümü' }).click();
  await expect(page.locator('.fc-list-event', { hasText: 'Fuar hazırlığı' }).first()).toBeVisible();
  await shot(page, 'agenda-list');

  // .ics out and back in: the shown calendars as one file; into the team calendar, its own events are skipped.
  const exported = page.waitForEvent('download');
  await page.getByTestId('ics-export').click();
  const icsPath = await (await exported).path();
  const ics = fs.readFileSync(icsPath, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('Yönetim kurulu');
  await page.getByTestId('ics-import').click();
  const importing = page.getByRole('dialog', { name: 'Takvim dosyası içe aktar (.ics)' });
  await importing.getByRole('textbox', { name: 'Hangi takvime' }).click();
  await page.getByRole('option', { name: 'Satış Ekibi' }).click();
  const chooser = page.waitForEvent('filechooser');
  await importing.getByTestId('ics-file').click();
  await (await chooser).setFiles({ name: 'ajanda.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await importing.getByTestId('ics-run').click();
  await expect(importing.getByTestId('ics-report')).toContainText('atlandı');
  await page.waitForTimeout(400); // the dialog's fade-in, for the picture
  await shot(page, 'agenda-ics-report');
  await importing.getByRole('button', { name: 'Kapat' }).click();

  await page.goto(`${web.host().origin}/#/agenda/events/${busy.id}`);
  await expect(page.getByTestId('attendee-row')).toHaveCount(2);
  // A file for the meeting, opened as a document.
  const fileChooser = page.waitForEvent('filechooser');
  await page.getByTestId('event-attach').click();
  await (
    await fileChooser
  ).setFiles({ name: 'gündem.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Bütçe\n2. Yatırımlar') });
  await expect(page.getByTestId('event-files').getByRole('link', { name: 'gündem.txt' })).toBeVisible();
  await shot(page, 'agenda-event-tour', true);

  // One instance of the weekly series: edit asks "only this / whole series"; deleting only it leaves the others.
  await page.goto(`${web.host().origin}/#/agenda?date=2030-03-18&view=timeGridWeek`);
  await page.locator('.fc-timegrid-event', { hasText: 'Haftalık satış toplantısı' }).click();
  await expect(page.getByTestId('event-when')).toContainText('18 Mart 2030');
  await page.getByTestId('event-edit').click();
  await page.getByTestId('series-one').click();
  await expect(page.getByRole('dialog', { name: 'Bu tekrarı düzenle' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Bu tekrarı düzenle' }).getByRole('button', { name: 'Vazgeç' }).click();
  await page.getByTestId('event-delete').click();
  await page.getByTestId('series-one').click();
  await page.getByRole('dialog', { name: 'Etkinliği sil' }).getByRole('button', { name: 'Sil' }).click();
  await expect(page).toHaveURL(/#\/agenda\?date=2030-03-18/);
  await expect(page.locator('.fc-timegrid-event', { hasText: 'Haftalık satış toplantısı' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Önceki' }).or(page.locator('.fc-prev-button')).first().click();
  await expect(page.locator('.fc-timegrid-event', { hasText: 'Haftalık satış toplantısı' })).toHaveCount(1);

  await page.goto(`${web.host().origin}/#/agenda/events/${busy.id}/check-in`);
  await expect(page.getByTestId('check-in-counter')).toHaveText('Giriş: 0 / 2');
  await shot(page, 'agenda-check-in');

  await page.goto(`${web.host().origin}/#/settings/calendars`);
  await expect(page.getByTestId('calendar-admin-row')).toHaveCount(5);
  await shot(page, 'agenda-calendars-admin');
  await page.getByRole('button', { name: 'Büyük Salon takvimini düzenle' }).click();
  await expect(page.getByRole('dialog', { name: 'Takvimi düzenle' })).toBeVisible();
  await page.waitForTimeout(400); // the dialog's fade-in, for the picture
  await shot(page, 'agenda-calendar-form');
  await page.keyboard.press('Escape');

  // The English UI: FullCalendar's words and dates follow.
  await page.goto(`${web.host().origin}/#/agenda?date=2030-03-13&view=timeGridWeek`);
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toBeVisible();
  await expect(page.locator('.fc-timegrid-event', { hasText: 'Yönetim kurulu' }).first()).toContainText('14:00');
  await shot(page, 'agenda-week-english');
});
