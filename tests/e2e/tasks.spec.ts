import { expect, test, type Page } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface TaskOut {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  checklist: { text: string; done: boolean }[];
  comments: { body: string }[];
  nextOccurrences: string[];
}

/** A calendar day `days` from today in Istanbul, as YYYY-MM-DD and as typed in the form (GG.AA.YYYY). */
function dayFromToday(days: number): { iso: string; typed: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
  const iso = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { iso, typed: iso.split('-').reverse().join('.') };
}

async function openApp(page: Page, hash: string) {
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#${hash}`);
}

test('a task with a checklist on a card: ticked, commented, moved on the board by drag and by menu', async ({
  page,
}) => {
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
  await web.call('users.create', { name: 'İlker Özkan', role: 'staff' });
  const due = dayFromToday(7);
  await openApp(page, `/persons/${person.id}?tab=tasks`);
  await expect(page.getByTestId('card-title')).toHaveText('Şule Güneş');

  // "Görev ekle" on the card's Görevler tab starts a task about this card, for the user at the desk.
  await page.getByTestId('card-new-task').click();
  const editor = page.getByRole('dialog', { name: 'Yeni görev' });
  await expect(editor).toBeVisible();
  await expect(editor.getByText('Şule Güneş')).toBeVisible();
  await expect(editor.getByTestId('task-assignees')).toBeVisible();
  await expect(editor.getByText('Yönetici')).toBeVisible();
  await editor.getByLabel('Başlık').fill('Numuneleri gönder');
  await editor.getByLabel('Açıklama').fill('Kumaş numuneleri kargoyla gidecek.');
  await editor.getByTestId('task-assignees').click();
  await page.getByRole('option', { name: 'İlker Özkan' }).click();
  await editor.getByLabel('Son tarih').fill(due.typed);
  await editor.getByLabel('Son tarih').press('Tab');
  await editor.getByText('Yüksek').click();
  for (const line of ['Numuneleri paketle', 'Kargo fişini kes']) {
    await editor.getByTestId('task-draft-input').fill(line);
    await editor.getByTestId('task-draft-input').press('Enter');
  }
  await expect(editor.getByTestId('task-draft-line')).toHaveCount(2);
  await shot(page, 'task-form');
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByText('Görev kaydedildi.')).toBeVisible();

  const row = page.getByTestId('tasks-panel').getByTestId('task-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Numuneleri gönder');
  await expect(row).toContainText('Yüksek');
  await expect(row).toContainText('İlker Özkan');
  await expect(row.getByTestId('task-checklist-progress')).toHaveText('0/2');

  // The task page: tick a line and write a comment.
  await row.getByRole('button', { name: 'Numuneleri gönder', exact: true }).click();
  await expect(page.getByTestId('task-title')).toHaveText('Numuneleri gönder');
  await page.getByTestId('task-checklist').getByRole('checkbox', { name: 'Numuneleri paketle' }).check();
  await expect(page.getByTestId('task-checklist')).toContainText('1/2');
  await page.getByTestId('task-comment-input').fill('Aras Kargo yarın alacak.');
  await page.getByTestId('task-comment-add').click();
  await expect(page.getByTestId('task-comment')).toContainText('Aras Kargo yarın alacak.');
  await expect(page.getByTestId('task-card-link')).toHaveText('Şule Güneş');
  await shot(page, 'task-page', true);
  await page.getByRole('link', { name: 'Karta dön' }).click();
  await expect(page.getByTestId('tasks-panel').getByTestId('task-checklist-progress')).toHaveText('1/2');

  // The list of my tasks, then the board: drag the card to "Sürüyor", then the menu moves it to "Bekliyor".
  await page.getByRole('link', { name: 'Görevler' }).first().click();
  await expect(page).toHaveURL(/#\/tasks/);
  await expect(page.getByTestId('task-list').getByTestId('task-row')).toContainText('Numuneleri gönder');
  await shot(page, 'task-list');
  await page.getByTestId('task-layout').locator('label', { hasText: 'Pano' }).click();
  const card = page.getByTestId('board-card').filter({ hasText: 'Numuneleri gönder' });
  await expect(page.getByTestId('board-column-todo').getByTestId('board-card')).toHaveCount(1);
  await card.dragTo(page.getByTestId('board-column-in_progress'));
  await expect(page.getByTestId('board-column-in_progress').getByTestId('board-card')).toContainText(
    'Numuneleri gönder',
  );
  await expect(page.getByTestId('board-column-todo').getByTestId('board-card')).toHaveCount(0);

  const moved = page.getByTestId('board-column-in_progress').getByTestId('board-card');
  await moved.getByTestId('task-actions').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Bekliyor' }).click();
  await expect(page.getByTestId('board-column-waiting').getByTestId('board-card')).toContainText('Numuneleri gönder');
  await shot(page, 'task-board');

  const { tasks } = await web.call<{ tasks: { id: string }[] }>('tasks.list', { view: 'all' });
  const saved = await web.call<TaskOut>('tasks.get', { id: tasks[0]!.id });
  expect(saved).toMatchObject({
    status: 'waiting',
    dueDate: due.iso,
    checklist: [
      { text: 'Numuneleri paketle', done: true },
      { text: 'Kargo fişini kes', done: false },
    ],
    comments: [{ body: 'Aras Kargo yarın alacak.' }],
  });
});

