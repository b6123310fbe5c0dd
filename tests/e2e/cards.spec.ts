import { expect, test, type Locator } from '@playwright/test';
import { useWebHost, shot } from './web-host';

const web = useWebHost();

test('an office worker files an institution and a person, finds him folded, deletes and restores him', async ({
  page,
}) => {
  await page.goto(web.host().url);
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  // The secret leaves the address bar once read.
  expect(page.url()).not.toContain('k=');

  // Institution
  await page.getByRole('link', { name: 'Kurumlar' }).click();
  await page.getByRole('button', { name: 'Yeni kurum' }).click();
  const institutionDialog = page.getByRole('dialog');
  await institutionDialog.getByLabel('Unvan (ticari unvan)').fill('Çağrı Yazılım A.Ş.');
  await institutionDialog.getByLabel('Sektör').fill('Yazılım');
  await shot(page, 'institution-form');
  await institutionDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Çağrı Yazılım A.Ş.');

  // Person with two phones: Ctrl+N from the institution's card opens a new card form;
  // on the persons list it is a new person.
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('dialog', { name: 'Yeni kurum' })).toBeVisible();
  // Esc closes the form once it has the focus (the modal takes it as it opens).
  await page.waitForFunction(() => document.activeElement?.closest('[role=dialog]') !== null);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Yeni kurum' })).toBeHidden();
  await page.getByRole('link', { name: 'Kişiler' }).click();
  // On the persons list (not still on the institution's card), Ctrl+N means a new person.
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  await page.keyboard.press('Control+N');
  const personDialog = page.getByRole('dialog', { name: 'Yeni kişi' });
  await personDialog.getByRole('textbox', { name: /^Ad\b/ }).fill('Şükrü');
  await personDialog.getByLabel('Soyad').fill('Öztürk');
  await personDialog.getByLabel('Doğum tarihi').fill('15.06.1980');
  await personDialog.getByLabel('Doğum tarihi').press('Tab');
  await personDialog.getByLabel('T.C. Kimlik No').fill('10000000146');
  await personDialog.getByTestId('phone-0').fill('0532 123 45 67');
  await personDialog.getByRole('button', { name: 'Telefon ekle' }).click();
  await personDialog.getByTestId('phone-1').fill('0212 555 12 34');
  await shot(page, 'person-form');
  await personDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Şükrü Öztürk');
  await expect(page.getByTestId('contact-phone')).toHaveCount(2);
  // Personal data: the T.C. Kimlik No is masked until asked for; the age is derived.
  await expect(page.getByTestId('tckn')).toHaveText('100******46');
  await page.getByRole('button', { name: 'Göster' }).click();
  await expect(page.getByTestId('tckn')).toHaveText('10000000146');
  await expect(page.getByText(/15 Haz 1980 \(\d+ yaşında\)/)).toBeVisible();
  await expect(page.getByTestId('contact-phone').first()).toContainText('0532 123 45 67');
  await expect(page.getByTestId('contact-phone').nth(1)).toContainText('(0212) 555 12 34');
  // The landline was typed into a row that started as "Cep": it is filed as "İş".
  await expect(page.getByTestId('contact-phone').nth(1)).toContainText('İş');

  // Link with a role, picking the institution by a folded query
  await page.getByRole('button', { name: 'Kuruma bağla' }).click();
  await page.getByTestId('pick-institution').fill('cagri');
  await page.getByRole('option', { name: 'Çağrı Yazılım A.Ş.' }).click();
  await page.getByLabel('Rol / görev').fill('Genel Müdür Yardımcısı');
  await page.getByRole('button', { name: 'Kaydet' }).click();
  const links = page.getByTestId('affiliations');
  await expect(links).toContainText('Çağrı Yazılım A.Ş.');
  await expect(links).toContainText('Genel Müdür Yardımcısı');
  // He was promoted: the role of the link changes, the link stays.
  await links.getByRole('button', { name: 'Bağlantıyı düzenle' }).click();
  await page.getByLabel('Rol / görev').fill('Genel Müdür');
  await page.getByRole('button', { name: 'Kaydet' }).click();
  await expect(links).not.toContainText('Yardımcısı');
  await expect(links).toContainText('Genel Müdür');
  await shot(page, 'person-card');

  // The institution shows him too
  await links.getByRole('link', { name: 'Çağrı Yazılım A.Ş.' }).click();
  await expect(page.getByTestId('affiliations')).toContainText('Şükrü Öztürk');
  await shot(page, 'institution-card');

  // Folded search: "sukru" finds "Şükrü", in the list and in global search
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByTestId('list-filter').fill('sukru');
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(grid.getByRole('row').filter({ hasText: 'Şükrü Öztürk' })).toHaveCount(1);
  await expect(grid).toContainText('Çağrı Yazılım A.Ş. (Genel Müdür)');
  await shot(page, 'persons-list');

  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Ara: kişi, kurum, belge, telefon, e-posta…').fill('sukru ozt');
  await expect(page.getByRole('button', { name: /Şükrü Öztürk/ })).toBeVisible();
  await shot(page, 'global-search');
  await page.getByRole('button', { name: /Şükrü Öztürk/ }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Şükrü Öztürk');

  // Delete, then restore from the recycle bin
  await page.getByRole('button', { name: 'Sil' }).click();
  await expect(page.getByText('"Şükrü Öztürk" çöp kutusuna taşındı.')).toBeVisible();
  await expect(page.getByText('Bu kart çöp kutusunda.')).toBeVisible();
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByTestId('list-filter').fill('sukru');
  await expect(page.getByText('Bu süzgece uyan kart yok.')).toBeVisible();
  await page.getByLabel('Çöp kutusu').check({ force: true });
  await grid.getByRole('row').filter({ hasText: 'Şükrü Öztürk' }).click();
  await shot(page, 'person-deleted');
  await page.getByRole('button', { name: 'Geri yükle' }).click();
  await expect(page.getByText('Bu kart çöp kutusunda.')).toBeHidden();
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByTestId('list-filter').fill('sukru');
  await expect(grid.getByRole('row').filter({ hasText: 'Şükrü Öztürk' })).toHaveCount(1);
});

