import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { useWebHost } from './web-host';

// A segment built in the UI over the demo firm: the live count follows every
// condition, the saved segment lists its cards and narrows the persons list.

const web = useWebHost(['--demo']);

const countText = (n: number) => `${n.toLocaleString('tr-TR')} kart`;

async function addCondition(page: Page, scope: Page | ReturnType<Page['locator']>, field: string) {
  await scope.getByTestId('segment-add-condition').last().click();
  await page.getByRole('option', { name: field, exact: true }).click();
}

test('build, save and use a segment of women managers in Karadeniz or Marmara food firms', async ({ page }) => {
  const query = {
    type: 'group',
    match: 'all',
    children: [
      { type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] },
      {
        type: 'link',
        role: { op: 'contains', value: 'müdür' },
        current: true,
        where: {
          type: 'group',
          match: 'all',
          children: [{ type: 'choice', field: 'region', op: 'anyOf', values: ['Karadeniz', 'Marmara'] }],
        },
      },
    ],
  };
  const everyone = await web.call<{ total: number }>('cards.listPersons', { limit: 1 });
  const women = await web.call<{ count: number }>('segments.count', {
    cardType: 'person',
    query: { ...query, children: [query.children[0]] },
  });
  const expected = await web.call<{ count: number }>('segments.count', { cardType: 'person', query });
  expect(expected.count).toBeGreaterThan(0);
  expect(expected.count).toBeLessThan(women.count);

  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Segmentler' }).click();
  await page.getByRole('link', { name: 'Yeni kişi segmenti' }).click();
  await expect(page.getByTestId('segment-count')).toHaveText(countText(everyone.total));

  await addCondition(page, page, 'Cinsiyet');
  await page.getByRole('textbox', { name: 'Değer' }).last().click();
  await page.getByRole('option', { name: 'Kadın' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('segment-count')).toHaveText(countText(women.count));

  await addCondition(page, page, 'Bağlantı (görev, kurum)');
  const link = page.getByTestId('segment-link');
  await link.getByRole('textbox', { name: 'Görev / unvan Değer' }).fill('MÜDÜR');
  await addCondition(page, link, 'Bölge');
  await link.getByRole('textbox', { name: 'Değer' }).last().click();
  await page.getByRole('option', { name: 'Karadeniz' }).click();
  await page.getByRole('option', { name: 'Marmara' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('segment-count')).toHaveText(countText(expected.count));
  await page.screenshot({ path: 'test-results/screens/segment-builder.png', fullPage: true });

  await page.getByTestId('segment-name').fill('Karadeniz ve Marmara kadın yöneticiler');
  await page.getByRole('button', { name: 'Kaydet' }).click();
  await expect(page.getByRole('link', { name: /Karadeniz ve Marmara kadın yöneticiler/ })).toBeVisible();
  await expect(page).toHaveURL(/#\/segments\/[0-9a-f-]{36}$/);

  await page.getByTestId('segment-show-members').click();
  const members = page.getByRole('grid', { name: 'Bu segmentteki kartlar' });
  const first = await web.call<{ rows: { displayName: string }[] }>('cards.listPersons', { query, limit: 1 });
  await expect(members.getByRole('row').nth(1)).toContainText(first.rows[0]!.displayName);
  await page.screenshot({ path: 'test-results/screens/segment-members.png', fullPage: true });

  // The saved segment exported as CSV: one line per member, after the header.
  await page.getByTestId('export-person').click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV (Türkçe Excel için)' }).click();
  const text = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(text.trim().split(/\r?\n/)).toHaveLength(expected.count + 1);
  expect(text).toContain(first.rows[0]!.displayName.split(' ')[0]);

  // The same segment narrows the persons list.
  await page.getByRole('link', { name: 'Kişiler', exact: true }).click();
  await page.getByRole('textbox', { name: 'Segment' }).click();
  await page.getByRole('option', { name: 'Karadeniz ve Marmara kadın yöneticiler' }).click();
  await expect(page.getByTestId('list-total')).toHaveText(`${expected.count.toLocaleString('tr-TR')} kayıt`);
  await page.screenshot({ path: 'test-results/screens/persons-by-segment.png' });
});

test('a condition that cannot run says which one and why', async ({ page }) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Segmentler' }).click();
  await page.getByRole('link', { name: 'Yeni kişi segmenti' }).click();
  await addCondition(page, page, 'Soyad');
  await expect(page.getByTestId('segment-error')).toHaveText('1. koşul: aranacak metni yazın');
  await page.getByRole('textbox', { name: 'Değer' }).last().fill('yıl');
  await expect(page.getByTestId('segment-error')).toHaveCount(0);
});
