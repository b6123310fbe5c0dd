import { simpleParser } from 'mailparser';
import { expect, test, type Page } from '@playwright/test';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { testMailAccount } from './test-mail-account';
import { shot, useWebHost } from './web-host';

/**
 * The sending screens against a real SMTP server (and dovecot for the account's Sent folder): a template with
 * placeholders, a mailing to a segment of three persons that reaches the server as three separate messages each
 * with its own salutation and reference number, pause/resume/cancel on a slow account, a single mail from a card's
 * header, the card's "Gönderilenler" tab, and the SMS account settings.
 */
test.skip(!dovecotInstalled(), 'dovecot is not installed (apt-get install dovecot-imapd)');

// The outbox logs its steps: a failed test's report shows them (see useWebHost).
const web = useWebHost([], { KARTOTEK_DEBUG: 'outbox' });
let imap: DovecotServer;
let smtp: SmtpSink;

interface Person {
  id: string;
  displayName: string;
}

const persons = [
  { honorific: 'Dr.', firstName: 'Ayşe', lastName: 'Yılmaz', gender: 'female', address: 'ayse@toplu.test' },
  { firstName: 'Mehmet', lastName: 'Çelik', gender: 'male', address: 'mehmet@toplu.test' },
  { honorific: 'Prof. Dr.', firstName: 'Gülşen', lastName: 'Işık', gender: 'female', address: 'gulsen@toplu.test' },
] as const;

/** An account on the test servers; each its own From address (one account per address and server). */
async function addAccount(name: string, emailAddress: string, ratePerMinute: number) {
  return web.call<{ id: string }>('mail.accounts.save', {
    fields: testMailAccount(imap, smtp, { name, emailAddress, ratePerMinute }),
  });
}

/** The messages the SMTP server got for one address, parsed. */
async function receivedFor(address: string) {
  const mails = smtp.received.filter((m) => m.to.includes(address));
  return Promise.all(mails.map((m) => simpleParser(m.raw)));
}

