import { expect, test } from '@playwright/test';
import { callApi, shot, startWebHost, useWebHost } from './web-host';

const web = useWebHost();

test('an admin defines a criterion and a colleague; a person card gets an owner, a size and tags', async ({ page }) => {
  await page.goto(web.host().url);
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();

  // Settings: a "Kıyafet" category with a one-of "Beden" field.
  await page.getByRole('link', { name: 'Kriterler' }).click();
  await expect(page.getByRole('heading', { name: 'Kriterler ve kullanıcılar' })).toBeVisible();
  await page.getByRole('button', { name: 'Kategori ekle' }).click();
  await page.getByRole('dialog').getByLabel('Kategori adı').fill('Kıyafet');
  await page.getByRole('dialog').getByRole('button', { name: 'Kaydet' }).click();
  const category = page.getByTestId('criteria-admin-category').filter({ hasText: 'Kıyafet' });
  await expect(category).toContainText('Bu kategoride henüz alan yok.');
  await category.getByRole('button', { name: 'Alan ekle' }).click();
  const fieldDialog = page.getByRole('dialog');
  await fieldDialog.getByLabel('Alan adı').fill('Beden');
  await fieldDialog.getByRole('textbox', { name: 'Türü' }).click();
  await page.getByRole('option', { name: 'Tek seçim' }).click();
  const options = fieldDialog.getByTestId('options-input');
  for (const size of ['S', 'M', 'L']) {
    await options.fill(size);
    await options.press('Enter');
  }
  // The last option is typed but not confirmed with Enter: it still counts.
  await options.fill('XL');
  await shot(page, 'criteria-field-dialog');
  await fieldDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(fieldDialog).toBeHidden();
  const field = category.getByTestId('criteria-admin-field');
  await expect(field).toContainText('Beden');
  await expect(field).toContainText('Tek seçim');
  await expect(field).toContainText('SMLXL');
  await shot(page, 'criteria-admin');

  // A second choice-free name clash is refused under the field.
  await category.getByRole('button', { name: 'Alan ekle' }).click();
  await page.getByRole('dialog').getByLabel('Alan adı').fill('BEDEN');
  await page.getByRole('dialog').getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByRole('dialog')).toContainText('Bu ad zaten kullanılıyor');
  await page.getByRole('dialog').getByRole('button', { name: 'Vazgeç' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // Users: a staff member who will own the card.
  await page.getByRole('tab', { name: 'Kullanıcılar' }).click();
  await page.getByRole('button', { name: 'Kullanıcı ekle' }).click();
  const userDialog = page.getByRole('dialog');
  await userDialog.getByLabel('Ad soyad').fill('Gizem Çakır');
  await userDialog.getByLabel('E-posta').fill('gizem@firma.com.tr');
  await userDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(userDialog).toBeHidden();
  const users = page.getByTestId('users-table');
  await expect(users.getByRole('row').filter({ hasText: 'Gizem Çakır' })).toContainText('Personel');
  await expect(users.getByRole('row').filter({ hasText: 'Yönetici' })).toContainText('(siz)');
  await shot(page, 'criteria-users');

  // A person whose owner is chosen in the form, typed without Turkish letters.
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByRole('button', { name: 'Yeni kişi' }).click();
  const personDialog = page.getByRole('dialog');
  await personDialog.getByRole('textbox', { name: /^Ad\b/ }).fill('Şükrü');
  await personDialog.getByLabel('Soyad').fill('Öztürk');
  const owner = personDialog.getByTestId('owner-select');
  // New cards start with the user at this desk.
  await expect(owner).toHaveValue('Yönetici');
  await owner.fill('cakir');
  await page.getByRole('option', { name: 'Gizem Çakır' }).click();
  await shot(page, 'criteria-owner-in-form');
  await personDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Şükrü Öztürk');
  await expect(page.getByRole('row', { name: /Sorumlu\s*Gizem Çakır/ })).toBeVisible();
  await shot(page, 'criteria-owner-on-card');

  // Tags under the name, with "vip" typed twice in other spellings: one badge.
  await page.getByRole('button', { name: 'Etiket ekle' }).click();
  const tags = page.getByTestId('tags-input');
  await tags.fill('VIP');
  await tags.press('Enter');
  await tags.fill('vıp');
  await tags.press('Enter');
  await tags.fill('Fuar 2026');
  await page.getByRole('button', { name: 'Kaydet' }).click();
  const badges = page.getByTestId('card-tags');
  await expect(badges).toContainText('Fuar 2026');
  await expect(badges).toContainText('VIP');
  await expect(badges.getByText(/^v[iı]p$/i)).toHaveCount(1);

  // The size, on the card's criteria tab.
  await page.getByTestId('tab-criteria').click();
  const panel = page.getByTestId('criteria-panel');
  await expect(panel).toContainText('Bu kartta henüz kriter girilmemiş.');
  await panel.getByRole('button', { name: 'Düzenle' }).click();
  await panel.getByRole('textbox', { name: 'Beden' }).click();
  await page.getByRole('option', { name: 'XL', exact: true }).click();
  await shot(page, 'criteria-panel-edit');
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  await expect(panel.getByTestId('criterion-value')).toHaveText('XL');
  await expect(panel.getByTestId('criteria-category')).toContainText('Kıyafet');
  await shot(page, 'criteria-panel');

  // The history tells what happened.
  await page.getByTestId('tab-history').click();
  await expect(page.getByText('Kriterler değiştirildi')).toBeVisible();
  await expect(page.getByText('Etiketler değiştirildi')).toBeVisible();
});

test('the demo firm shows its criteria on a card and on the settings page', async ({ page }) => {
  const demo = await startWebHost(['--demo']);
  try {
    const call = <T>(method: string, input: unknown) => callApi<T>(demo, method, input);
    // The first institution in the list whose sales criteria are filled in full.
    const { rows } = await call<{ rows: { id: string; displayName: string }[] }>('cards.listInstitutions', {
      limit: 40,
    });
    let firm: { id: string; displayName: string } | undefined;
    for (const row of rows) {
      const { values } = await call<{ values: Record<string, unknown> }>('criteria.getValues', { cardId: row.id });
      if (Object.keys(values).length === 5) {
        firm = row;
        break;
      }
    }
    expect(firm).toBeDefined();

    await page.goto(demo.url);
    await page.goto(`${demo.origin}/#/institutions/${firm!.id}?tab=criteria`);
    await expect(page.getByTestId('card-title')).toHaveText(firm!.displayName);
    const panel = page.getByTestId('criteria-panel');
    await expect(panel.getByTestId('criteria-category')).toContainText('Satış');
    // Money-like numbers in Turkish grouping, dates in Turkish.
    await expect(panel.getByRole('row', { name: /Yıllık ciro \(TL\)\s*[\d.]+\.000/ })).toBeVisible();
    await expect(panel.getByRole('row', { name: /E-fatura\s*(Evet|Hayır)/ })).toBeVisible();
    await shot(page, 'criteria-demo-institution');
    await panel.getByRole('button', { name: 'Düzenle' }).click();
    await shot(page, 'criteria-demo-institution-edit');

    await page.getByRole('link', { name: 'Kriterler' }).click();
    await page.getByRole('tab', { name: 'Kurum kriterleri' }).click();
    await expect(page.getByTestId('criteria-admin-field').filter({ hasText: 'Segment' })).toContainText(/\d+ kartta/);
    await shot(page, 'criteria-demo-admin');
    await page.getByRole('tab', { name: 'Kullanıcılar' }).click();
    await expect(page.getByTestId('users-table')).toContainText('Murat Demirtaş');
    await shot(page, 'criteria-demo-users');
  } finally {
    await demo.stop();
  }
});
