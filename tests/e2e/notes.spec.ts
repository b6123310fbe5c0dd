import { expect, test } from '@playwright/test';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

interface Note {
  id: string;
  title: string;
  bodyHtml: string;
  documents: { id: string; name: string }[];
  cards: { id: string }[];
  staff: { id: string; name: string }[];
}

/** Sets up a person at an institution, a colleague and a meeting reason; answers their ids. */
async function office() {
  const firm = await web.call<{ id: string }>('cards.createInstitution', { title: 'Çağrı Lojistik A.Ş.' });
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Şule', lastName: 'Güneş' });
  const colleague = await web.call<{ id: string }>('users.create', { name: 'İlker Özkan', role: 'staff' });
  await web.call('notes.saveReason', { name: 'Sözleşme yenileme' });
  return { firm, person, colleague };
}

test('a meeting note with a colleague, an institution and a file: on the Notlar tab, the timeline and in search', async ({
  page,
}) => {
  const { firm, person } = await office();
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons/${person.id}`);
  await expect(page.getByTestId('card-title')).toHaveText('Şule Güneş');

  // "Not ekle" opens the editor on the Notlar tab with this person and the user at this desk filled in.
  await page.getByTestId('quick-note').click();
  const editor = page.getByRole('dialog', { name: 'Yeni not' });
  await expect(editor).toBeVisible();
  await expect(page).toHaveURL(/tab=notes/);
  await expect(editor.getByText('Şule Güneş')).toBeVisible();
  await expect(editor.getByText('Yönetici')).toBeVisible();

  await editor.getByLabel('Konu').fill('Yıllık sözleşme yenileme');
  // The institution too, found by a folded query.
  await editor.getByTestId('note-cards').fill('cagri');
  await page.getByRole('option', { name: 'Çağrı Lojistik A.Ş.' }).click();
  await editor.getByTestId('note-staff').click();
  await page.getByRole('option', { name: 'İlker Özkan' }).click();
  await editor.getByRole('button', { name: '30 dk' }).click();
  await editor.getByTestId('note-channel').click();
  await page.getByRole('option', { name: 'Telefon' }).click();
  await editor.getByTestId('note-reason').click();
  await page.getByRole('option', { name: 'Sözleşme yenileme' }).click();
  const body = editor.getByTestId('note-body');
  await body.click();
  await page.keyboard.type('Fiyat artışı konuşuldu. ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Kaşe onayı bekleniyor.');
  await page.keyboard.press('Control+B');
  const chooser = page.waitForEvent('filechooser');
  await editor.getByTestId('note-add-files').click();
  await (
    await chooser
  ).setFiles({ name: 'teklif-2025.txt', mimeType: 'text/plain', buffer: Buffer.from('Teklif: 120.000 TL') });
  await expect(editor.getByTestId('note-queued-file')).toHaveText(/teklif-2025\.txt/);
  await shot(page, 'note-editor');
  // Ctrl+Enter saves, from inside the rich text too (not a line break).
  await body.click();
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect(page.getByText('Not kaydedildi.')).toBeVisible();

  const rows = page.getByTestId('note-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Yıllık sözleşme yenileme');
  await expect(rows.first()).toContainText('Fiyat artışı konuşuldu. Kaşe onayı bekleniyor.');
  await expect(rows.first()).toContainText('Sözleşme yenileme');
  await expect(rows.first()).toContainText('30 dk');
  await expect(rows.first()).toContainText('İlker Özkan');
  await shot(page, 'note-person-tab');

  const { notes } = await web.call<{ notes: Note[] }>('notes.list', { cardId: person.id });
  const note = await web.call<Note>('notes.get', { id: notes[0]!.id });
  expect(note.bodyHtml).toContain('<strong>Kaşe onayı bekleniyor.</strong>');
  expect(note.cards.map((c) => c.id).sort()).toEqual([person.id, firm.id].sort());
  expect(note.staff.map((s) => s.name).sort()).toEqual(['Yönetici', 'İlker Özkan'].sort());
  expect(note.documents.map((d) => d.name)).toEqual(['teklif-2025.txt']);

  // The institution's timeline shows it; its subject opens the note, whose file opens the document page.
  await page.goto(`${web.host().origin}/#/institutions/${firm.id}?tab=timeline`);
  const entry = page.getByTestId('timeline-entry').filter({ hasText: 'Yıllık sözleşme yenileme' });
  await expect(entry).toContainText('Fiyat artışı konuşuldu.');
  await shot(page, 'note-institution-timeline');
  await entry.getByRole('link', { name: 'Yıllık sözleşme yenileme' }).click();
  await expect(page.getByTestId('note-title')).toHaveText('Yıllık sözleşme yenileme');
  await expect(page.getByTestId('note-view-body').locator('strong')).toHaveText('Kaşe onayı bekleniyor.');
  await expect(page.getByTestId('note-view')).toContainText('İlker Özkan');
  await expect(page.getByTestId('note-view').getByLabel('Telefon')).toBeVisible();
  await shot(page, 'note-view');
  await page.getByTestId('note-files').getByRole('link', { name: 'teklif-2025.txt' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${note.documents[0]!.id}`));
  await page.goBack();
  await page.getByRole('link', { name: 'Karta dön' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Çağrı Lojistik A.Ş.');

  // Ctrl+K finds the note by words of its text, typed without Turkish letters, and opens it.
  await page.keyboard.press('Control+K');
  await page.getByTestId('global-search-input').fill('kase onayi');
  const hit = page.getByRole('button', { name: /Yıllık sözleşme yenileme/ });
  await expect(hit.first()).toBeVisible();
  await shot(page, 'note-search');
  await hit.first().click();
  await expect(page).toHaveURL(new RegExp(`#/notes/${note.id}`));
  await expect(page.getByTestId('note-title')).toHaveText('Yıllık sözleşme yenileme');
});

test('a hostile paste is neither run nor stored; delete asks and can be undone', async ({ page }) => {
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Kemal', lastName: 'Aydın' });
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons/${person.id}?tab=notes`);
  await page.getByTestId('new-note').click();
  const editor = page.getByRole('dialog', { name: 'Yeni not' });
  await editor.getByLabel('Konu').fill('Yapıştırılan e-posta');
  await editor.getByTestId('note-body').click();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p>Merhaba <b>dostum</b></p><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>' +
        '<a href="javascript:window.__pwned=3">tıkla</a>',
    );
    data.setData('text/plain', 'Merhaba dostum');
    document
      .querySelector('[data-testid=note-body]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editor.getByTestId('note-body')).toContainText('Merhaba dostum');
  await editor.getByTestId('note-save').click();
  await expect(editor).toBeHidden();
  const row = page.getByTestId('note-row').filter({ hasText: 'Yapıştırılan e-posta' });
  await row.click();
  await expect(page.getByTestId('note-view-body')).toContainText('Merhaba dostum');
  await expect(page.getByTestId('note-view-body').locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  const id = /#\/notes\/([\w-]+)/.exec(page.url())![1]!;
  const stored = await web.call<Note>('notes.get', { id });
  expect(stored.bodyHtml).not.toMatch(/onerror|<img|<script|javascript:/i);

  // Delete: asked first, then gone from the card, then back with "Geri al".
  await page.getByRole('button', { name: 'Sil' }).click();
  await page.getByRole('dialog', { name: 'Not silinsin mi?' }).getByRole('button', { name: 'Sil' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Kemal Aydın');
  await expect(page.getByTestId('note-row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Geri al' }).click();
  await expect(page.getByTestId('note-row')).toHaveCount(1);
});

test('a complaint cannot be resolved without a resolution; open ones are listed and counted', async ({ page }) => {
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Nazlı', lastName: 'Çelik' });
  const me = await web.call<{ id: string }>('users.me', {});
  // Main refuses it too, whatever the screen lets through.
  await expect(
    web.call('notes.create', {
      kind: 'complaint',
      title: 'Geç teslimat',
      happenedAt: new Date().toISOString(),
      cardIds: [person.id],
      complaintStatus: 'resolved',
      complaintResponsibleId: me.id,
    }),
  ).rejects.toThrow(/complaintResolution/);

  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons/${person.id}?tab=notes`);
  await page.getByTestId('new-note').click();
  const editor = page.getByRole('dialog', { name: 'Yeni not' });
  await editor.getByLabel('Konu').fill('Geç teslimat');
  await editor.getByRole('switch', { name: 'Bu bir şikayet' }).check();
  await editor.getByTestId('note-status').getByText('Çözüldü').click();
  await editor.getByTestId('note-save').click();
  await expect(editor.getByText('Çözüldü olarak işaretlemek için çözümü yazın')).toBeVisible();
  await shot(page, 'note-complaint-needs-resolution');
  // Still open, it is saved and shows on the complaints page, counted in the menu.
  await editor.getByTestId('note-status').getByText('Açık').click();
  await editor.getByTestId('note-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('note-row')).toContainText('Şikayet · Açık');
  await expect(page.getByTestId('complaints-badge')).toHaveText('1');
  await page.getByRole('link', { name: /Şikayetler/ }).click();
  await expect(page.getByTestId('note-row')).toContainText('Nazlı Çelik');
  await shot(page, 'complaints-page');

  // Resolved with the resolution written.
  await page.getByTestId('note-row').click();
  await page.getByRole('button', { name: 'Düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'Notu düzenle' });
  await edit.getByTestId('note-status').getByText('Çözüldü').click();
  await edit.getByLabel('Çözüm').fill('Kargo firması değiştirildi, özür e-postası gönderildi.');
  await page.keyboard.press('Control+Enter');
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('complaint-status')).toHaveText('Şikayet · Çözüldü');
  await expect(page.getByTestId('complaint-resolution')).toContainText('Kargo firması değiştirildi');
  await expect(page.getByTestId('complaints-badge')).toBeHidden();

  // Esc with unsaved typing asks before closing.
  await page.getByRole('button', { name: 'Düzenle' }).click();
  await page.getByRole('dialog', { name: 'Notu düzenle' }).getByLabel('Konu').fill('Geç teslimat (kargo)');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Kaydedilmemiş değişiklikler' })).toBeVisible();
  await page.getByRole('button', { name: 'Kaydetmeden kapat' }).click();
  await expect(page.getByRole('dialog', { name: 'Notu düzenle' })).toBeHidden();
  await expect(page.getByTestId('note-title')).toHaveText('Geç teslimat');
});

test('an admin adds, renames and archives a meeting reason', async ({ page }) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Görüşme nedenleri' }).click();
  await page.getByTestId('reason-new').fill('Fuar daveti');
  await page.getByRole('button', { name: 'Neden ekle' }).click();
  const row = page.getByTestId('reason-row').filter({ hasText: 'Fuar daveti' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Yeniden adlandır' }).click();
  // While renamed the name is in a box, not the row's text.
  const box = page.getByTestId('reason-row').getByRole('textbox');
  await box.fill('Fuar daveti (2025)');
  await box.press('Enter');
  await expect(page.getByTestId('reason-row').filter({ hasText: 'Fuar daveti (2025)' })).toBeVisible();
  await page
    .getByTestId('reason-row')
    .filter({ hasText: 'Fuar daveti (2025)' })
    .getByRole('button', { name: 'Arşivle' })
    .click();
  await expect(page.getByTestId('reason-row').filter({ hasText: 'Fuar daveti (2025)' })).toContainText('Arşivde');
  // The same name again, folded, is refused with the reason under the field.
  await page.getByTestId('reason-new').fill('FUAR DAVETİ (2025)');
  await page.getByRole('button', { name: 'Neden ekle' }).click();
  await expect(page.getByTestId('reason-new')).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'note-reasons');
});
