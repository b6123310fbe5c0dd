import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { SHOTS, useWebHost } from './web-host';
import { csvText, encode1254 } from '../fixtures/transfer/transfer-kit';

const web = useWebHost();

/** Full-page shots from the top (a scrolled page draws the fixed header mid-image), after transitions settle. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** What Turkish Excel writes for "CSV (noktalı virgülle ayrılmış)": windows-1254, ";". */
const FILE = encode1254(
  csvText([
    ['Adı', 'Soyadı', 'Cep Tel', 'E-posta', 'Firma', 'Görevi', 'Müşteri Kodu'],
    ['Şükrü', 'Öztürk', '0532 123 45 67', 'sukru@cagri.com.tr', 'Çağrı Yazılım A.Ş.', 'Genel Müdür', 'Fuar-2026'],
    ['Gülşen', 'Işıklı', '0533 222 33 44', 'gulsen@cagri.com.tr', 'ÇAĞRI YAZILIM A.Ş.', 'Muhasebe', 'Fuar-2026'],
    ['İbrahim', 'Çelik', '0544 555 66 77', 'ibrahim@', 'Deniz Lojistik', 'Şoför', 'Web'],
  ]),
);

test('an office worker imports a Turkish Excel CSV, fixes the mapping, reads the report and exports the list', async ({
  page,
}) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'İçe / dışa aktar' }).click();
  await expect(page.getByRole('heading', { name: 'Kart içe aktar' })).toBeVisible();

  // Step 1: persons, the file.
  await page.locator('input[type=file]').setInputFiles({ name: 'kişiler.csv', mimeType: 'text/csv', buffer: FILE });
  await shot(page, 'transfer-1-file');
  await page.getByRole('button', { name: 'Devam' }).click();

  // Step 2: the mapping, read from the headers; the customer code is not known, so it goes to "Kaynak".
  await expect(page.getByTestId('import-summary')).toHaveText('kişiler.csv: CSV, 3 satır');
  await expect(page.getByText('karakter kodlaması windows-1254 · ayraç ";"')).toBeVisible();
  const table = page.getByTestId('mapping-table');
  await expect(table.getByText('Öztürk')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Karttaki alanı: Firma' })).toHaveValue('Kurum 1');
  await expect(page.getByRole('textbox', { name: 'Karttaki alanı: Müşteri Kodu' })).toHaveValue('— aktarılmasın —');
  await page.getByRole('textbox', { name: 'Karttaki alanı: Müşteri Kodu' }).click();
  await page.getByRole('textbox', { name: 'Karttaki alanı: Müşteri Kodu' }).fill('Kayna');
  await page.getByRole('option', { name: 'Kaynak', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Karttaki alanı: Müşteri Kodu' })).toHaveValue('Kaynak');
  await shot(page, 'transfer-2-mapping');

  // Dry run: nothing saved, the wrong e-mail is named by row and column.
  await page.getByRole('button', { name: 'Deneme (kaydetmeden kontrol et)' }).click();
  await expect(page.getByTestId('import-report-title')).toContainText('Deneme sonucu: hiçbir şey kaydedilmedi');
  await expect(page.getByTestId('report-created')).toHaveText('2');
  await expect(page.getByTestId('report-errors')).toHaveText('1');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').nth(1)).toContainText('4');
  await expect(errors.getByRole('row').nth(1)).toContainText('E-posta');
  await expect(errors.getByRole('row').nth(1)).toContainText('Geçerli bir e-posta adresi olmalı');
  await shot(page, 'transfer-3-dry-run');

  // Import the valid rows: the report, and the error list as a CSV download.
  await page.getByText('Hatalı satırları bırakıp geçerli satırları aktar').click();
  await page.getByRole('button', { name: 'İçe aktar', exact: true }).click();
  await expect(page.getByTestId('import-report-title')).toContainText('İçe aktarma tamamlandı');
  await expect(page.getByTestId('report-created')).toHaveText('2');
  await expect(page.getByTestId('report-institutions')).toHaveText('1');
  await shot(page, 'transfer-4-report');
  const errorsDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hataları CSV olarak indir' }).click();
  const errorsFile = fs.readFileSync((await (await errorsDownload).path())!, 'utf8');
  expect(errorsFile).toBe('\uFEFFSatır;Sütun;Sorun\r\n4;E-posta;Geçerli bir e-posta adresi olmalı\r\n');

  // The cards are in the list, with their institution, and found folded.
  await page.getByRole('button', { name: 'Listeye git' }).click();
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  await expect(page.getByTestId('list-total')).toHaveText('2 kayıt');
  await expect(page.getByText('Çağrı Yazılım A.Ş. (Genel Müdür)')).toBeVisible();
  await page.getByTestId('list-filter').fill('isikli');
  await expect(page.getByTestId('list-total')).toHaveText('1 kayıt');
  await shot(page, 'transfer-5-list');

  // Export what the list shows (the filter too) as CSV for Turkish Excel.
  await page.getByTestId('export-person').click();
  await expect(page.getByRole('menuitem', { name: 'Excel (.xlsx)' })).toBeVisible();
  await shot(page, 'transfer-6-export-menu');
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (Türkçe Excel için)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kisiler-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.startsWith('\uFEFFHitap;Ad;Soyad;')).toBe(true);
  expect(text).toContain(';Gülşen;Işıklı;');
  expect(text).toContain(';Fuar-2026;');
  expect(text).not.toContain('Şükrü');
  await expect(page.getByText('1 kart "kisiler-')).toBeVisible();
  await shot(page, 'transfer-7-exported');
});

