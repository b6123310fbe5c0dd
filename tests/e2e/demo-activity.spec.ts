import { expect, test } from '@playwright/test';
import { shot, useWebHost } from './web-host';

// The demo firm at work (`start:web --demo`, dated around the real today): a member of staff switched to at the
// desk finds their day filled, their agenda booked, their tasks, and the notes on the cards they look after.

const web = useWebHost(['--demo']);

interface Named {
  id: string;
  name: string;
}
interface PlannerDay {
  followUps: { description: string; noteTitle: string }[];
  tasks: { title: string }[];
  events: { title: string; holidayKind: string | null }[];
}

test('a demo staff member’s day, agenda, tasks and notes are filled', async ({ page }) => {
  const { users } = await web.call<{ users: Named[] }>('users.list', {});
  const selin = users.find((u) => u.name === 'Selin Aksoy')!;
  await web.call('users.switchTo', { id: selin.id });
  const day = await web.call<PlannerDay>('planner.today', {});
  expect(day.followUps.length).toBeGreaterThan(0);
  expect(day.tasks.length).toBeGreaterThan(0);

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/today`);
  await expect(page.getByTestId('planner-greeting')).toContainText('Selin');
  await expect(page.getByTestId('planner-follow-up')).toHaveCount(day.followUps.length);
  await expect(page.getByTestId('planner-task')).toHaveCount(day.tasks.length);
  await expect(page.getByTestId('planner-task').first()).toContainText(day.tasks[0]!.title);
  if (day.events.length > 0) await expect(page.getByTestId('planner-event').first()).toBeVisible();
  await shot(page, 'demo-planner-selin', true);

  await page.goto(`${web.host().origin}/#/agenda?view=timeGridWeek`);
  await expect(page.locator('.fc-event').first()).toBeVisible();
  expect(await page.locator('.fc-event').count()).toBeGreaterThan(5);
  await shot(page, 'demo-agenda-week');

  await page.goto(`${web.host().origin}/#/tasks`);
  await expect(page.getByText(day.tasks[0]!.title).first()).toBeVisible();
  await shot(page, 'demo-tasks');

  // A card Selin's colleague wrote about: the note reads as typed, with its follow-up.
  const { notes } = await web.call<{ notes: { id: string; title: string; cards: { id: string; type: string }[] }[] }>(
    'notes.list',
    { limit: 50 },
  );
  const note = notes.find((n) => n.cards.some((c) => c.type === 'person'))!;
  const person = note.cards.find((c) => c.type === 'person')!;
  await page.goto(`${web.host().origin}/#/persons/${person.id}?tab=notes`);
  await expect(page.getByText(note.title).first()).toBeVisible();
  await shot(page, 'demo-person-notes');

  await page.goto(`${web.host().origin}/#/notes/team`);
  await expect(page.getByRole('heading', { name: 'Ekibimin notları' })).toBeVisible();
  await shot(page, 'demo-team-notes');

  // The demo's mailbox: customers' mail on their cards, strangers waiting unfiled, an answer in its thread.
  const { rows: mails } = await web.call<{ rows: { id: string; subject: string; direction: string }[] }>('mail.list', {
    limit: 100,
  });
  expect(mails.length).toBeGreaterThan(50);
  const answered = mails.find((m) => m.direction === 'in' && mails.some((o) => o.subject === `Ynt: ${m.subject}`))!;
  await page.goto(`${web.host().origin}/#/mail?open=${answered.id}`);
  await expect(page.getByTestId('mail-row').first()).toBeVisible();
  expect(await page.getByTestId('mail-row').count()).toBeGreaterThan(10);
  await expect(page.getByText(answered.subject).first()).toBeVisible();
  await shot(page, 'demo-mail');
});