test('a recurring task: the preset shows its next dates; completing it brings the next occurrence', async ({
  page,
}) => {
  const due = dayFromToday(3);
  await openApp(page, '/tasks');
  await page.getByTestId('new-task').click();
  const editor = page.getByRole('dialog', { name: 'Yeni görev' });
  await editor.getByLabel('Başlık').fill('Aylık stok sayımı');
  await editor.getByLabel('Son tarih').fill(due.typed);
  await editor.getByLabel('Son tarih').press('Tab');
  await editor.getByTestId('task-recurrence').click();
  await page.getByRole('option', { name: 'Her ayın ilk Pazartesi' }).click();
  await expect(editor.getByTestId('task-recurrence-preview')).toContainText('Sonraki tarihler:');
  await expect(editor.getByTestId('task-recurrence-preview')).toContainText('Pzt');
  await shot(page, 'task-form-recurrence');
  await editor.getByTestId('task-save').click();
  await expect(editor).toBeHidden();

  // The first test's task shares this host's data: only the stock count's rows matter here.
  const rows = page.getByTestId('task-list').getByTestId('task-row').filter({ hasText: 'Aylık stok sayımı' });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByLabel('Tekrarlanan görev')).toBeVisible();
  const { tasks } = await web.call<{ tasks: { id: string }[] }>('tasks.list', { view: 'mine', query: 'stok' });
  const first = await web.call<TaskOut>('tasks.get', { id: tasks[0]!.id });
  const expectedNext = first.nextOccurrences[0]!;

  await rows.getByRole('button', { name: 'Aylık stok sayımı', exact: true }).click();
  await expect(page.getByTestId('task-next-dates')).toContainText('FREQ=MONTHLY;BYDAY=1MO');
  await page.getByTestId('task-status-buttons').getByText('Tamamlandı').click();
  await expect(page.getByText(/Sonraki tekrar oluşturuldu/)).toBeVisible();
  await page.getByRole('link', { name: 'Görevlere dön' }).click();

  // The done one leaves the open list; its successor stands there, due on the rule's next date.
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Yapılacak');
  const next = await web.call<{ tasks: TaskOut[] }>('tasks.list', {
    view: 'mine',
    query: 'stok',
    statuses: ['todo'],
  });
  expect(next.tasks.map((x) => x.dueDate)).toEqual([expectedNext]);
  await page.getByTestId('task-show-closed').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Tamamlandı');
});

test('an overdue task stands out under Gecikenler; deleting it from its page can be undone', async ({ page }) => {
  const me = await web.call<{ id: string }>('users.me', {});
  const late = dayFromToday(-3);
  const task = await web.call<{ id: string }>('tasks.create', {
    title: 'Fatura itirazını yanıtla',
    assigneeIds: [me.id],
    dueDate: late.iso,
    priority: 'urgent',
    confirmPast: true,
  });
  await openApp(page, '/tasks?view=overdue');
  const row = page.getByTestId('task-list').getByTestId('task-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('task-due')).toHaveAttribute('data-overdue', 'true');
  await expect(row.getByTestId('task-due')).toContainText('Gecikti');
  await shot(page, 'task-list-overdue');

  await row.getByRole('button', { name: 'Fatura itirazını yanıtla', exact: true }).click();
  await page.getByTestId('task-delete').click();
  await expect(page).toHaveURL(/#\/tasks\?view=overdue/);
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: 'Geri al' }).click();
  await expect(row).toHaveCount(1);
  expect((await web.call<{ deleted: boolean }>('tasks.get', { id: task.id })).deleted).toBe(false);
});
