import { expect, test } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface FollowUp {
  id: string;
  status: string;
  doneNote: string | null;
  dueDate: string;
  assignees: { id: string; name: string }[];
}
interface Note {
  id: string;
  readAt: string | null;
  followUps: FollowUp[];
}

/** A firm, a manager (Nihal) with her staff member Murat, and Selin from another team. */
async function office() {
  const firm = await web.call<{ id: string }>('cards.createInstitution', { title: 'Çağrı Lojistik A.Ş.' });
  const nihal = await web.call<{ id: string }>('users.create', { name: 'Nihal Öztürk', role: 'manager' });
  const murat = await web.call<{ id: string }>('users.create', {
    name: 'Murat Demirtaş',
    role: 'staff',
    managerId: nihal.id,
  });
  const selin = await web.call<{ id: string }>('users.create', { name: 'Selin Çelik', role: 'staff' });
  const me = await web.call<{ id: string }>('users.me', {});
  return { firm, nihal, murat, selin, me };
}

test('a note asks a colleague for a follow-up; it is handed over and done on the note; the manager reads it in the team feed', async ({
  page,
}) => {
  const { firm, nihal, me } = await office();
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/institutions/${firm.id}?tab=notes`);
  await page.getByTestId('new-note').click();
  const editor = page.getByRole('dialog', { name: 'Yeni not' });
  await editor.getByLabel('Konu').fill('Yıllık sözleşme yenileme');
  // Murat took part: his manager Nihal will hear of the note.
  await editor.getByTestId('note-staff').click();
  await page.getByRole('option', { name: 'Murat Demirtaş' }).click();
  await editor.getByLabel('Konu').click();

  await editor.getByTestId('note-follow-up').check();
  const section = editor.getByTestId('note-follow-up-section');
  // The follow-up is for Murat, not for the writer (who is there by default).
  await expect(section.getByTestId('follow-up-assignees')).toHaveValue('');
  await expect(section).toContainText('Yönetici');
  await section.getByTestId('follow-up-assignees').click();
  await page.keyboard.press('Backspace');
  await page.getByRole('option', { name: 'Murat Demirtaş' }).click();
  await section.getByTestId('follow-up-description').fill('Revize teklifi gönder');

  // No date yet: the field says so and nothing is saved.
  await editor.getByTestId('note-save').click();
  await expect(section).toContainText('Takip tarihi seçin');
  // A past date asks first; "Vazgeç" keeps the form open.
  await section.getByLabel('Takip tarihi').fill('05.01.2026');
  await section.getByLabel('Takip tarihi').press('Tab');
  await editor.getByTestId('note-save').click();
  const ask = page.getByRole('dialog', { name: 'Tarih geçmişte' });
  await expect(ask).toContainText('Tarih geçmişte, yine de kaydedilsin mi?');
  await ask.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(editor).toBeVisible();
  await section.getByRole('button', { name: 'Yarın' }).click();
  await expect(section).not.toContainText('Takip tarihi seçin');
  await shot(page, 'follow-up-note-form');
  await editor.getByTestId('note-save').click();
  await expect(editor).toBeHidden();

  // On the note: the follow-up, for Murat, due tomorrow.
  await page.getByTestId('note-row').filter({ hasText: 'Yıllık sözleşme yenileme' }).click();
  await expect(page.getByTestId('note-title')).toHaveText('Yıllık sözleşme yenileme');
  const row = page.getByTestId('follow-up-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Revize teklifi gönder');
  await expect(row).toContainText('Takip eden: Murat Demirtaş');
  const noteId = /#\/notes\/([\w-]+)/.exec(page.url())![1]!;
  const written = await web.call<Note>('notes.get', { id: noteId });
  expect(written.followUps[0]!.assignees.map((a) => a.name)).toEqual(['Murat Demirtaş']);

  // Murat is away: handed over to Selin.
  await row.getByTestId('follow-up-hand-over').click();
  const handOver = page.getByRole('dialog', { name: 'Takibi devret' });
  await handOver.getByTestId('follow-up-hand-over-users').click();
  await page.keyboard.press('Backspace');
  await page.getByRole('option', { name: 'Selin Çelik' }).click();
  // The list stays open for more choices: a click beside it closes it.
  await handOver.getByText('Revize teklifi gönder').click();
  await handOver.getByTestId('follow-up-hand-over-save').click();
  await expect(handOver).toBeHidden();
  await expect(row).toContainText('Takip eden: Selin Çelik');
  await expect(page.getByText('Takip devredildi: Selin Çelik.')).toBeVisible();
  await shot(page, 'follow-up-note-view');

  // Done, with a word on how it went; it can be opened again.
  await row.getByTestId('follow-up-complete').click();
  const done = page.getByRole('dialog', { name: 'Takip tamamlandı' });
  await done.getByTestId('follow-up-done-word').fill('Teklif e-postayla gönderildi');
  await done.getByTestId('follow-up-close-save').click();
  await expect(done).toBeHidden();
  await expect(row).toHaveAttribute('data-status', 'done');
  await expect(row.getByTestId('follow-up-status')).toHaveText('Tamamlandı');
  await expect(row).toContainText('Teklif e-postayla gönderildi');
  await expect(row.getByTestId('follow-up-reopen')).toBeVisible();
  const finished = (await web.call<Note>('notes.get', { id: noteId })).followUps[0]!;
  expect([finished.status, finished.doneNote, finished.assignees.map((a) => a.name)]).toEqual([
    'done',
    'Teklif e-postayla gönderildi',
    ['Selin Çelik'],
  ]);
  await shot(page, 'follow-up-done');

  // One more on the written note, for the writer; then snoozed to tomorrow from its menu.
  await page.getByTestId('follow-up-add').click();
  const add = page.getByRole('dialog', { name: 'Takip ekle' });
  await add.getByTestId('follow-up-description').fill('Sözleşmeyi imzaya gönder');
  await add.getByRole('button', { name: 'Gelecek hafta' }).click();
  await add.getByTestId('follow-up-add-save').click();
  await expect(add).toBeHidden();
  const second = page.getByTestId('follow-up-row').filter({ hasText: 'Sözleşmeyi imzaya gönder' });
  await expect(second).toContainText('Takip eden: Yönetici');
  await second.getByTestId('follow-up-move').click();
  await page.getByRole('menuitem', { name: /Yarın/ }).click();
  await expect(page.getByText(/tarihine taşındı\.$/)).toBeVisible();
  const both = (await web.call<Note>('notes.get', { id: noteId })).followUps;
  expect(both.find((f) => f.status === 'open')!.dueDate).toBe(written.followUps[0]!.dueDate);

  // Nihal at the desk: her team feed has the note, unread, until she opens it.
  await web.call('users.switchTo', { id: nihal.id });
  await page.goto(`${web.host().origin}/#/notes/team`);
  await page.reload();
  const nav = page.getByRole('link', { name: /Ekibimin notları/ });
  await expect(nav.getByTestId('team-notes-badge')).toHaveText('1');
  const feedRow = page.getByTestId('note-row').filter({ hasText: 'Yıllık sözleşme yenileme' });
  await expect(feedRow).toHaveAttribute('data-unread', 'true');
  await expect(feedRow.getByTestId('note-unread-dot')).toBeVisible();
  await expect(feedRow).toContainText('Yönetici yazdı');
  await expect(page.getByTestId('team-unread-count')).toHaveText('1 okunmamış');
  await shot(page, 'team-feed');
  await feedRow.getByRole('button', { name: 'Yıllık sözleşme yenileme', exact: true }).click();
  await expect(page.getByTestId('note-title')).toHaveText('Yıllık sözleşme yenileme');
  await expect.poll(async () => (await web.call<Note>('notes.get', { id: noteId })).readAt).not.toBeNull();
  await page.getByTestId('note-back').click();
  await expect(page.getByTestId('team-notes-page')).toBeVisible();
  await expect(feedRow).toHaveAttribute('data-unread', 'false');
  await expect(nav.getByTestId('team-notes-badge')).toHaveCount(0);

  // Unread again by hand, and "only unread" lists it alone.
  await feedRow.getByTestId('note-read-toggle').click();
  await expect(feedRow).toHaveAttribute('data-unread', 'true');
  await page.getByText('Yalnız okunmamışlar').click();
  await expect(page.getByTestId('note-row')).toHaveCount(1);

  // The writer's own read state did not move with hers.
  await web.call('users.switchTo', { id: me.id });
  expect((await web.call<Note>('notes.get', { id: noteId })).readAt).not.toBeNull();
});

