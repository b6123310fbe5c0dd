import { expect, test } from '@playwright/test';
import { useWebHost, shot } from './web-host';

// An office worker finds two cards of the same person, merges them on the duplicates
// screen, sees one card with everything of both, and undoes it.

const web = useWebHost();

test('two cards of one person are merged on the duplicates screen and the merge is undone', async ({ page }) => {
  const first = await web.call<{ id: string }>('cards.createPerson', {
    honorific: 'Sayın',
    firstName: 'Hülya',
    lastName: 'Koç',
    source: 'Fuar',
    phones: [{ kind: 'mobile', number: '0532 555 11 22' }],
    emails: [{ kind: 'work', address: 'hulya@kocmimarlik.com.tr' }],
    addresses: [{ kind: 'work', line: 'Moda Cd. 12', district: 'Kadıköy', province: 'İstanbul' }],
  });
  const second = await web.call<{ id: string }>('cards.createPerson', {
    firstName: 'HÜLYA',
    lastName: 'KOÇ',
    birthDate: '1982-11-03',
    source: 'Web sitesi',
    phones: [{ kind: 'work', number: '0216 444 33 22' }],
    emails: [{ kind: 'work', address: 'hulya@kocmimarlik.com.tr' }],
  });
  // A second pair so the list is a list, and an institution pair for the other tab.
  await web.call('cards.createPerson', {
    firstName: 'Emre',
    lastName: 'Aksoy',
    phones: [{ number: '0505 111 22 33' }],
  });
  await web.call('cards.createPerson', {
    firstName: 'Emre Can',
    lastName: 'Aksoy',
    phones: [{ number: '05051112233' }],
  });
  await web.call('cards.createInstitution', { title: 'Koç Mimarlık Ltd. Şti.' });
  await web.call('cards.createInstitution', { title: 'KOÇ MİMARLIK LİMİTED ŞİRKETİ' });

  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Mükerrer kartlar' }).click();
  await expect(page.getByTestId('pair-count')).toHaveText('2 olası çift');
  const pair = page.getByTestId('pair').filter({ hasText: 'Hülya Koç' });
  await expect(pair.getByTestId('reason-email')).toHaveText('Aynı e-posta');
  await expect(pair.getByTestId('reason-name')).toHaveText('Benzer ad');
  await expect(page.getByTestId('pair').filter({ hasText: 'Emre' }).getByTestId('reason-phone')).toHaveText(
    'Aynı telefon',
  );
  await shot(page, 'duplicates-list');

  await page.getByRole('tab', { name: 'Kurumlar' }).click();
  // The persons' two pairs give way to the institutions' one once its list has loaded.
  await expect(page.getByTestId('pair')).toHaveCount(1);
  await expect(page.getByTestId('pair')).toContainText('Koç Mimarlık Ltd. Şti.');
  await page.getByRole('tab', { name: 'Kişiler' }).click();

  // Side by side: the first card stays; the birth date only the second has comes along.
  await pair.click();
  const compare = page.getByTestId('compare');
  await expect(compare.getByRole('heading', { name: 'Kartları karşılaştır' })).toBeVisible();
  await compare.getByTestId('keep-first').check();
  await expect(compare.getByTestId('field-birthDate')).toContainText('3 Kas 1982');
  await compare.getByRole('radio', { name: 'Kaynak: Web sitesi' }).check();
  await expect(compare.getByTestId('combined-lists')).toContainText('(0216) 444 33 22');
  await shot(page, 'duplicates-compare');
  await compare.getByRole('button', { name: 'Birleştir' }).click();

  await expect(page.getByTestId('merged-toast')).toContainText('"HÜLYA KOÇ", "Hülya Koç" kartına katıldı.');
  await expect(page.getByTestId('pair-count')).toHaveText('1 olası çift');
  const recent = page.getByTestId('recent-merge').first();
  await expect(recent).toContainText('HÜLYA KOÇ → Hülya Koç');
  await shot(page, 'duplicates-after-merge');

  // One card with both phones, the other card's birth date and the chosen source.
  await recent.getByRole('link', { name: 'Hülya Koç' }).click();
  await expect(page.getByTestId('card-title')).toHaveText('Sayın Hülya Koç');
  await expect(page.getByTestId('contact-phone')).toHaveCount(2);
  await expect(page.getByText(/3 Kas 1982/)).toBeVisible();
  await expect(page.getByText('Web sitesi', { exact: true })).toBeVisible();

  // An old link to the merged card says where it went.
  await page.goto(`${web.host().origin}/#/persons/${second.id}`);
  await expect(page.getByTestId('merged-into')).toContainText('Bilgileri artık "Hülya Koç" kartında.');
  await shot(page, 'duplicates-tombstone');
  await page.getByRole('link', { name: 'O kartı aç' }).click();
  await expect(page).toHaveURL(new RegExp(`/persons/${first.id}$`));

  // The persons list shows one Hülya Koç; after the undo, two again, each with its own phone.
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await expect(page.getByRole('grid', { name: 'Kişiler' }).getByText('Hülya Koç', { exact: true })).toHaveCount(1);
  await page.getByRole('link', { name: 'Mükerrer kartlar' }).click();
  await page.getByTestId('recent-merge').first().getByRole('button', { name: 'Geri al' }).click();
  await expect(page.getByText('Birleştirme geri alındı: "HÜLYA KOÇ" yeniden ayrı bir kart.')).toBeVisible();
  await expect(page.getByTestId('merged-toast')).toHaveCount(0);
  await expect(page.getByTestId('pair-count')).toHaveText('2 olası çift');
  await expect(page.getByTestId('recent-merge').first()).toContainText('Geri alındı');

  await page.getByRole('link', { name: 'Kişiler' }).click();
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(grid.getByText('Hülya Koç', { exact: true })).toHaveCount(1);
  await expect(grid.getByText('HÜLYA KOÇ', { exact: true })).toHaveCount(1);
  await page.goto(`${web.host().origin}/#/persons/${first.id}`);
  await expect(page.getByTestId('contact-phone')).toHaveCount(1);
  await expect(page.getByTestId('merged-into')).toHaveCount(0);

  // From a card: "Birleştir…" picks the other card and opens the two side by side.
  await page.getByRole('button', { name: 'Birleştir…' }).click();
  await expect(page.getByRole('dialog', { name: 'Bu kartı başka bir kartla birleştir' })).toBeVisible();
  await page.getByTestId('pick-person').fill('hulya');
  await page.getByRole('option', { name: 'HÜLYA KOÇ' }).click();
  await shot(page, 'duplicates-merge-with');
  await page.getByRole('dialog').getByRole('button', { name: 'Karşılaştır' }).click();
  await expect(page.getByTestId('side-first')).toContainText('Hülya Koç');
  await expect(page.getByTestId('side-second')).toContainText('HÜLYA KOÇ');
});

