import { expect, test, type Page } from '@playwright/test';
import { useWebHost, shot } from './web-host';

const web = useWebHost();

interface Groups {
  groups: { type: string; hits: { id: string; page: number | null }[] }[];
}

let documentId = '';

/**
 * A person with a .txt document filed on her, and a second user's card. The
 * document's text comes from the extraction job running in the web host, so the
 * test waits until search finds the word inside it.
 */
test.beforeAll(async () => {
  const gulsen = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Gülşen', lastName: 'Aydın' });
  const staff = await web.call<{ id: string }>('users.create', { name: 'Gizem Çakır', role: 'staff' });
  await web.call('cards.createPerson', { firstName: 'Gülay', lastName: 'Tan', ownerId: staff.id });
  await web.call('cards.createInstitution', { title: 'Aydın Lojistik A.Ş.' });
  const text =
    'Kira sözleşmesi\nKiracı: Gülşen Aydın\nMadde 9: Depozito iadesi tahliyeden sonra otuz gün içinde yapılır.\n';
  const { uploadId } = await web.call<{ uploadId: string }>('transfer.upload', {
    fileName: 'Kira sözleşmesi.txt',
    offset: 0,
    data: Buffer.from(text).toString('base64'),
  });
  const doc = await web.call<{ id: string }>('documents.attach', { uploadId, cardId: gulsen.id, source: 'picker' });
  documentId = doc.id;
  await expect
    .poll(
      async () =>
        (await web.call<Groups>('search.query', { q: 'depozito', types: ['document'] })).groups.flatMap((g) => g.hits)
          .length,
      { timeout: 60_000, message: 'the extraction job should make the text of the .txt searchable' },
    )
    .toBe(1);
});

/** The hit with this title (a document's subtitle may name a card too). */
const hit = (page: Page, title: string) =>
  page
    .getByTestId('search-hit')
    .filter({ has: page.getByTestId('search-hit-title').getByText(title, { exact: true }) });

async function openPalette(page: Page) {
  await page.goto(web.host().url);
  await expect(page.getByRole('link', { name: 'Kişiler' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('global-search-input');
  await expect(input).toBeFocused();
  return input;
}

test('Ctrl+K finds a person by name and a document by a word inside it, and opens the document at its page', async ({
  page,
}) => {
  const input = await openPalette(page);
  await input.fill('gulsen');
  await expect(hit(page, 'Gülşen Aydın')).toBeVisible();
  await expect(page.getByText('Kişiler', { exact: true }).last()).toBeVisible();

  await input.fill('depozito');
  const doc = hit(page, 'Kira sözleşmesi.txt');
  await expect(doc).toBeVisible();
  await expect(page.getByText('Belgeler', { exact: true })).toBeVisible();
  await expect(doc.getByTestId('search-hit-page')).toHaveText('s. 1');
  await expect(doc.getByTestId('search-hit-cards')).toHaveText('Gülşen Aydın');
  // The text as written in the file, not the folded index.
  await expect(doc.locator('mark')).toHaveText('Depozito');
  await shot(page, 'search-palette-document');

  // Opening it goes to the document viewer at the page, with the words to highlight.
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f.url().includes('/documents/') });
  await doc.click();
  expect((await navigated).url()).toContain(`#/documents/${documentId}?q=depozito&page=1`);
});

test('type chips and the owner select narrow the palette', async ({ page }) => {
  const input = await openPalette(page);
  await input.fill('ayd');
  await expect(hit(page, 'Gülşen Aydın')).toBeVisible();
  await expect(hit(page, 'Aydın Lojistik A.Ş.')).toBeVisible();
  await shot(page, 'search-palette-groups');

  await page.getByTestId('search-filters').getByText('Kurumlar').click();
  await expect(hit(page, 'Aydın Lojistik A.Ş.')).toBeVisible();
  await expect(hit(page, 'Gülşen Aydın')).toHaveCount(0);
  await page.getByTestId('search-filters').getByText('Kurumlar').click();

  await input.fill('gul');
  await expect(hit(page, 'Gülay Tan')).toBeVisible();
  await expect(hit(page, 'Gülşen Aydın')).toBeVisible();
  await page.getByTestId('search-owner').click();
  await page.getByRole('option', { name: 'Gizem Çakır' }).click();
  await expect(hit(page, 'Gülay Tan')).toBeVisible();
  await expect(hit(page, 'Gülşen Aydın')).toHaveCount(0);
  await shot(page, 'search-palette-owner');
});

test('"Tüm sonuçlar" opens the search page with the same query; the keyboard moves and opens; dates filter', async ({
  page,
}) => {
  const input = await openPalette(page);
  await input.fill('aydin');
  await page.getByTestId('search-all-results').click();
  await expect(page).toHaveURL(/#\/search\?q=aydin/);
  const searchPage = page.getByTestId('search-page');
  await expect(searchPage.getByTestId('search-group-person')).toContainText('Gülşen Aydın');
  await expect(searchPage.getByTestId('search-group-institution')).toContainText('Aydın Lojistik A.Ş.');
  await expect(searchPage.getByTestId('search-group-document')).toContainText('Kira sözleşmesi.txt');
  await shot(page, 'search-page');

  const box = page.getByTestId('search-page-input');
  await box.focus();
  await expect(searchPage.locator('[aria-selected="true"]')).toContainText('Gülşen Aydın');
  await page.keyboard.press('ArrowDown');
  await expect(searchPage.locator('[aria-selected="true"]')).toContainText('Aydın Lojistik A.Ş.');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/institutions\//);
  await expect(page.getByText('Aydın Lojistik A.Ş.').first()).toBeVisible();

  // A date range with nothing in it: the page says so, and the range shows in the filter.
  await page.evaluate(() => (location.hash = '#/search?q=aydin&from=2020-01-01&to=2020-01-31'));
  await expect(page.getByTestId('search-page')).toContainText('Sonuç bulunamadı');
  await expect(page.getByTestId('search-dates')).toContainText('01.01.2020 – 31.01.2020');
  await shot(page, 'search-page-dates');
});
