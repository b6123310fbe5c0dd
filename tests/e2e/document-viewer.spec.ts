import { expect, test, type Page } from '@playwright/test';
import { encryptedPdf } from '../fixtures/documents/make-encrypted-pdf';
import { textPng } from '../fixtures/documents/make-images';
import { docx } from '../fixtures/documents/make-office';
import { textPdf } from '../fixtures/documents/make-pdf';
import { shot, useWebHost } from './web-host';

const web = useWebHost();

/** Files a file on a new person through the API, as the Belgeler tab does: upload in one piece, then attach. */
async function fileOnPerson(firstName: string, name: string, bytes: Uint8Array) {
  const person = await web.call<{ id: string }>('cards.createPerson', { firstName, lastName: 'Yalçın' });
  const upload = await web.call<{ uploadId: string }>('transfer.upload', {
    fileName: name,
    offset: 0,
    data: Buffer.from(bytes).toString('base64'),
  });
  const doc = await web.call<{ id: string }>('documents.attach', { uploadId: upload.uploadId, cardId: person.id });
  return { personId: person.id, documentId: doc.id };
}

/** A three-page lease with "sözleşme" spelled four ways over the pages (capitals, suffixes, no Turkish letters). */
const LEASE = [
  ['KİRA SÖZLEŞMESİ', 'Kiraya veren: Çağrı Işık', 'Kiracı: Gülşen Aydın, İstanbul'],
  ['Madde 2 – Süre', 'Bu sözleşme bir yıl içindir.', 'Sözleşmenin yenilenmesi yazılı bildirimle olur.'],
  ['Madde 3 – Ödeme', 'Kira her ayın beşinde ödenir.', 'Taraflar bu sozlesme ile bağlıdır.'],
];

const pageOf = (page: Page, n: number) => page.locator(`[data-page-number="${n}"]`);