/** A screen by its address (the app's own start first: the secret travels in the first URL). */
async function open(page: Page, path: string) {
  await page.goto(web.host().url);
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

let segmentId = '';

test.beforeAll(async () => {
  imap = await startDovecot();
  smtp = await startSmtpSink({ user: imap.user, password: imap.password });
  await addAccount('Ofis', imap.user, 600);
  for (const p of persons) {
    const { address, ...fields } = p;
    await web.call<Person>('cards.createPerson', { ...fields, emails: [{ address, isPrimary: true }] });
  }
  const segment = await web.call<{ id: string }>('segments.save', {
    name: 'Toplu davet listesi',
    cardType: 'person',
    query: {
      type: 'group',
      match: 'all',
      children: [{ type: 'text', field: 'email', op: 'contains', value: '@toplu.test' }],
    },
  });
  segmentId = segment.id;
});

test.afterAll(async () => {
  await imap?.stop();
  await smtp?.stop();
});

test('a template, a mailing to a segment of three, each with its own salutation and reference', async ({ page }) => {
  // Settings: a template; a misspelt placeholder comes back from main under the text, with its name.
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Şablonlar' }).click();
  await expect(page.getByText('Henüz şablon yok.')).toBeVisible();
  await page.getByTestId('template-new').click();
  const editor = page.getByRole('dialog', { name: 'Yeni şablon' });
  await editor.getByTestId('template-name').fill('Yıllık toplantı daveti');
  await editor.getByTestId('template-subject').fill('Yıllık toplantı ({referans})');
  await editor.getByTestId('template-body').fill('Sayın {ünvan} {soyad},\n\nToplantımıza davetlisiniz.');
  await editor.getByTestId('template-save').click();
  await expect(editor.getByText(/ünvan/).last()).toBeVisible();
  await shot(page, 'mailing-template-error');
  await editor
    .getByTestId('template-body')
    .fill('Sayın  {soyad},\n\nYıllık toplantımıza davetlisiniz.\n\nSaygılarımızla');
  // The placeholder chips go where the cursor is: between "Sayın " and " {soyad}".
  await editor.getByTestId('template-body').evaluate((el: HTMLTextAreaElement) => {
    el.focus();
    el.setSelectionRange(6, 6);
  });
  await editor.getByTestId('placeholder-help').getByRole('button', { name: '{unvan}' }).click();
  await expect(editor.getByTestId('template-body')).toHaveValue(
    'Sayın {unvan} {soyad},\n\nYıllık toplantımıza davetlisiniz.\n\nSaygılarımızla',
  );
  await shot(page, 'mailing-template-editor');
  await editor.getByTestId('template-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('template-row')).toHaveCount(1);
  await shot(page, 'mailing-templates');

  // A mailing: segment with its member count, the template, a preview for the first recipients.
  await page.getByRole('link', { name: 'Toplu gönderim' }).click();
  await expect(page.getByText('Henüz gönderim yok.')).toBeVisible();
  await page.getByTestId('mailing-new').click();
  await expect(page.getByTestId('compose-account')).toHaveValue(/Ofis/);
  await pick(page, 'mailing-segment', 'Toplu davet listesi');
  await expect(page.getByText('Şu an 3 kişi')).toBeVisible();
  await pick(page, 'compose-template', 'Yıllık toplantı daveti');
  await expect(page.getByTestId('mailing-body')).toHaveValue(/^Sayın \{unvan\} \{soyad\},/);
  await page.getByTestId('mailing-list-others').check();
  await expect(page.getByTestId('preview-summary')).toHaveText('3 alıcı · 0 kişi atlanacak');
  await expect(page.getByTestId('preview-body').first()).toContainText('Sayın');
  await shot(page, 'mailing-new', true);

  await page.getByTestId('mailing-start').click();
  const confirm = page.getByRole('dialog', { name: 'Gönderim başlasın mı?' });
  await expect(confirm).toContainText('"Toplu davet listesi" segmentindeki 3 alıcının');
  await confirm.getByRole('button', { name: 'Başlat' }).click();

  // Live progress to the end, then the permanent record of who got which reference.
  await expect(page.getByTestId('mailing-status')).toHaveText('Tamamlandı', { timeout: 30_000 });
  await expect(page.getByTestId('mailing-progress-text')).toHaveText('3 / 3 işlendi');
  await expect(page.getByTestId('recipient-row')).toHaveCount(3);
  await shot(page, 'mailing-done', true);

  const references = new Set<string>();
  const expected: Record<string, string> = {
    'ayse@toplu.test': 'Sayın Dr. Yılmaz,',
    'mehmet@toplu.test': 'Sayın Bay Çelik,',
    'gulsen@toplu.test': 'Sayın Prof. Dr. Işık,',
  };
  for (const [address, salutation] of Object.entries(expected)) {
    const mails = await receivedFor(address);
    // Each recipient their own message: nobody else on its envelope or in its headers.
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(smtp.received.find((m) => m.to.includes(address))!.to).toEqual([address]);
    expect(mail.text).toContain(salutation);
    const reference = /^Yıllık toplantı \((.+)\)$/.exec(mail.subject ?? '')?.[1];
    expect(reference).toBeTruthy();
    references.add(reference!);
    await expect(page.getByTestId('recipient-row').filter({ hasText: address })).toContainText(reference!);
    // The footer names the others (no addresses).
    const others = persons.filter((p) => p.address !== address);
    for (const other of others) {
      expect(mail.text).toContain(`${other.firstName} ${other.lastName}`);
      expect(mail.text).not.toContain(other.address);
    }
  }
  expect(references.size).toBe(3);

  await page.getByRole('link', { name: 'Gönderimlere dön' }).click();
  await expect(page.getByTestId('mailing-row')).toHaveCount(1);
  await expect(page.getByTestId('mailing-row')).toContainText('Tamamlandı');
  await shot(page, 'mailing-list');
});

test('a single mail from a card header reaches the server and shows on the card', async ({ page }) => {
  const found = await web.call<{ rows: Person[] }>('cards.listPersons', { q: 'Çelik', limit: 5 });
  const mehmet = found.rows[0]!;
  await open(page, `/persons/${mehmet.id}`);
  await page.getByTestId('compose-email').click();
  const dialog = page.getByRole('dialog', { name: 'E-posta gönder' });
  // The card's address is ticked to start with.
  await expect(dialog.getByRole('checkbox', { name: 'Mehmet Çelik · mehmet@toplu.test' })).toBeChecked();
  await pick(page, 'compose-account', 'Ofis <ofis@kartotek.test>');
  await dialog.getByTestId('compose-subject').fill('Teklifimiz');
  await dialog.getByTestId('compose-body').fill('{hitap},\n\nTeklifimiz ektedir. Referans: {referans}');
  // A template over typed text asks first; "Vazgeç" keeps what was typed.
  await pick(page, 'compose-template', 'Yıllık toplantı daveti');
  const replace = page.getByRole('dialog', { name: 'Yazdıklarınız şablonla değiştirilsin mi?' });
  await replace.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(replace).toBeHidden();
  await expect(dialog.getByTestId('compose-subject')).toHaveValue('Teklifimiz');
  await expect(dialog.getByTestId('compose-body')).toHaveValue(/^\{hitap\},/);
  await expect(dialog.getByTestId('preview-body')).toContainText('Sayın Mehmet Bey,');
  await shot(page, 'mailing-compose');

  // Closing with typed text asks first.
  await dialog.getByTestId('compose-body').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Yazdıklarınız silinsin mi?' })).toBeVisible();
  await page.getByRole('button', { name: 'Vazgeç' }).last().click();

  const before = (await receivedFor('mehmet@toplu.test')).length;
  await dialog.getByTestId('compose-send').click();
  await expect(page.getByText('Gönderim kuyruğa alındı')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await receivedFor('mehmet@toplu.test')).length, { timeout: 20_000 }).toBe(before + 1);
  const mail = (await receivedFor('mehmet@toplu.test')).find((m) => m.subject === 'Teklifimiz')!;
  expect(mail.text).toContain('Sayın Mehmet Bey,');
  expect(mail.text).toMatch(/Referans: \S+/);

  await page.getByTestId('tab-sent').click();
  await expect(page.getByTestId('sent-row').filter({ hasText: 'Teklifimiz' })).toContainText('Gönderildi', {
    timeout: 20_000,
  });
  await shot(page, 'mailing-card-sent');
});

test('SMS accounts: add one; the password is not shown again and empty keeps it', async ({ page }) => {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'SMS hesapları' }).click();
  await expect(page.getByText('Henüz SMS hesabı yok.')).toBeVisible();
  await page.getByTestId('sms-new').click();
  const editor = page.getByRole('dialog', { name: 'Yeni SMS hesabı' });
  await editor.getByTestId('sms-name').fill('Netgsm');
  await editor.getByTestId('sms-api-url').fill('https://api.netgsm.com.tr/sms/send/get');
  await editor.getByTestId('sms-username').fill('8503020000');
  await editor.getByTestId('sms-sender').fill('KARTOTEKLTD');
  await editor.getByTestId('sms-save').click();
  await expect(editor.getByText('Yeni hesap için parola gerekli')).toBeVisible();
  await editor.getByTestId('sms-password').fill('sms-Parola-9');
  await shot(page, 'mailing-sms-editor');
  await editor.getByTestId('sms-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('sms-row')).toContainText('KARTOTEKLTD');
  await page.getByRole('button', { name: 'Düzenle' }).click();
  const edit = page.getByRole('dialog', { name: 'SMS hesabını düzenle' });
  await expect(edit.getByTestId('sms-password')).toHaveValue('');
  await edit.getByTestId('sms-name').fill('Netgsm (ana)');
  await edit.getByTestId('sms-save').click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('sms-row')).toContainText('Netgsm (ana)');
  await shot(page, 'mailing-sms-accounts');
});

