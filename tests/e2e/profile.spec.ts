import { expect, test, type Page } from '@playwright/test';
import { useWebHost, SHOTS } from './web-host';

const web = useWebHost();

async function openPerson(page: Page, name: string) {
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByRole('grid', { name: 'Kişiler' }).getByText(name).click();
  await expect(page.getByTestId('card-title')).toHaveText(name);
}

test('an office worker fills a person profile: hobby, school, relative, measurement', async ({ page }) => {
  const ayse = await web.call<{ id: string }>('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Kaya',
    gender: 'female',
    birthDate: '1980-04-12',
  });
  // Filed earlier (so the screenshot shows every kind of list): a membership and two languages.
  const item = (input: object) => web.call('profile.addItem', { personId: ayse.id, ...input });
  await item({ list: 'association', name: 'Rotary Kulübü', detail: 'Yönetim Kurulu Üyesi', startDate: '2015-09-01' });
  await item({ list: 'language', name: 'İngilizce', detail: 'C1' });
  await item({ list: 'language', name: 'Almanca' });
  await web.call('cards.createPerson', {
    firstName: 'Mehmet',
    lastName: 'Kaya',
    gender: 'male',
    birthDate: '1950-09-01',
  });

  await page.goto(web.host().url);
  await openPerson(page, 'Ayşe Kaya');
  await page.getByTestId('tab-profile').click();
  const panel = page.getByTestId('profile-panel');
  await expect(panel.getByText('Hobi girilmemiş.')).toBeVisible();

  // A hobby
  await panel.getByRole('button', { name: 'Hobi ekle' }).click();
  await panel.getByRole('textbox', { name: /^Hobi\b/ }).fill('Satranç');
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  await expect(panel.getByTestId('profile-hobby')).toContainText('Satranç');

  // A school with its graduation year; a year no one graduated in is refused under the field.
  await panel.getByRole('button', { name: 'Okul ekle' }).click();
  await panel.getByRole('textbox', { name: /^Okul\b/ }).fill('Boğaziçi Üniversitesi');
  await panel.getByLabel('Bölüm').fill('İşletme');
  await panel.getByLabel('Mezuniyet yılı').fill('1850');
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  await expect(panel.getByText("Mezuniyet yılı 1900'den önce olamaz")).toBeVisible();
  await panel.getByTestId('profile-school').screenshot({ path: `${SHOTS}/profile-school-form.png` });
  await panel.getByLabel('Mezuniyet yılı').fill('2002');
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  const schools = panel.getByTestId('profile-school');
  await expect(schools).toContainText('Boğaziçi Üniversitesi');
  await expect(schools).toContainText('İşletme');
  await expect(schools).toContainText('Mezuniyet: 2002');

  // Her father, picked by typing part of his name
  await panel.getByRole('button', { name: 'Yakın ekle' }).click();
  await panel.getByTestId('pick-person').fill('mehmet');
  await page.getByRole('option', { name: 'Mehmet Kaya' }).click();
  await panel.getByRole('textbox', { name: 'Yakınlığı' }).click();
  await page.getByRole('option', { name: 'Annesi / babası' }).click();
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  const relatives = panel.getByTestId('profile-relative');
  await expect(relatives.getByRole('row')).toHaveText([/Babası\s*Mehmet Kaya/]);

  // Sizes for the new workwear, measured today
  await panel.getByRole('button', { name: 'Ölçü ekle' }).click();
  await panel.getByLabel('Boy (cm)').fill('168');
  await panel.getByLabel('Kilo (kg)').fill('61');
  await panel.getByLabel('Gömlek').fill('M');
  await panel.getByLabel('Ayakkabı').fill('38');
  await panel.getByRole('button', { name: 'Kaydet' }).click();
  const sizes = panel.getByTestId('profile-measurement');
  await expect(sizes.getByRole('row')).toHaveCount(2);
  await expect(sizes.getByRole('row').nth(1)).toContainText('168');
  await expect(sizes.getByRole('row').nth(1)).toContainText('M');
  await page.screenshot({ path: `${SHOTS}/profile-person.png`, fullPage: true });

  // Each change is in the card's history.
  await page.getByTestId('tab-history').click();
  await expect(page.getByText('Profil bilgisi eklendi')).toHaveCount(3 + 4);
  await page.getByTestId('tab-profile').click();

  // The same link seen from the father's card reads the other way round.
  await relatives.getByRole('link', { name: 'Mehmet Kaya' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Mehmet Kaya');
  const fatherPanel = page.getByTestId('profile-panel');
  await expect(fatherPanel.getByTestId('profile-relative').getByRole('row')).toHaveText([/Kızı\s*Ayşe Kaya/]);
  await expect(fatherPanel.getByTestId('profile-hobby')).toContainText('Hobi girilmemiş.');
  await page.getByTestId('profile-relative').screenshot({ path: `${SHOTS}/profile-relative-inverse.png` });
  // In English the same link reads "Daughter".
  await page.getByText('EN', { exact: true }).click();
  await expect(fatherPanel.getByTestId('profile-relative').getByRole('row')).toHaveText([/Daughter\s*Ayşe Kaya/]);
  await expect(fatherPanel.getByTestId('profile-hobby')).toContainText('No hobbies entered.');
  await page.screenshot({ path: `${SHOTS}/profile-relative-en.png` });
  await page.getByText('TR', { exact: true }).click();

  // Search finds her by her hobby, typed without Turkish letters.
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByPlaceholder('Süz…').fill('satranc');
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(grid.getByText('Ayşe Kaya')).toBeVisible();
  await expect(grid.getByText('Mehmet Kaya')).toHaveCount(0);
});