test('a file that is not a spreadsheet is refused with a reason, nothing else happens', async ({ page }) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'İçe / dışa aktar' }).click();
  const garbage = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256));
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'rehber.xlsx', mimeType: 'application/octet-stream', buffer: garbage });
  await page.getByRole('button', { name: 'Devam' }).click();
  await expect(page.getByTestId('import-file-error')).toContainText('"rehber.xlsx" bir Excel (.xlsx) dosyası değil');
  await shot(page, 'transfer-8-refused');
});

test('the mapping step offers the owner, the tags and the criteria fields under their category', async ({ page }) => {
  const clothes = await web.call<{ id: string }>('criteria.saveCategory', { cardType: 'person', name: 'Kıyafet' });
  await web.call('criteria.saveField', {
    categoryId: clothes.id,
    name: 'Beden',
    kind: 'one_of',
    options: ['S', 'M', 'L'],
  });
  await web.call('criteria.saveField', {
    categoryId: clothes.id,
    name: 'İlgi alanları',
    kind: 'many_of',
    options: ['Golf', 'Yelken'],
  });
  const sales = await web.call<{ id: string }>('criteria.saveCategory', { cardType: 'person', name: 'Satış' });
  await web.call('criteria.saveField', { categoryId: sales.id, name: 'Yıllık ciro', kind: 'number' });
  await web.call('criteria.saveField', { categoryId: sales.id, name: 'E-bülten', kind: 'yes_no' });
  await web.call('users.create', { name: 'Gülşen Işık', email: 'gulsen@firma.com.tr', role: 'staff' });
  const file = Buffer.from(
    csvText([
      ['Adı', 'Soyadı', 'Sorumlu', 'Etiketler', 'Kıyafet › Beden', 'İlgi alanları', 'Satış › Yıllık ciro', 'Bülten'],
      ['Selin', 'Kaya', 'Gülşen Işık', 'VIP, Fuar 2026', 'M', 'Golf; Yelken', '1.250,5', 'Evet'],
      ['Tuna', 'Er', 'gulsen@firma.com.tr', 'Bayi', 'XXL', '', 'çok', 'H'],
    ]),
    'utf8',
  );

  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'İçe / dışa aktar' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'kriterler.csv', mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Devam' }).click();
  const target = (header: string) => page.getByRole('textbox', { name: `Karttaki alanı: ${header}` });
  await expect(target('Sorumlu')).toHaveValue('Sorumlu (kullanıcının adı ya da e-postası)');
  await expect(target('Etiketler')).toHaveValue('Etiketler (virgülle ayrılmış)');
  await expect(target('Kıyafet › Beden')).toHaveValue('Kıyafet › Beden');
  await expect(target('İlgi alanları')).toHaveValue('Kıyafet › İlgi alanları');
  await expect(target('Satış › Yıllık ciro')).toHaveValue('Satış › Yıllık ciro');
  await expect(target('Bülten')).toHaveValue('— aktarılmasın —');

  // The unknown column is mapped by hand: the criteria fields are listed under their category.
  await target('Bülten').click();
  await target('Bülten').fill('bülten');
  await expect(page.getByRole('option', { name: 'Satış › E-bülten' })).toBeVisible();
  await target('Bülten').fill('');
  await expect(page.getByRole('option', { name: 'Kıyafet › Beden' })).toBeVisible();
  await page.getByRole('listbox').getByText('Kıyafet', { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, 'transfer-9-mapping-criteria');
  await target('Bülten').fill('bülten');
  await page.getByRole('option', { name: 'Satış › E-bülten' }).click();
  await expect(target('Bülten')).toHaveValue('Satış › E-bülten');

  // The dry run names the bad option and the bad number by row and column.
  await page.getByRole('button', { name: 'Deneme (kaydetmeden kontrol et)' }).click();
  await expect(page.getByTestId('report-created')).toHaveText('1');
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').nth(1)).toContainText('Kıyafet › Beden');
  await expect(errors.getByRole('row').nth(1)).toContainText('"XXL" seçeneklerden biri değil');
  await expect(errors.getByRole('row').nth(2)).toContainText('"çok" bir sayı olmalı');
  await shot(page, 'transfer-10-criteria-dry-run');
});
