import { simpleParser } from 'mailparser';
import { expect, test } from '@playwright/test';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { testMailAccount } from './test-mail-account';
import { shot, useWebHost } from './web-host';

/**
 * Writing to people picked in the persons list: tick rows (one by a Shift+click range, one by Space), the bar
 * above the list counts them, "E-posta gönder" opens the compose dialog with them as recipients and names who has
 * no address; the SMTP server gets one message per reachable person, each with its own salutation.
 */
test.skip(!dovecotInstalled(), 'dovecot is not installed (apt-get install dovecot-imapd)');

const web = useWebHost([], { KARTOTEK_DEBUG: 'outbox' });
let imap: DovecotServer;
let smtp: SmtpSink;

interface Row {
  id: string;
  displayName: string;
}

/** The four persons; Bülent has no e-mail. The salutation is what {hitap} must become for each. */
const persons = [
  {
    fields: { honorific: 'Dr.', firstName: 'Ayşe', lastName: 'Yılmaz', gender: 'female' },
    address: 'ayse@liste.test',
    hitap: 'Sayın Dr. Ayşe Yılmaz',
  },
  { fields: { firstName: 'Bülent', lastName: 'Kaya', gender: 'male' }, address: null, hitap: null },
  {
    fields: { firstName: 'Cemile', lastName: 'Demir', gender: 'female' },
    address: 'cemile@liste.test',
    hitap: 'Sayın Cemile Hanım',
  },
  {
    fields: { firstName: 'Deniz', lastName: 'Arslan', gender: 'male' },
    address: 'deniz@liste.test',
    hitap: 'Sayın Deniz Bey',
  },
] as const;

const personNamed = (displayName: string) => persons.find((p) => displayName.includes(p.fields.firstName))!;

test.beforeAll(async () => {
  imap = await startDovecot();
  smtp = await startSmtpSink({ user: imap.user, password: imap.password });
  await web.call('mail.accounts.save', { fields: testMailAccount(imap, smtp) });
  for (const p of persons)
    await web.call('cards.createPerson', {
      ...p.fields,
      emails: p.address ? [{ address: p.address, isPrimary: true }] : [],
    });
});

test.afterAll(async () => {
  await imap?.stop();
  await smtp?.stop();
});

test('ticking persons in the list and writing to them: one message each, who has no address is named', async ({
  page,
}) => {
  // The list's own order (name, ascending): the first three are ticked, the fourth is not.
  const { rows } = await web.call<{ rows: Row[] }>('cards.listPersons', { sort: 'name', dir: 'asc', limit: 10 });
  expect(rows).toHaveLength(4);
  const [first, second, third, fourth] = rows as [Row, Row, Row, Row];
  const picked = [first, second, third];
  // Whatever the name order, Bülent (no e-mail) is among the first three: the preview must name him.
  expect(picked.map((r) => r.displayName)).toContain('Bülent Kaya');

  await page.goto(web.host().url);
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(grid.getByRole('row')).toHaveCount(5);
  const box = (r: Row) => grid.getByRole('checkbox', { name: `${r.displayName} kartını seç` });
  const rowOf = (r: Row) => grid.getByRole('row').filter({ hasText: r.displayName });

  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await box(first).click();
  await expect(page.getByTestId('selection-count')).toHaveText('1 kart seçildi');
  // Shift+click on the third ticks the second too.
  await box(third).click({ modifiers: ['Shift'] });
  for (const r of picked) await expect(box(r)).toBeChecked();
  await expect(box(fourth)).not.toBeChecked();
  await expect(page.getByTestId('selection-count')).toHaveText('3 kart seçildi');
  // Space on a focused row ticks it and unticks it; the row stays on the list (Space does not open the card).
  await rowOf(fourth).focus();
  await page.keyboard.press('Space');
  await expect(box(fourth)).toBeChecked();
  await expect(page.getByTestId('selection-count')).toHaveText('4 kart seçildi');
  await page.keyboard.press('Space');
  await expect(box(fourth)).not.toBeChecked();
  await expect(page.getByTestId('selection-count')).toHaveText('3 kart seçildi');
  // The header box is part-ticked while some rows are.
  await expect(grid.getByRole('checkbox', { name: 'Yüklenen tüm satırları seç' })).not.toBeChecked();
  await expect(rowOf(second)).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'list-compose-selection');

  // The compose dialog starts with the three as recipients, e-mail preset.
  await page.getByTestId('selection-email').click();
  const dialog = page.getByRole('dialog', { name: 'E-posta gönder' });
  await expect(dialog.getByTestId('compose-recipient')).toHaveCount(3);
  for (const r of picked) await expect(dialog.getByTestId('compose-recipients')).toContainText(r.displayName);
  // Switching the channel keeps the ticked cards: main picks each one's mobile or address on the channel.
  await dialog.getByTestId('compose-channel').getByText('SMS').click();
  await expect(dialog.getByTestId('compose-recipient')).toHaveCount(3);
  await dialog.getByTestId('compose-channel').getByText('E-posta').click();
  await expect(dialog.getByTestId('compose-recipient')).toHaveCount(3);
  await expect(dialog.getByTestId('compose-account')).toHaveValue(/Ofis/);
  await dialog.getByTestId('compose-subject').fill('Yıl sonu buluşması');
  await dialog.getByTestId('compose-body').fill('{hitap},\n\nYıl sonu buluşmamıza bekleriz.');
  // The preview names who is left out for having no address.
  await expect(dialog.getByTestId('preview-skipped')).toHaveCount(1);
  await expect(dialog.getByTestId('preview-skipped')).toContainText('Bülent Kaya');
  await expect(dialog.getByTestId('preview-body')).toContainText(/^Sayın /);
  await shot(page, 'list-compose-dialog');

  await dialog.getByTestId('compose-send').click();
  await expect(page.getByText('Gönderim kuyruğa alındı')).toBeVisible();
  await expect(dialog).toBeHidden();
  // Sent: the selection is spent, the bar and the ticks go.
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  for (const r of picked) await expect(box(r)).not.toBeChecked();

  // One message per ticked person with an address, each with their own salutation; nothing to the fourth.
  const reachable = picked.map((r) => personNamed(r.displayName)).filter((p) => p.address);
  expect(reachable).toHaveLength(2);
  await expect.poll(() => smtp.received.length, { timeout: 20_000 }).toBe(reachable.length);
  for (const p of reachable) {
    const mails = smtp.received.filter((m) => m.to.includes(p.address!));
    expect(mails).toHaveLength(1);
    const mail = await simpleParser(mails[0]!.raw);
    expect(mail.subject).toBe('Yıl sonu buluşması');
    expect(mail.text).toContain(`${p.hitap},`);
    // Each message is addressed to its person alone.
    expect(mails[0]!.to).toEqual([p.address]);
  }
  const notPicked = personNamed(fourth.displayName).address;
  if (notPicked) expect(smtp.received.some((m) => m.to.includes(notPicked))).toBe(false);
});