test('a PDF opens in the app: pages, zoom and find with Turkish folding, from the card and from search', async ({
  page,
}) => {
  const { personId, documentId } = await fileOnPerson('Gülşen', 'Kira sözleşmesi.pdf', await textPdf(LEASE));
  // pdf.js runs under the app's CSP (bundled worker, no eval): nothing may be refused.
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) refused.push(message.text());
  });

  // From the card's Belgeler tab: the row shows the text status; the name opens the document.
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/persons/${personId}?tab=documents`);
  const row = page.getByTestId('document-row');
  await expect(row.getByTestId('text-status')).toBeVisible();
  await expect(row.getByTestId('text-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(row.getByTestId('text-status')).toHaveText('Aranabilir');
  await shot(page, 'document-viewer-card-tab');
  await row.getByTestId('document-open').click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${documentId}$`));

  const viewer = page.getByTestId('pdf-viewer');
  await expect(page.getByRole('heading', { name: 'Kira sözleşmesi.pdf' })).toBeVisible();
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText('/ 3');
  await expect(pageOf(page, 1)).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('document-cards')).toContainText('Gülşen Yalçın');
  await shot(page, 'document-viewer-pdf');

  // Page 2 by number: scrolled to and drawn, with its text in the text layer.
  const pageInput = viewer.getByTestId('pdf-page-input');
  await pageInput.fill('2');
  await pageInput.press('Enter');
  await expect(pageOf(page, 2)).toHaveAttribute('data-rendered', 'true');
  await expect(pageOf(page, 2)).toContainText('Bu sözleşme bir yıl içindir.');
  await expect(pageInput).toHaveValue('2');

  // Zoom: the page grows with the percentage; "fit width" comes back.
  const zoom = viewer.getByTestId('pdf-zoom');
  const before = Number.parseInt((await zoom.textContent())!.replace(/\D/g, ''), 10);
  const widthBefore = (await pageOf(page, 2).boundingBox())!.width;
  await viewer.getByRole('button', { name: 'Yakınlaştır' }).click();
  await expect
    .poll(async () => Number.parseInt((await zoom.textContent())!.replace(/\D/g, ''), 10))
    .toBeGreaterThan(before);
  await expect.poll(async () => (await pageOf(page, 2).boundingBox())!.width).toBeGreaterThan(widthBefore + 10);
  await expect(pageInput).toHaveValue('2');
  await viewer.getByRole('button', { name: 'Genişliğe sığdır' }).click();
  await expect.poll(async () => (await pageOf(page, 2).boundingBox())!.width).toBeCloseTo(widthBefore, 0);

  // Find "sözleşme": capitals, suffixes and the spelling without Turkish letters all count.
  const find = viewer.getByTestId('pdf-find');
  await find.fill('sözleşme');
  const count = viewer.getByTestId('pdf-find-count');
  await expect(count).toHaveText('1 / 4');
  const selected = page.locator('[data-selected="true"]');
  await expect(selected).toHaveText('SÖZLEŞME');
  await expect(selected).toBeInViewport();
  await find.press('Enter');
  await expect(count).toHaveText('2 / 4');
  await expect(pageOf(page, 2).locator('[data-selected="true"]')).toHaveText('sözleşme');
  await viewer.getByTestId('pdf-find-next').click();
  await expect(count).toHaveText('3 / 4');
  await expect(pageOf(page, 2).locator('[data-selected="true"]')).toHaveText('Sözleşme');
  await viewer.getByTestId('pdf-find-next').click();
  await expect(count).toHaveText('4 / 4');
  await expect(pageOf(page, 3).locator('[data-selected="true"]')).toHaveText('sozlesme');
  await expect(pageOf(page, 3).locator('[data-selected="true"]')).toBeInViewport();
  await expect(pageInput).toHaveValue('3');
  await shot(page, 'document-viewer-find');
  await viewer.getByTestId('pdf-find-previous').click();
  await expect(count).toHaveText('3 / 4');
  await find.fill('kontrat');
  await expect(count).toHaveText('Bulunamadı');

  // Opened from search: find is prefilled and the first match from the given page on is selected.
  await page.goto(`${web.host().origin}/#/documents/${documentId}?q=${encodeURIComponent('sozlesme')}&page=3`);
  await expect(viewer.getByTestId('pdf-find')).toHaveValue('sozlesme');
  await expect(count).toHaveText('4 / 4');
  await expect(pageOf(page, 3).locator('[data-selected="true"]')).toBeInViewport();
  await expect(pageInput).toHaveValue('3');
  expect(refused).toEqual([]);
});

test('a long PDF draws only the pages near the screen', async ({ page }) => {
  const pages = Array.from({ length: 120 }, (_, i) => [`Sayfa ${i + 1}`, `Bölüm ${i + 1}: şirket sözleşmesi`]);
  const { documentId } = await fileOnPerson('Ayşe', 'Uzun rapor.pdf', await textPdf(pages));
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/documents/${documentId}`);
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText('/ 120');
  await expect(pageOf(page, 1)).toHaveAttribute('data-rendered', 'true');
  await expect(viewer.locator('[data-page-number]')).toHaveCount(120);
  expect(await viewer.locator('canvas').count()).toBeLessThan(8);

  await viewer.getByTestId('pdf-page-input').fill('100');
  await viewer.getByTestId('pdf-page-input').press('Enter');
  await expect(pageOf(page, 100)).toHaveAttribute('data-rendered', 'true');
  await expect(pageOf(page, 100)).toContainText('Bölüm 100');
  await expect(pageOf(page, 1).locator('canvas')).toHaveCount(0);
  expect(await viewer.locator('canvas').count()).toBeLessThan(8);

  // Find reads every page's text, not only the drawn ones.
  await viewer.getByTestId('pdf-find').fill('Bölüm 7:');
  await expect(viewer.getByTestId('pdf-find-count')).toHaveText('1 / 1');
  await expect(pageOf(page, 7).locator('[data-selected="true"]')).toBeInViewport();
});

test('an encrypted PDF asks for its password, again after a wrong one, and its text gets indexed', async ({ page }) => {
  const { documentId } = await fileOnPerson('Kemal', 'Gizli protokol.pdf', encryptedPdf('kartotek'));
  // The extraction job finds it locked first (then main has something to unlock).
  await expect
    .poll(async () => (await web.call<{ textStatus: string }>('documents.get', { id: documentId })).textStatus, {
      timeout: 30_000,
    })
    .toBe('locked');
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/documents/${documentId}`);
  const dialog = page.getByTestId('password-dialog');
  await expect(dialog).toContainText('"Gizli protokol.pdf" parola ile korunuyor.');
  await dialog.getByLabel('Parola').fill('yanlis');
  await dialog.getByRole('button', { name: 'Aç' }).click();
  await expect(dialog.getByText('Parola yanlış. Lütfen yeniden deneyin.')).toBeVisible();
  await shot(page, 'document-viewer-password');
  await dialog.getByLabel('Parola').fill('kartotek');
  await dialog.getByRole('button', { name: 'Aç' }).click();
  await expect(dialog).toBeHidden();
  await expect(pageOf(page, 1)).toHaveAttribute('data-rendered', 'true');
  await expect(pageOf(page, 1)).toContainText('Gizli protokol');
  // The same password went to main once, so the document's text is searchable now.
  await expect(page.getByTestId('document-page').getByTestId('text-status').first()).toHaveAttribute(
    'data-status',
    'done',
    { timeout: 30_000 },
  );
});

