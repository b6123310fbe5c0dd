import { expect, test } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface Note {
  id: string;
  documents: { name: string }[];
  followUps: { dueDate: string; assignees: { name: string }[] }[];
}

// The walk through: what was said with a customer lands on every card it concerns, is found again, and
// the follow-up reaches the colleague who has to do it.
test('a note on a person with a file and a follow-up for a colleague: on the institution’s timeline, in search, in the colleague’s planner', async ({
  page,
}) => {
  const firm = await web.call<{ id: string }>('cards.createInstitution', { title: 'Kuzey Tekstil A.Ş.' });
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
  await web.call('users.create', { name: 'Murat Demirtaş', role: 'staff' });

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons/${person.id}`);
  await page.getByTestId('quick-note').click();
  const editor = page.getByRole('dialog', { name: 'Yeni not' });
  await editor.getByLabel('Konu').fill('Numune teslimi');
  await editor.getByTestId('note-cards').fill('kuzey');
  await page.getByRole('option', { name: 'Kuzey Tekstil A.Ş.' }).click();
  await editor.getByTestId('note-body').click();
  await page.keyboard.type('Kumaş numuneleri teslim edildi, fiyat bekleniyor.');
  const chooser = page.waitForEvent('filechooser');
  await editor.getByTestId('note-add-files').click();
  await (
    await chooser
  ).setFiles({ name: 'numune-listesi.txt', mimeType: 'text/plain', buffer: Buffer.from('Keten, pamuk, ipek') });

  // The follow-up is Murat's, tomorrow.
  await editor.getByTestId('note-follow-up').check();
  const section = editor.getByTestId('note-follow-up-section');
  await section.getByTestId('follow-up-assignees').click();
  await page.keyboard.press('Backspace');
  await page.getByRole('option', { name: 'Murat Demirtaş' }).click();
  await section.getByTestId('follow-up-description').fill('Fiyat teklifini hatırlat');
  await section.getByRole('button', { name: 'Yarın' }).click();
  await editor.getByTestId('note-save').click();
  await expect(editor).toBeHidden();

  const { notes } = await web.call<{ notes: { id: string }[] }>('notes.list', { cardId: person.id });
  const note = await web.call<Note>('notes.get', { id: notes[0]!.id });
  expect(note.documents.map((d) => d.name)).toEqual(['numune-listesi.txt']);
  expect(note.followUps.map((f) => f.assignees.map((a) => a.name))).toEqual([['Murat Demirtaş']]);

  // On the institution's timeline too.
  await page.goto(`${web.host().origin}/#/institutions/${firm.id}?tab=timeline`);
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Numune teslimi' })).toContainText(
    'Kumaş numuneleri teslim edildi',
  );

  // Found by a word of its text, typed without Turkish letters.
  await page.keyboard.press('Control+K');
  await page.getByTestId('global-search-input').fill('kumas numune');
  await expect(page.getByRole('button', { name: /Numune teslimi/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // Murat takes the desk: tomorrow's planner has the follow-up, with the note and the person it is about.
  await page.getByTestId('user-switcher').click();
  await page.getByRole('menuitem', { name: /Murat Demirtaş/ }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Murat Demirtaş');
  await page.goto(`${web.host().origin}/#/today?date=${note.followUps[0]!.dueDate}`);
  const followUps = page.getByTestId('planner-follow-ups');
  await expect(followUps).toContainText('Fiyat teklifini hatırlat');
  await expect(followUps).toContainText('Numune teslimi');
  await expect(followUps).toContainText('Şule Güneş');
  await shot(page, 'issue6-colleague-planner');

  // Done from the planner: it leaves the list.
  await followUps
    .getByRole('button', { name: /Tamamlandı/ })
    .first()
    .click();
  await expect(followUps).not.toContainText('Fiyat teklifini hatırlat');
});
