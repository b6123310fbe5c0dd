import { expect, test } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface Ref {
  id: string;
}
interface NoteWithFollowUps extends Ref {
  followUps: Ref[];
}

/** Now in Istanbul (the firm's zone): today's date and the clock a minute ago, HH:MM. */
function istanbulNow(minutesAgo = 0) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Istanbul',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const daysAgoIso = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

test('the planner: a due follow-up and task, snooze, the bell, settings, and another user at the desk', async ({
  page,
}) => {
  const me = await web.call<Ref & { name: string }>('users.me', {});
  const selin = await web.call<Ref>('users.create', { name: 'Selin Çelik', role: 'staff', managerId: me.id });
  const { date: today, time: aMinuteAgo } = istanbulNow(1);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  const ayse = await web.call<Ref>('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    // Her birthday is today (some years ago).
    birthDate: `${Number(today.slice(0, 4)) - 41}${today.slice(4)}`,
  });
  const firm = await web.call<Ref>('cards.createInstitution', { title: 'Kuruçeşme Lojistik A.Ş.' });
  const noteWith = (title: string, followUp: object | null, cardIds: string[], happenedAt = daysAgoIso(2)) =>
    web.call<NoteWithFollowUps>('notes.create', { title, happenedAt, cardIds, followUp });
  await noteWith(
    'Yıllık sözleşme yenileme',
    // Due yesterday: overdue; its reminder, written after its time, is delivered at once.
    {
      description: 'Revize teklifi gönder',
      dueDate: yesterday,
      dueTime: '09:00',
      assigneeIds: [me.id],
      confirmPast: true,
    },
    [ayse.id, firm.id],
  );
  // Met long ago and not since: a quiet card.
  const quiet = await web.call<Ref>('cards.createPerson', { firstName: 'Kemal', lastName: 'Sessiz' });
  await noteWith('Fuar tanışması', null, [quiet.id], daysAgoIso(75));
  // The task's reminder is due a minute ago: the reminder job delivers it at once.
  await web.call('tasks.create', {
    title: 'Aylık satış raporu',
    dueDate: today,
    dueTime: aMinuteAgo,
    assigneeIds: [me.id],
    priority: 'high',
    cardIds: [firm.id],
  });
  await web.call('tasks.create', { title: 'Selin’in müşteri listesi', dueDate: today, assigneeIds: [selin.id] });
  // Today's meetings: one on my own calendar, one I organise on a shared one.
  const own = await web.call<Ref>('agenda.saveCalendar', { name: 'Yönetici', kind: 'personal', color: '#e64980' });
  const sales = await web.call<Ref>('agenda.saveCalendar', { name: 'Satış', kind: 'general', color: '#1c7ed6' });
  await web.call('agenda.saveEvent', {
    calendarId: sales.id,
    title: 'Haftalık satış toplantısı',
    location: 'Toplantı Odası 1',
    startsAt: `${today}T09:30:00+03:00`,
    endsAt: `${today}T10:30:00+03:00`,
  });
  await web.call('agenda.saveEvent', {
    calendarId: own.id,
    title: 'Diş hekimi',
    startsAt: `${today}T17:00:00+03:00`,
    endsAt: `${today}T18:00:00+03:00`,
  });
  // Selin writes a note at this desk: her manager's unread team note.
  await web.call('users.switchTo', { id: selin.id });
  await noteWith('Selin’in fuar görüşmesi', null, [firm.id], daysAgoIso(0.1));
  await web.call('users.switchTo', { id: me.id });

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/today`);
  await expect(page.getByTestId('planner-greeting')).toContainText('Yönetici');
  const followUps = page.getByTestId('planner-follow-up');
  await expect(followUps).toHaveCount(1);
  await expect(followUps.first()).toContainText('Revize teklifi gönder');
  await expect(followUps.first()).toContainText('Ayşe Yılmaz');
  await expect(followUps.first().getByTestId('due-label')).toHaveText(/1 gün gecikti/);
  await expect(followUps.first().getByTestId('due-label')).toHaveAttribute('data-overdue', 'true');
  const tasks = page.getByTestId('planner-task');
  await expect(tasks).toHaveCount(1);
  await expect(tasks.first()).toContainText('Aylık satış raporu');
  await expect(page.getByTestId('planner-event')).toHaveText([
    /09:30.10:30Haftalık satış toplantısı/,
    /17:00.18:00Diş hekimi/,
  ]);
  await expect(page.getByTestId('planner-birthday')).toContainText('Ayşe Yılmaz');
  await expect(page.getByTestId('planner-birthday')).toContainText('41 yaşına giriyor');
  await expect(page.getByTestId('planner-quiet-card')).toContainText('Kemal Sessiz');
  await expect(page.getByTestId('planner-team-note')).toContainText('Selin’in fuar görüşmesi');
  // The bell already has both reminders and Selin's note as news.
  await expect(page.getByTestId('bell-count')).toContainText('3');
  await shot(page, 'planner-today', true);

  // A task falling due while the screen is open: a toast, and one more on the bell.
  await web.call('tasks.create', {
    title: 'Kargo takibini ara',
    dueDate: today,
    dueTime: aMinuteAgo,
    assigneeIds: [me.id],
  });
  await expect(page.getByTestId('notification-toast').filter({ hasText: 'Kargo takibini ara' })).toBeVisible();
  await expect(page.getByTestId('bell-count')).toContainText('4');
  await expect(tasks).toHaveCount(2);

  // Snooze the follow-up to tomorrow: it leaves today's list.
  await followUps.first().getByRole('button', { name: 'Ertele' }).click();
  await page.getByRole('menuitem', { name: 'Yarın' }).click();
  await expect(page.getByText(/tarihine ertelendi/)).toBeVisible();
  await expect(followUps).toHaveCount(0);
  await expect(page.getByTestId('planner-follow-ups-empty')).toBeVisible();
  // Tomorrow's plan has it.
  await page.getByRole('button', { name: 'Sonraki gün' }).click();
  await expect(followUps).toHaveCount(1);
  await page.getByTestId('planner-today').click();
  await expect(followUps).toHaveCount(0);

  // The bell: newest first, click opens the task and marks it read.
  await page.getByTestId('bell').click();
  const items = page.getByTestId('bell-item');
  await expect(items.filter({ hasText: 'Aylık satış raporu' })).toContainText('Görev zamanı');
  // The follow-up's reminder was written after its time (a past date, confirmed): shown at once, not as missed.
  await expect(items.filter({ hasText: 'Revize teklifi gönder' })).toContainText('Takip zamanı');
  await expect(items.filter({ hasText: 'Revize teklifi gönder' })).not.toContainText('kaçırılan');
  await page.waitForTimeout(300); // the popover's opening transition, for the screenshot
  await shot(page, 'planner-bell');
  await items.filter({ hasText: 'Aylık satış raporu' }).click();
  await expect(page).toHaveURL(/#\/tasks\//);
  await expect(page.getByTestId('bell-count')).toContainText('3');
  await page.getByTestId('bell').click();
  await page.getByRole('button', { name: 'Tümünü okundu say' }).click();
  await expect(page.getByTestId('bell-count').locator('.mantine-Indicator-indicator')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Settings: my no-contact days (and, as an admin, the firm's clock).
  await page.goto(`${web.host().origin}/#/today`);
  await page.getByTestId('planner-settings').click();
  const dialog = page.getByRole('dialog', { name: 'Planlayıcı ayarları' });
  await expect(dialog.getByTestId('settings-time-zone')).toHaveValue('Europe/Istanbul');
  await expect(dialog.getByTestId('settings-workday-start').locator('input[type=hidden]')).toHaveValue(/^09:00/);
  await dialog.getByTestId('settings-no-contact-days').fill('90');
  await shot(page, 'planner-settings');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('planner-quiet')).toContainText('Uzun süredir görüşülmeyenler (90 gün)');
  await expect(page.getByTestId('planner-quiet-card')).toHaveCount(0);

  // Another user takes the desk: the planner is hers now.
  await page.getByTestId('user-switcher').click();
  await page.getByRole('menuitem', { name: /Selin Çelik/ }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Selin Çelik');
  await expect(page.getByTestId('planner-greeting')).toContainText('Selin Çelik');
  await expect(tasks).toHaveCount(1);
  await expect(tasks.first()).toContainText('Selin’in müşteri listesi');
  await expect(page.getByTestId('planner-team-notes')).toHaveCount(0);
  // Staff see the firm's clock but cannot change it.
  await page.getByTestId('planner-settings').click();
  await expect(page.getByRole('dialog', { name: 'Planlayıcı ayarları' }).getByTestId('settings-time-zone')).toHaveCount(
    0,
  );
  await page.keyboard.press('Escape');
  await shot(page, 'planner-other-user');
});
