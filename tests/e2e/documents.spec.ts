import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { useWebHost, SHOTS } from './web-host';

const web = useWebHost();

/** A small PDF-like file: the header, some Turkish text and the trailer, about 3 KB. */
const pdf = Buffer.from('%PDF-1.4\n' + 'Kira sözleşmesi — Çağlayan Şişli, İstanbul\n'.repeat(70) + '%%EOF\n');

test('an office worker files a PDF on a card, downloads it and adds a second version', async ({ page }) => {
  await web.call('cards.createPerson', { firstName: 'Gülşen', lastName: 'Aydın' });

  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByRole('grid', { name: 'Kişiler' }).getByText('Gülşen Aydın').click();
  await page.getByTestId('tab-documents').click();
  const panel = page.getByTestId('documents-panel');
  await expect(panel.getByText('Bu kartta henüz belge yok.')).toBeVisible();
  await expect(panel.getByText('Dosyaları buraya bırakın ya da seçin')).toBeVisible();

  await panel.getByTestId('documents-input').setInputFiles({
    name: 'Kira sözleşmesi.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  const row = panel.getByTestId('document-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Kira sözleşmesi.pdf');
  await expect(row).toContainText('3,6 KB');
  await expect(row.getByTestId('document-versions')).toHaveText('1 sürüm');

  // Downloaded through documents.read: the very bytes that went in.
  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'İndir' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Kira sözleşmesi.pdf');
  expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);

  // A signed copy as the second version.
  const signed = Buffer.concat([pdf, Buffer.from('% imzalı\n')]);
  await row.getByTestId('document-menu').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Yeni sürüm' }).click();
  await (await chooser).setFiles({ name: 'Kira sözleşmesi (imzalı).pdf', mimeType: 'application/pdf', buffer: signed });
  await expect(row.getByTestId('document-versions')).toHaveText('2 sürüm');
  await expect(row).toContainText('Kira sözleşmesi (imzalı).pdf');
  await panel.screenshot({ path: `${SHOTS}/documents-panel.png` });

  const again = page.waitForEvent('download');
  await row.getByRole('button', { name: 'İndir' }).click();
  expect(fs.readFileSync(await (await again).path()).equals(signed)).toBe(true);

  // The card's timeline tells what happened, with the document's name.
  await page.getByTestId('tab-timeline').click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText('Belgenin yeni sürümü eklendi')).toBeVisible();
  await expect(timeline.getByText('Belge eklendi')).toBeVisible();
  await expect(timeline.getByText('Kira sözleşmesi.pdf')).toBeVisible();
});

test('"Dosya ekle" in the card header opens the documents tab with the file picker', async ({ page }) => {
  await web.call('cards.createPerson', { firstName: 'Selim', lastName: 'Ekinci' });
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByRole('grid', { name: 'Kişiler' }).getByText('Selim Ekinci').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('quick-attach').click();
  await (await chooser).setFiles({ name: 'Kimlik fotokopisi.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page).toHaveURL(/tab=documents/);
  await expect(page.getByTestId('document-row')).toContainText('Kimlik fotokopisi.pdf');
});