test('staff see no team feed in the menu; the user form sets a manager and keeps it', async ({ page }) => {
  const kerem = await web.call<{ id: string }>('users.create', { name: 'Kerem Aksoy', role: 'manager' });
  const deniz = await web.call<{ id: string }>('users.create', {
    name: 'Deniz Kaya',
    role: 'staff',
    managerId: kerem.id,
  });
  await web.call('users.create', { name: 'Ece Tan', role: 'staff' });
  const { users } = await web.call<{ users: { id: string; role: string }[] }>('users.list', {});
  const admin = users.find((u) => u.role === 'admin')!;

  await web.call('users.switchTo', { id: deniz.id });
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons`);
  await expect(page.getByRole('link', { name: 'Kişiler' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Ekibimin notları/ })).toHaveCount(0);

  await web.call('users.switchTo', { id: admin.id });
  await page.goto(`${web.host().origin}/#/settings/criteria`);
  await page.reload();
  await expect(page.getByRole('link', { name: /Ekibimin notları/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Kullanıcılar' }).click();
  const table = page.getByTestId('users-table');
  const eceRow = table.getByRole('row', { name: /Ece Tan/ });
  await expect(eceRow.getByTestId('user-manager-name')).toHaveText('—');
  await expect(table.getByRole('row', { name: /Deniz Kaya/ }).getByTestId('user-manager-name')).toHaveText(
    'Kerem Aksoy',
  );
  await eceRow.getByRole('button', { name: /Kullanıcıyı düzenle/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Kullanıcıyı düzenle' });
  await dialog.getByTestId('user-manager').click();
  // Only those who manage are offered: not staff, not Ece herself.
  await expect(page.getByRole('option', { name: 'Deniz Kaya' })).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'Ece Tan' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Kerem Aksoy' }).click();
  await shot(page, 'user-manager-select');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(dialog).toBeHidden();
  await expect(eceRow.getByTestId('user-manager-name')).toHaveText('Kerem Aksoy');

  // Changing her name keeps the manager (the form sends it back).
  await eceRow.getByRole('button', { name: /Kullanıcıyı düzenle/ }).click();
  await dialog.getByLabel('Ad soyad').fill('Ece Tan Aydın');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(dialog).toBeHidden();
  const after = await web.call<{ users: { name: string; managerId: string | null }[] }>('users.list', {});
  expect(after.users.find((u) => u.name === 'Ece Tan Aydın')?.managerId).toBe(kerem.id);
});

test('today is the firm’s: due today and “Yarın” follow its time zone; a note left open is read by whoever takes the desk', async ({
  page,
}) => {
  // A firm zone whose date differs from Istanbul's right now (one of the two always does).
  const dayIn = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  const zone = dayIn('Pacific/Kiritimati') !== dayIn('Europe/Istanbul') ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  const today = dayIn(zone);
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await web.call('planner.saveSettings', { timeZone: zone });
  const admin = await web.call<{ id: string }>('users.me', {});
  const derya = await web.call<{ id: string }>('users.create', { name: 'Derya Aksu', role: 'manager' });
  const emre = await web.call<{ id: string }>('users.create', { name: 'Emre Tok', role: 'staff', managerId: derya.id });
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
  // Emre writes the note (unread for the Admin and for his manager Derya), with a follow-up due today for the Admin.
  await web.call('users.switchTo', { id: emre.id });
  const written = await web.call<Note>('notes.create', {
    title: 'Kiralama görüşmesi',
    happenedAt: new Date().toISOString(),
    cardIds: [person.id],
    followUp: { dueDate: today, assigneeIds: [admin.id], description: 'Sözleşmeyi hatırlat' },
  });
  await web.call('users.switchTo', { id: admin.id });

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/notes/${written.id}`);
  const row = page.getByTestId('follow-up-row');
  await expect(row.getByTestId('follow-up-due')).toHaveText('Bugün');
  await page.getByTestId('follow-up-add').click();
  const add = page.getByRole('dialog', { name: 'Takip ekle' });
  await add.getByTestId('follow-up-description').fill('Depozitoyu sor');
  await add.getByRole('button', { name: 'Yarın' }).click();
  await add.getByTestId('follow-up-add-save').click();
  await expect(add).toBeHidden();
  await expect(page.getByTestId('follow-up-row')).toHaveCount(2);
  const added = (await web.call<Note>('notes.get', { id: written.id })).followUps.find((f) => f.dueDate !== today);
  expect(added?.dueDate).toBe(tomorrow);
  await expect.poll(async () => (await web.call<Note>('notes.get', { id: written.id })).readAt).not.toBeNull();

  // Derya takes the desk with the note open: it is read for her too.
  await page.getByTestId('user-switcher').click();
  await page.getByRole('menuitem', { name: /Derya Aksu/ }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Derya Aksu');
  await expect.poll(async () => (await web.call<Note>('notes.get', { id: written.id })).readAt).not.toBeNull();
  await shot(page, 'follow-up-firm-today');

  await web.call('users.switchTo', { id: admin.id });
  await web.call('planner.saveSettings', { timeZone: 'Europe/Istanbul' });
});
