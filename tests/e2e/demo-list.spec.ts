import { expect, test } from '@playwright/test';
import { useWebHost } from './web-host';

// The demo firm (≥ 2,000 persons) through `start:web --demo`: the list renders only
// what is on screen and fetches the rest as the office worker scrolls.

const web = useWebHost(['--demo']);

test('a big list scrolls to its last card while only visible rows are in the page', async ({ page }) => {
  const { total } = await web.call<{ total: number }>('cards.listPersons', { limit: 1 });
  expect(total).toBeGreaterThanOrEqual(2000);
  const last = await web.call<{ rows: { displayName: string }[] }>('cards.listPersons', { dir: 'desc', limit: 1 });

  await page.goto(web.host().url);
  await expect(page.getByTestId('list-total')).toHaveText(`${total.toLocaleString('tr-TR')} kayıt`);
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  const first = await web.call<{ rows: { displayName: string }[] }>('cards.listPersons', { limit: 1 });
  await expect(grid.getByRole('row').nth(1)).toContainText(first.rows[0]!.displayName);
  // Virtualised: far fewer rows in the DOM than cards in the list.
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  await page
    .locator('[role=grid] > div')
    .nth(1)
    .evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(grid.getByRole('row').filter({ hasText: last.rows[0]!.displayName }).first()).toBeVisible();
  expect(await grid.getByRole('row').count()).toBeLessThan(80);
  await page.screenshot({ path: 'test-results/screens/persons-list-end.png' });
});

test('institutions filter by kind and the English UI reads naturally', async ({ page }) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Kurumlar' }).click();
  await page.getByRole('textbox', { name: 'Kurum türü' }).click();
  await page.getByRole('option', { name: 'Banka' }).click();
  const banks = await web.call<{ total: number }>('cards.listInstitutions', { kind: 'bank', limit: 1 });
  await expect(page.getByTestId('list-total')).toHaveText(`${banks.total} kayıt`);
  await page.screenshot({ path: 'test-results/screens/institutions-banks.png' });

  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Institutions' })).toBeVisible();
  await expect(page.getByTestId('list-total')).toHaveText(`${banks.total} records`);
  await page.screenshot({ path: 'test-results/screens/institutions-english.png' });
});