test('invitations by e-mail from an event: who has no address is named, the others get theirs', async ({ page }) => {
  const calendar = await web.call<{ id: string }>('agenda.saveCalendar', {
    name: 'Etkinlikler',
    kind: 'general',
    color: '#5f3dc4',
  });
  const event = await web.call<{ id: string }>('agenda.saveEvent', {
    calendarId: calendar.id,
    title: 'Bayi toplantısı',
    startsAt: '2030-05-14T10:00:00+03:00',
    endsAt: '2030-05-14T12:00:00+03:00',
    location: 'Büyük Salon',
  });
  await web.call('agenda.addAttendees', {
    eventId: event.id,
    attendees: [
      { kind: 'external', name: 'Selin Aydın', institutionName: 'Aydın Ticaret', email: 'selin@davet.test' },
      { kind: 'external', name: 'Kemal Öz', institutionName: 'Öz Yapı' },
    ],
  });
  await open(page, `/agenda/events/${event.id}`);
  await page.getByTestId('send-invitations').click();
  await page.getByRole('menuitem', { name: 'E-posta ile' }).click();
  const modal = page.getByRole('dialog', { name: 'Davetiyeyi e-posta ile gönder' });
  await expect(modal.getByTestId('invitations-unreachable')).toContainText('Kemal Öz');
  await expect(modal.getByRole('checkbox', { name: /Selin Aydın/ })).toBeChecked();
  await shot(page, 'mailing-invitations');
  await modal.getByTestId('invitations-send').click();
  await expect(modal).toBeHidden();
  await expect.poll(async () => (await receivedFor('selin@davet.test')).length, { timeout: 20_000 }).toBe(1);
  const [invitation] = await receivedFor('selin@davet.test');
  expect(invitation!.subject).toContain('Bayi toplantısı');
});