test('bad input is refused with the reason, under the field', async ({ page }) => {
  const fieldOf = (input: Locator) => input.locator('xpath=ancestor::div[contains(@class,"mantine-TextInput-root")]');
  await page.goto(web.host().url);
  await page.getByRole('button', { name: 'Yeni kişi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Ad\b/ }).fill('Ayşe');
  // The first phone row stays empty; the wrong number is typed in a second row.
  await dialog.getByRole('button', { name: 'Telefon ekle' }).click();
  await dialog.getByTestId('phone-1').fill('12');
  await dialog.getByLabel('T.C. Kimlik No').fill('12345678901');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  // Checked in the form already: missing surname, TCKN checksum.
  await expect(dialog.getByText('Soyad boş olamaz')).toBeVisible();
  await expect(fieldOf(dialog.getByLabel('T.C. Kimlik No'))).toContainText('geçerli bir T.C. Kimlik No değil');
  await shot(page, 'person-form-errors');
  await dialog.getByLabel('Soyad').fill('Kaya');
  await dialog.getByLabel('T.C. Kimlik No').fill('');
  await dialog.getByRole('button', { name: 'Kaydet' }).click();
  // Checked by main: the phone number. The empty row is dropped and the message
  // sits under the number it is about.
  await expect(dialog.getByTestId('phone-0')).toHaveValue('12');
  await expect(dialog.getByTestId('phone-1')).toHaveCount(0);
  await expect(fieldOf(dialog.getByTestId('phone-0'))).toContainText('"12" geçerli bir telefon numarası değil');
});