test('a new search drops the selection: the rows ticked might no longer be in the list', async ({ page }) => {
  await page.goto(web.host().url);
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(grid.getByRole('row')).toHaveCount(5);
  // The header box ticks every row loaded so far.
  await grid.getByRole('checkbox', { name: 'Yüklenen tüm satırları seç' }).click();
  await expect(page.getByTestId('selection-count')).toHaveText('4 kart seçildi');
  await page.getByTestId('list-filter').fill('kaya');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(page.getByTestId('selection-bar')).toBeHidden();
  await expect(grid.getByRole('checkbox', { name: 'Bülent Kaya kartını seç' })).not.toBeChecked();
  // Clicking the row beside its box still opens the card.
  await grid.getByRole('row').filter({ hasText: 'Bülent Kaya' }).getByText('Bülent Kaya').click();
  await expect(page.getByTestId('card-title')).toHaveText('Bülent Kaya');
});

test('more than 100 ticked: a single send is refused with the way to a mailing; ticks survive scrolling', async ({
  page,
}) => {
  for (let i = 1; i <= 97; i++)
    await web.call('cards.createPerson', { firstName: 'Toplu', lastName: `Kişi ${String(i).padStart(3, '0')}` });
  await page.goto(web.host().url);
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  await expect(page.getByTestId('list-total')).toHaveText('101 kayıt');
  const all = grid.getByRole('checkbox', { name: 'Yüklenen tüm satırları seç' });
  // The first block (100 rows) is what is loaded: exactly the limit, still allowed.
  await all.click();
  await expect(page.getByTestId('selection-count')).toHaveText('100 kart seçildi');
  await expect(page.getByTestId('selection-email')).not.toHaveAttribute('data-disabled');
  await expect(page.getByTestId('selection-mailing')).toBeHidden();

  // Down to the last row: the ticks made above are kept, the new rows are not ticked.
  await grid.locator('xpath=./div[2]').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = grid.locator('[role=row][aria-rowindex="101"]');
  await expect(last.getByRole('checkbox')).not.toBeChecked();
  await expect(page.getByTestId('selection-count')).toHaveText('100 kart seçildi');
  await expect(all).toHaveAttribute('data-indeterminate', 'true');
  await all.click();
  await expect(page.getByTestId('selection-count')).toHaveText('101 kart seçildi');

  const email = page.getByTestId('selection-email');
  await expect(email).toHaveAttribute('data-disabled', 'true');
  await email.hover();
  await expect(page.getByRole('tooltip')).toContainText('Tek gönderim en çok 100 kişiye gider');
  await expect(page.getByRole('tooltip')).toContainText('Toplu gönderim');
  await shot(page, 'list-compose-too-many');
  // Disabled for screen readers too (aria-disabled); a click anyway opens nothing.
  await expect(email).toBeDisabled();
  await email.click({ force: true });
  await expect(page.getByRole('dialog', { name: 'E-posta gönder' })).toBeHidden();
  await page.getByTestId('selection-mailing').click();
  await expect(page.getByRole('heading', { name: 'Yeni toplu gönderim' })).toBeVisible();
});