// Last: while its account waits out the one-a-minute limit, the outbox job starts no other account's work.
test('a slow mailing can be paused, resumed and cancelled; who got it stays recorded', async ({ page }) => {
  // One message a minute: the first goes out at once, the rest wait long enough to pause and cancel.
  const slow = await addAccount('Yavaş hesap', 'duyuru@kartotek.test', 1);
  const draft = await web.call<{ id: string }>('mailings.create', {
    channel: 'email',
    accountId: slow.id,
    segmentId,
    subject: 'Hatırlatma',
    body: '{hitap},\n\nToplantı yarın.',
  });
  await open(page, `/mailings/${draft.id}`);
  await expect(page.getByTestId('mailing-status')).toHaveText('Taslak');
  await expect(page.getByText('Alıcı listesi gönderim başladığında oluşur.')).toBeVisible();
  await shot(page, 'mailing-draft');
  // Starting a saved draft asks first, naming the segment's count as of now.
  await page.getByTestId('mailing-start').click();
  const ask = page.getByRole('dialog', { name: 'Gönderim başlasın mı?' });
  await expect(ask).toContainText('3 alıcının');
  await page.waitForTimeout(300); // the dialog's fade-in
  await shot(page, 'mailing-draft-confirm');
  await ask.getByRole('button', { name: 'Başlat' }).click();
  await expect(page.getByTestId('mailing-pause')).toBeVisible();
  await expect(page.getByTestId('recipient-row').filter({ hasText: 'Gönderildi' })).toHaveCount(1, {
    timeout: 20_000,
  });
  await page.getByTestId('mailing-pause').click();
  await expect(page.getByTestId('mailing-status')).toHaveText('Duraklatıldı');
  await expect(page.getByTestId('mailing-resume')).toBeVisible();
  await shot(page, 'mailing-paused', true);
  await page.getByTestId('mailing-resume').click();
  await expect(page.getByTestId('mailing-status')).not.toHaveText('Duraklatıldı');
  await page.getByTestId('mailing-cancel').click();
  await page
    .getByRole('dialog', { name: 'Gönderim iptal edilsin mi?' })
    .getByRole('button', { name: 'Gönderimi iptal et' })
    .click();
  await expect(page.getByTestId('mailing-status')).toHaveText('İptal edildi');
  await expect(page.getByTestId('mailing-cancel')).toBeHidden();
  await page.getByTestId('recipients-filter').click();
  await page.getByRole('option', { name: 'İptal' }).click();
  const cancelled = await page.getByTestId('recipient-row').count();
  expect(cancelled).toBeGreaterThanOrEqual(1);
  await shot(page, 'mailing-cancelled', true);
  // What the server got is exactly what the record says was sent: 3 recipients minus the cancelled ones.
  const reminders = (await Promise.all(smtp.received.map((m) => simpleParser(m.raw)))).filter(
    (m) => m.subject === 'Hatırlatma',
  );
  expect(reminders).toHaveLength(3 - cancelled);
});