test('the notice after a merge undoes it on the spot', async ({ page }) => {
  await web.call('cards.createPerson', {
    firstName: 'Selin',
    lastName: 'Ateş',
    emails: [{ address: 'selin@ates.com' }],
  });
  await web.call('cards.createPerson', {
    firstName: 'Selin',
    lastName: 'Ates',
    emails: [{ address: 'selin@ates.com' }],
  });
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Mükerrer kartlar' }).click();
  await page.getByTestId('pair').filter({ hasText: 'Selin Ates' }).click();
  await expect(page.getByTestId('side-first')).toContainText('Selin Ateş');
  await page.getByTestId('keep-first').check();
  await page.getByRole('button', { name: 'Birleştir' }).click();
  const notice = page.getByTestId('merged-toast');
  await expect(notice).toContainText('"Selin Ates", "Selin Ateş" kartına katıldı.');
  await expect(page.getByTestId('pair').filter({ hasText: 'Selin' })).toHaveCount(0);
  await notice.getByRole('button', { name: 'Geri al' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('pair').filter({ hasText: 'Selin' })).toHaveCount(1);
  await expect(page.getByTestId('recent-merge').first()).toContainText('Selin Ates → Selin Ateş');
  await expect(page.getByTestId('recent-merge').first()).toContainText('Geri alındı');
});
