import { expect, test, type Page } from '@playwright/test';
import { useWebHost, shot } from './web-host';

// One card screen: header with the essentials and quick actions, tabs kept in the
// address, a timeline that grows with every change, il/ilçe from the official list.

/** Opens the app (the secret is read once) and then the card's address. */
const web = useWebHost();

async function openCard(page: Page, path: string) {
  await page.goto(web.host().url);
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
  await expect(page.getByTestId('card-title')).toBeVisible();
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('a person card: essentials, call and mail, a note, tabs that survive reload, il and ilçe from the list', async ({
  page,
}) => {
  const firm = await web.call<{ id: string }>('cards.createInstitution', {
    title: 'Anadolu Lojistik A.Ş.',
    kinds: ['customer'],
    sector: 'Lojistik',
  });
  const person = await web.call<{ id: string }>('cards.createPerson', {
    honorific: 'Dr.',
    firstName: 'Ayşe',
    lastName: 'Kaya',
    phones: [
      { kind: 'mobile', number: '0532 123 45 67' },
      { kind: 'work', number: '0212 555 12 34' },
    ],
    emails: [
      { kind: 'personal', address: 'ayse.kaya@gmail.com' },
      { kind: 'work', address: 'ayse@anadolulojistik.com.tr', isPrimary: true },
    ],
  });
  await web.call('cards.link', {
    personId: person.id,
    institutionId: firm.id,
    role: 'Satın Alma Müdürü',
    isPrimary: true,
  });
  await openCard(page, `/persons/${person.id}`);

  // Header: name with honorific, what she does and how to reach her.
  await expect(page.getByTestId('card-title')).toHaveText('Dr. Ayşe Kaya');
  const essentials = page.getByTestId('card-essentials');
  await expect(essentials).toContainText('Satın Alma Müdürü · Anadolu Lojistik A.Ş.');
  await expect(essentials).toContainText('0532 123 45 67');
  await expect(essentials).toContainText('ayse@anadolulojistik.com.tr');
  await expect(tab(page, 'Genel')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('affiliations')).toContainText('Anadolu Lojistik A.Ş.');

  // Two numbers: "Ara" offers both, with their kind; the links dial in international form.
  await page.getByTestId('quick-call').click();
  const calls = page.getByTestId('quick-call-option');
  await expect(calls).toHaveText(['Cep · 0532 123 45 67', 'İş · (0212) 555 12 34']);
  await expect(calls.first()).toHaveAttribute('href', 'tel:+905321234567');
  await expect(calls.nth(1)).toHaveAttribute('href', 'tel:+902125551234');
  await shot(page, 'card-person-call-menu');
  await page.keyboard.press('Escape');
  // Two addresses: the primary one first.
  await page.getByTestId('quick-mail').click();
  const mails = page.getByTestId('quick-mail-option');
  await expect(mails).toHaveText(['İş · ayse@anadolulojistik.com.tr', 'Kişisel · ayse.kaya@gmail.com']);
  await expect(mails.first()).toHaveAttribute('href', 'mailto:ayse@anadolulojistik.com.tr');
  await page.keyboard.press('Escape');
  await shot(page, 'card-person-general');

  // "Not ekle": the meeting-note editor with this person filled in; the note lands on the timeline.
  await page.getByTestId('quick-note').click();
  const noteDialog = page.getByRole('dialog', { name: 'Yeni not' });
  await noteDialog.getByLabel('Konu').fill('Teklif gönderildi, cuma aranacak.');
  await shot(page, 'card-person-add-note');
  await noteDialog.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByText('Not kaydedildi.')).toBeVisible();
  await expect(noteDialog).toBeHidden();
  await expect(page.getByTestId('note-row')).toContainText('Teklif gönderildi, cuma aranacak.');

  // Tabs: the open one is in the address, so reload, back and forward keep it.
  await tab(page, 'Zaman çizelgesi').click();
  await expect(page).toHaveURL(/\/persons\/[\w-]+\?tab=timeline$/);
  const entries = page.getByTestId('timeline-entry');
  // The note is dated when the meeting happened (to the minute), the link when it was made: either may come first.
  const noteEntry = entries.filter({ hasText: 'Teklif gönderildi, cuma aranacak.' });
  await expect(noteEntry).toContainText('Yönetici');
  const linkEntry = entries.filter({ hasText: 'Bağlantı eklendi' });
  await expect(linkEntry.getByRole('link', { name: 'Anadolu Lojistik A.Ş.' })).toBeVisible();
  await expect(entries.filter({ hasText: 'Oluşturuldu' })).toHaveCount(1);
  // Relative time, exact time on hover.
  await expect(noteEntry.locator('time')).toHaveText(/şimdi|saniye|dakika/);
  await noteEntry.locator('time').hover();
  await expect(page.getByRole('tooltip')).toHaveText(/\d{1,2} \S+ \d{4} \d\d:\d\d/);
  await shot(page, 'card-person-timeline');

  await page.reload();
  await expect(tab(page, 'Zaman çizelgesi')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Teklif gönderildi' })).toBeVisible();
  // "Not ekle" opened the Notlar tab, so that is one step back.
  await page.goBack();
  await expect(tab(page, 'Notlar')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('note-row')).toBeVisible();
  await page.goForward();
  await expect(tab(page, 'Zaman çizelgesi')).toHaveAttribute('aria-selected', 'true');
  // Keyboard: arrows move along the tabs, and the address follows.
  await tab(page, 'Zaman çizelgesi').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Geçmiş')).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/\?tab=history$/);
  await shot(page, 'card-person-history');
  await tab(page, 'Profil').click();
  await shot(page, 'card-person-profile');
  await tab(page, 'Kriterler').click();
  await shot(page, 'card-person-criteria');

  // Address: il and ilçe picked from the official list, typed without Turkish letters.
  await tab(page, 'Genel').click();
  await page.getByRole('button', { name: 'Düzenle', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Kişiyi düzenle' });
  await form.getByRole('button', { name: 'Adres ekle' }).click();
  await form.getByLabel('Adres', { exact: true }).fill('Caferağa Mah. Moda Cad. No: 12');
  const province = form.getByTestId('address-0-province');
  const district = form.getByTestId('address-0-district');
  await expect(district).toBeDisabled();
  await province.fill('istanbul');
  await page.getByRole('option', { name: 'İstanbul', exact: true }).click();
  await district.fill('cankaya');
  // Çankaya is in Ankara, not in İstanbul: the ilçe list is the il's own.
  await expect(page.getByText('Sonuç bulunamadı')).toBeVisible();
  await district.fill('kadikoy');
  await page.getByRole('option', { name: 'Kadıköy' }).click();
  await expect(district).toHaveValue('Kadıköy');
  await shot(page, 'card-person-address-form');
  // Another il clears the ilçe.
  await province.fill('ankara');
  await page.getByRole('option', { name: 'Ankara', exact: true }).click();
  await expect(district).toHaveValue('');
  await district.fill('cankaya');
  await page.getByRole('option', { name: 'Çankaya' }).click();
  await form.getByRole('button', { name: 'Kaydet' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('Caferağa Mah. Moda Cad. No: 12, Çankaya Ankara, Türkiye')).toBeVisible();
  await expect(essentials).toContainText('Çankaya, Ankara');
  await tab(page, 'Zaman çizelgesi').click();
  await expect(page.getByTestId('timeline-entry').first()).toContainText('Değiştirildi — Adresler');
});

test('an institution card: tabs, an old address outside the list, older entries on demand, no actions in the bin', async ({
  page,
}) => {
  const firm = await web.call<{ id: string }>('cards.createInstitution', {
    title: 'Karadeniz Gıda Sanayi ve Ticaret Ltd. Şti.',
    shortName: 'Karadeniz Gıda',
    kinds: ['supplier', 'customer'],
    sector: 'Gıda',
    website: 'karadenizgida.com.tr',
    taxOffice: 'Ortahisar',
    phones: [{ kind: 'work', number: '0462 321 00 00' }],
    emails: [{ kind: 'work', address: 'info@karadenizgida.com.tr', isPrimary: true }],
    // Imported long ago: capitals, and a neighbourhood where the ilçe should be.
    addresses: [{ kind: 'work', line: 'Liman Cad. No: 4', district: 'Moloz', province: 'TRABZON' }],
  });
  for (let i = 1; i <= 31; i++) await web.call('cards.appendNote', { id: firm.id, text: `Sevkiyat görüşmesi ${i}` });
  await openCard(page, `/institutions/${firm.id}`);

  await expect(page.getByRole('tab')).toHaveText([
    'Genel',
    'Notlar',
    'E-posta',
    'Görevler',
    'Kriterler',
    'Belgeler',
    'Gönderilenler',
    'Zaman çizelgesi',
    'Geçmiş',
  ]);
  const essentials = page.getByTestId('card-essentials');
  await expect(essentials).toContainText('Karadeniz Gıda · Gıda · karadenizgida.com.tr');
  await expect(essentials).toContainText('Moloz, TRABZON');
  // One number, one address: the actions are plain links, no menu.
  await expect(page.getByTestId('quick-call')).toHaveAttribute('href', 'tel:+904623210000');
  await expect(page.getByTestId('quick-mail')).toHaveAttribute('href', 'mailto:info@karadenizgida.com.tr');
  await shot(page, 'card-institution-general');

  // The form reads the il as the official name and keeps the ilçe that is not on the list.
  await page.getByRole('button', { name: 'Düzenle', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Kurumu düzenle' });
  await expect(form.getByTestId('address-0-province')).toHaveValue('Trabzon');
  await expect(form.getByTestId('address-0-district')).toHaveValue('Moloz');
  await form.getByTestId('address-0-district').click();
  await expect(page.getByRole('option', { name: 'Ortahisar' })).toBeVisible();
  await shot(page, 'card-institution-address-form');
  await form.getByRole('button', { name: 'Vazgeç' }).click();

  // 32 entries: 30 at first, the rest on "Daha fazla".
  await tab(page, 'Zaman çizelgesi').click();
  const entries = page.getByTestId('timeline-entry');
  await expect(entries).toHaveCount(30);
  await expect(entries.first()).toContainText('Sevkiyat görüşmesi 31');
  await shot(page, 'card-institution-timeline');
  await page.getByRole('button', { name: 'Daha fazla' }).click();
  await expect(entries).toHaveCount(32);
  await expect(entries.filter({ hasText: 'Oluşturuldu' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Daha fazla' })).toBeHidden();
  await tab(page, 'Kriterler').click();
  await shot(page, 'card-institution-criteria');
  await tab(page, 'Geçmiş').click();
  await shot(page, 'card-institution-history');

  // In the recycle bin: history stays, the quick actions go.
  await page.getByRole('button', { name: 'Sil' }).click();
  await expect(page.getByText('Bu kart çöp kutusunda.')).toBeVisible();
  await expect(page.getByTestId('quick-note')).toBeHidden();
  await expect(page.getByTestId('quick-call')).toBeHidden();
  await tab(page, 'Zaman çizelgesi').click();
  await expect(page.getByTestId('timeline-entry').first()).toContainText('Çöp kutusuna taşındı');
});