test('an image is shown fitted, can be zoomed and turned', async ({ page }) => {
  const { documentId } = await fileOnPerson('Deniz', 'Kimlik fotokopisi.png', textPng('NÜFUS CÜZDANI Deniz Yalçın'));
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/documents/${documentId}`);
  const viewer = page.getByTestId('image-viewer');
  const image = viewer.getByTestId('image-preview');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const zoom = viewer.getByTestId('image-zoom');
  const fitted = await zoom.textContent();
  await viewer.getByRole('button', { name: 'Yakınlaştır' }).click();
  await expect(zoom).not.toHaveText(fitted!);
  await viewer.getByRole('button', { name: 'Ekrana sığdır' }).click();
  await expect(zoom).toHaveText(fitted!);
  await shot(page, 'document-viewer-image');
  await viewer.getByRole('button', { name: 'Döndür' }).click();
  await expect(image).toHaveAttribute('data-rotation', '90');
  await expect
    .poll(async () => (await image.boundingBox())!.height)
    .toBeGreaterThan((await image.boundingBox())!.width);
});

test('a text file is shown as written, and a Word file as its extracted text once ready', async ({ page }) => {
  // Windows-1254, as Turkish Notepad and Excel save it: not valid UTF-8, read as Turkish.
  const note = Buffer.from([
    ...Buffer.from('G', 'latin1'),
    0xfc, // ü
    ...Buffer.from('l', 'latin1'),
    0xfe, // ş
    ...Buffer.from('en Ayd', 'latin1'),
    0xfd, // ı
    ...Buffer.from('n aranacak', 'latin1'),
  ]);
  const text = await fileOnPerson('Nur', 'Telefon notu.txt', note);
  await page.goto(web.host().url);
  await page.goto(`${web.host().origin}/#/documents/${text.documentId}`);
  await expect(page.getByTestId('text-preview')).toHaveText('Gülşen Aydın aranacak');

  const word = await fileOnPerson('Oya', 'Teklif.docx', docx(['Teklif mektubu', 'Şirketimiz ürün fiyatlarını sunar.']));
  await page.goto(`${web.host().origin}/#/documents/${word.documentId}`);
  const extracted = page.getByTestId('extracted-text');
  await expect(extracted).toContainText('Dosyanın çıkarılan metni gösteriliyor.');
  await expect(page.getByTestId('document-sidebar')).toContainText('Word belgesi (.docx)');
  await expect(extracted.getByTestId('extracted-pages')).toContainText('Şirketimiz ürün fiyatlarını sunar.', {
    timeout: 30_000,
  });
  await shot(page, 'document-viewer-extracted');
});
