import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { useWebHost, shot } from './web-host';

const web = useWebHost();

/** A valid VKN from nine digits (Gelir İdaresi rule), computed here independently of the app. */
function vknFrom(nine: string): string {
  let sum = 0;
  [...nine].forEach((ch, i) => {
    const t = (Number(ch) + 10 - (i + 1)) % 10;
    sum += t === 9 ? 9 : (t * 2 ** (10 - (i + 1))) % 9;
  });
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

let folder = '';
test.beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-e2e-tarayici-'));
});
test.afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a scanned file lands in the inbox with the card its VKN points at, and is filed there', async ({ page }) => {
  test.setTimeout(90_000);
  const vkn = vknFrom('456123789');
  const firm = await web.call<{ id: string }>('cards.createInstitution', { title: 'Anadolu Gıda A.Ş.', vkn });
  await web.call('cards.createInstitution', { title: 'Karadeniz Fındık Ltd. Şti.' });

  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Dosyalanacaklar' }).click();
  await expect(page.getByTestId('inbox-empty')).toHaveText(
    'Henüz izlenen klasör yok. Aşağıdan tarayıcınızın kaydettiği klasörü ekleyin.',
  );

  // A path that does not exist is refused, naming it.
  const form = page.getByTestId('add-folder');
  const missing = path.join(folder, 'yok');
  await form.getByLabel('Klasör yolu').fill(missing);
  await form.getByRole('button', { name: 'Klasör ekle' }).click();
  await expect(form.getByText(`"${missing}" klasörü bulunamadı.`)).toBeVisible();

  await form.getByLabel('Klasör yolu').fill(folder);
  await form.getByLabel('Ad (isteğe bağlı)').fill('Muhasebe tarayıcısı');
  await form.getByRole('button', { name: 'Klasör ekle' }).click();
  const watched = page.getByTestId('watched-folder');
  await expect(watched).toContainText('Muhasebe tarayıcısı');
  await expect(watched).toContainText(fs.realpathSync(folder));
  await expect(page.getByTestId('inbox-empty')).toHaveText('Dosyalanacak belge yok.');

  // The scanner (here: a copy) drops a file into the folder; polling picks it up once it holds still.
  const fileName = 'Fatura 2026-0042.txt';
  const text = `FATURA\nSatıcı: Anadolu Gıda A.Ş.\nVergi Dairesi: Kozyatağı  VKN: ${vkn}\nToplam: 12.500,00 TL\n`;
  fs.writeFileSync(path.join(folder, fileName), text);
  const item = page.getByTestId('inbox-item');
  await expect(item).toHaveCount(1, { timeout: 20_000 });
  await expect(item).toContainText(fileName);
  await expect(item).toContainText('Klasör: Muhasebe tarayıcısı');
  await expect(page.getByTestId('inbox-count')).toHaveText('1');
  // Once the text is read, the VKN in it points at the firm.
  await expect(item.getByTestId('inbox-suggestion')).toHaveText(`Öneri: Anadolu Gıda A.Ş. — VKN ${vkn} eşleşti`, {
    timeout: 30_000,
  });
  await expect(item.getByTestId('text-status')).toHaveAttribute('data-status', 'done');
  await shot(page, 'inbox-suggestion', true);

  await item.getByRole('button', { name: 'Bu karta dosyala' }).click();
  await expect(page.getByText(`"${fileName}", "Anadolu Gıda A.Ş." kartına dosyalandı.`)).toBeVisible();
  await expect(item).toHaveCount(0);
  await expect(page.getByTestId('inbox-empty')).toBeVisible();
  await expect(page.getByTestId('inbox-count')).toHaveCount(0);
  await expect.poll(() => fs.existsSync(path.join(folder, fileName))).toBe(false);
  await shot(page, 'inbox-filed');

  // On the firm's card, under Belgeler.
  await page.goto(`${web.host().url.split('#')[0]}#/institutions/${firm.id}`);
  await page.getByTestId('tab-documents').click();
  await expect(page.getByTestId('document-row')).toContainText(fileName);
});

test('a file is filed on another card chosen by name, or discarded after confirmation', async ({ page }) => {
  test.setTimeout(90_000);
  await web.call('cards.createPerson', { firstName: 'Gülşen', lastName: 'Aydın' });
  // A folder of its own, watched through the contract (the first test covers adding one on screen).
  const own = path.join(folder, 'sekreterlik');
  fs.mkdirSync(own);
  await web.call('inbox.folders.add', { path: own, label: 'Sekreterlik' });
  fs.writeFileSync(path.join(own, 'kimlik.txt'), 'Kimlik fotokopisi, okunaksız');
  fs.writeFileSync(path.join(own, 'bos-sayfa.txt'), 'yanlışlıkla taranan boş sayfa');
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Dosyalanacaklar' }).click();
  const items = page.getByTestId('inbox-item');
  await expect(items).toHaveCount(2, { timeout: 20_000 });

  const kimlik = items.filter({ hasText: 'kimlik.txt' });
  await kimlik.getByRole('button', { name: 'Karta dosyala…' }).click();
  const dialog = page.getByRole('dialog', { name: '"kimlik.txt" hangi karta dosyalansın?' });
  await dialog.getByText('Kişi', { exact: true }).click();
  await dialog.getByTestId('pick-person').fill('gulsen');
  await page.getByRole('option', { name: 'Gülşen Aydın' }).click();
  await shot(page, 'inbox-choose-card');
  await dialog.getByRole('button', { name: 'Dosyala' }).click();
  await expect(page.getByText('"kimlik.txt", "Gülşen Aydın" kartına dosyalandı.')).toBeVisible();
  await expect(items).toHaveCount(1);

  await items.getByRole('button', { name: 'At' }).click();
  const confirm = page.getByRole('dialog', { name: 'Dosya atılsın mı?' });
  await expect(confirm).toContainText('"bos-sayfa.txt" hiçbir karta dosyalanmadan çöp kutusuna gider');
  await confirm.getByRole('button', { name: 'At' }).click();
  await expect(items).toHaveCount(0);
  await expect.poll(() => fs.readdirSync(own)).toEqual([]);
});
