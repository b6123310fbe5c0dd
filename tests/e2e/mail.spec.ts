import http from 'node:http';
import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../support/dovecot';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { shot, useWebHost } from './web-host';

/**
 * The mail screens against a real IMAP server (dovecot) and SMTP server: an admin adds the account in the
 * settings (the connection test goes green), the scan brings the mail in, a known sender's mail is on the
 * card's tab and timeline, an unknown sender's mail is filed by hand with "add the address" and the next
 * one from that address files itself; a hostile HTML mail runs no script and loads nothing until "Göster",
 * and "Göster" on one mail asks for that mail's images only, once.
 */
test.skip(!dovecotInstalled(), 'dovecot is not installed (apt-get install dovecot-imapd)');

const web = useWebHost();
let imap: DovecotServer;
let smtp: SmtpSink;
let images: http.Server;
/** Requests to the image server by path: each HTML mail points at its own image. */
const imageHits: Record<string, number> = {};
const hits = (path: string) => imageHits[path] ?? 0;
let imageBase = '';

/** A solid 160×48 PNG: big enough to see in a screenshot that the remote image arrived. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3]!)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;

function message(o: { from: string; fromName: string; subject: string; id: string; body: string; html?: boolean }) {
  return [
    `From: ${word(o.fromName)} <${o.from}>`,
    `To: ${word('Satış')} <${imap.user}>`,
    `Subject: ${word(o.subject)}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${o.id}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${o.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(o.body).toString('base64'),
    '',
  ].join('\r\n');
}

test.beforeAll(async () => {
  imap = await startDovecot();
  smtp = await startSmtpSink({ user: imap.user, password: imap.password });
  const logo = png(160, 48, [28, 126, 214]);
  images = http.createServer((req, res) => {
    const path = req.url ?? '';
    imageHits[path] = hits(path) + 1;
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': logo.length });
    res.end(logo);
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageBase = `http://127.0.0.1:${(images.address() as { port: number }).port}`;
});

test.afterAll(async () => {
  await imap?.stop();
  await smtp?.stop();
  await new Promise((resolve) => images?.close(resolve));
});

async function openApp(page: Page, path: string) {
  await page.goto(web.host().url);
  await expect(page.getByRole('heading', { name: 'Kişiler' })).toBeVisible();
  await page.evaluate((hash) => (window.location.hash = hash), `#${path}`);
}

test('mail: account settings, scan, card tab and timeline, filing with the address, a hostile HTML mail', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const ayse = await web.call<{ id: string }>('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Demir',
    emails: [{ kind: 'work', address: 'ayse@musteri.com.tr', isPrimary: true }],
  });
  const mehmet = await web.call<{ id: string }>('cards.createPerson', { firstName: 'Mehmet', lastName: 'Kaya' });
  await imap.append('INBOX', [
    message({
      from: 'ayse@musteri.com.tr',
      fromName: 'Ayşe Demir',
      subject: 'Teklif hakkında',
      id: 'teklif-1@musteri.com.tr',
      body: 'Merhaba,\n\nteklifinizi aldık. Çarşamba öğleden sonra görüşebilir miyiz?\n\nAyşe',
    }),
    message({
      from: 'yeni@baska.com.tr',
      fromName: 'Mehmet Kaya',
      subject: 'Fiyat listesi rica',
      id: 'fiyat-1@baska.com.tr',
      body: 'İyi günler, güncel fiyat listenizi gönderebilir misiniz?',
    }),
    message({
      from: 'ayse@musteri.com.tr',
      fromName: 'Ayşe Demir',
      subject: 'Bülten: bahar kampanyası',
      id: 'bulten-1@musteri.com.tr',
      html: true,
      body:
        `<h2>Bahar kampanyası</h2><p>Kampanya <a href="https://example.com/kampanya">ayrıntıları</a> burada.</p>` +
        `<img src="${imageBase}/logo.png" alt="logo" width="160" height="48">` +
        `<script>parent.document.title = 'HACKED'; parent.__mailScript = 1;</script>` +
        `<img src="data:," onerror="parent.__mailScript = 2">`,
    }),
    // A second HTML mail with its own remote image: "Göster" on the first must not fetch this one.
    message({
      from: 'ayse@musteri.com.tr',
      fromName: 'Ayşe Demir',
      subject: 'Bülten: yaz indirimi',
      id: 'bulten-2@musteri.com.tr',
      html: true,
      body: `<h2>Yaz indirimi</h2><p>Haziran boyunca.</p><img src="${imageBase}/yaz.png" alt="yaz" width="160" height="48">`,
    }),
  ]);

  // Settings: the admin adds the account and tries it before saving.
  await openApp(page, '/settings/mail');
  await expect(page.getByRole('heading', { name: 'Posta hesapları' })).toBeVisible();
  await page.getByTestId('new-account').click();
  const form = page.getByRole('dialog', { name: 'Yeni posta hesabı' });
  await form.getByLabel('Hesap adı').fill('Satış');
  await form.getByLabel('E-posta adresi').fill(imap.user);
  await form.getByLabel('Gönderen adı').fill('Kartotek Satış');
  await form.getByTestId('imap-host').fill('127.0.0.1');
  // "Yok" (no TLS) sets the usual ports; the test servers listen elsewhere.
  await form.getByTestId('imap-security').click();
  await page.getByRole('option', { name: 'Yok' }).click();
  const ports = form.getByLabel('Port');
  await expect(ports.first()).toHaveValue('143');
  await ports.first().fill(String(imap.port));
  await form.getByTestId('smtp-host').fill('127.0.0.1');
  await form.getByTestId('smtp-security').click();
  await page.getByRole('option', { name: 'Yok' }).click();
  await expect(ports.nth(1)).toHaveValue('25');
  await ports.nth(1).fill(String(smtp.port));
  await expect(form.getByLabel('Kullanıcı adı')).toHaveValue(imap.user);
  await form.getByLabel('Parola').fill('yanlış-parola');
  await form.getByTestId('test-connection').click();
  await expect(form.getByTestId('connection-imap')).toHaveAttribute('data-ok', 'false');
  await expect(form.getByTestId('connection-smtp')).toHaveAttribute('data-ok', 'false');
  await shot(page, 'mail-settings-test-failed');
  await form.getByLabel('Parola').fill(imap.password);
  await form.getByTestId('test-connection').click();
  await expect(form.getByTestId('connection-imap')).toHaveAttribute('data-ok', 'true');
  await expect(form.getByTestId('connection-smtp')).toHaveAttribute('data-ok', 'true');
  await shot(page, 'mail-settings-test');
  await form.getByTestId('save-account').click();
  await expect(form).toBeHidden();
  const account = page.getByTestId('mail-account');
  await expect(account).toContainText('Satış');
  await expect(account).toContainText('4 e-posta', { timeout: 30_000 });
  await expect(account.getByTestId('account-status')).toHaveText('Hazır', { timeout: 30_000 });
  await shot(page, 'mail-settings');

  // The list: four mails, the unknown sender's waiting to be filed, the menu counting it.
  await page
    .getByRole('link', { name: /E-posta/ })
    .first()
    .click();
  await expect(page.getByTestId('mail-row')).toHaveCount(4);
  await expect(page.getByTestId('mail-unfiled-count')).toHaveText('1');
  await expect(page.getByTestId('view-unfiled-count')).toHaveText(' (1)');
  await page.getByTestId('mail-row').filter({ hasText: 'Teklif hakkında' }).click();
  const reader = page.getByTestId('mail-reader');
  await expect(reader.getByTestId('mail-subject')).toHaveText('Teklif hakkında');
  await expect(reader.getByTestId('mail-from')).toHaveText('Ayşe Demir <ayse@musteri.com.tr>');
  await expect(reader.getByTestId('mail-card-chip')).toHaveText(/Ayşe Demir/);
  await expect(reader.getByTestId('mail-text')).toContainText('Çarşamba öğleden sonra');
  // Opening it read it: the row is no longer bold.
  await expect(page.getByTestId('mail-row').filter({ hasText: 'Teklif hakkında' })).not.toHaveAttribute(
    'data-unread',
    'true',
  );
  await shot(page, 'mail-list-reader');
  // "Yanıtla" starts the sending screens' compose dialog as an answer to the sender.
  await reader.getByTestId('reply-mail').click();
  const compose = page.getByTestId('compose-modal');
  await expect(compose.getByLabel('Konu', { exact: true })).toHaveValue('Re: Teklif hakkında');
  await expect(compose).toContainText('ayse@musteri.com.tr');
  await compose.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(compose).toBeHidden();

  // The hostile HTML mail: shown, no script ran, the remote image waits for "Göster".
  // Every time the screen asks main for a mail with its remote images: they are fetched on "Göster" only.
  const remoteAsks: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/call/mail.get')) return;
    const input = request.postDataJSON() as { id: string; allowRemote?: boolean };
    if (input.allowRemote) remoteAsks.push(input.id);
  });
  await page.getByTestId('mail-row').filter({ hasText: 'bahar kampanyası' }).click();
  const frame = page.frameLocator('[data-testid=mail-frame]');
  await expect(frame.getByRole('heading', { name: 'Bahar kampanyası' })).toBeVisible();
  await expect(reader.getByTestId('remote-blocked')).toBeVisible();
  const logoSrc = () =>
    page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('[data-testid=mail-frame]')?.contentDocument;
      const img = doc?.querySelector<HTMLImageElement>('img[alt=logo]');
      return { src: img?.getAttribute('src') ?? null, width: img?.naturalWidth ?? 0 };
    });
  expect((await logoSrc()).width).toBe(0);
  expect(hits('/logo.png')).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __mailScript?: number }).__mailScript)).toBeUndefined();
  expect(await page.title()).not.toBe('HACKED');
  // Main strips the mail's scripts, so the frame itself must also refuse them: sandboxed without
  // allow-scripts, and its own CSP allows no script. A script put into the frame here must not run.
  await expect(page.getByTestId('mail-frame')).toHaveAttribute('sandbox', 'allow-same-origin');
  const frameCsp = await page.evaluate(
    () =>
      document
        .querySelector<HTMLIFrameElement>('[data-testid=mail-frame]')
        ?.contentDocument?.querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? '',
  );
  expect(frameCsp).toContain("default-src 'none'");
  expect(frameCsp).not.toContain('script-src');
  const injected = await page.evaluate(async () => {
    const doc = document.querySelector<HTMLIFrameElement>('[data-testid=mail-frame]')!.contentDocument!;
    const script = doc.createElement('script');
    script.textContent = 'parent.__frameProbe = 1';
    doc.body.appendChild(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __frameProbe?: number }).__frameProbe;
  });
  expect(injected).toBeUndefined();
  await shot(page, 'mail-html-blocked');
  expect(remoteAsks).toEqual([]);
  await reader.getByRole('button', { name: 'Göster' }).click();
  await expect(reader.getByTestId('remote-blocked')).toBeHidden();
  await expect.poll(() => remoteAsks.length).toBe(1);
  const [bahar] = remoteAsks;
  // The image server is on this machine: main refuses to fetch from loopback and private addresses (a mail must
  // not make the app call the office router), so the image stays out and nothing reached the server.
  await expect(reader.locator('.mantine-Loader-root')).toHaveCount(0);
  expect((await logoSrc()).width).toBe(0);
  expect(hits('/logo.png')).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __mailScript?: number }).__mailScript)).toBeUndefined();
  await shot(page, 'mail-html-shown');
  // Any later refresh of the screen (here "Okunmadı yap", which refetches everything) asks for no images again.
  await reader.getByTestId('mark-unread').click();
  await expect(reader.getByTestId('mark-unread')).toBeDisabled();
  await expect(page.getByTestId('mail-row').filter({ hasText: 'bahar kampanyası' })).toHaveAttribute(
    'data-unread',
    'true',
  );
  expect(remoteAsks).toEqual([bahar]);
  // A link in the mail opens outside the app (a new tab here, the OS browser on the desktop), never in the frame.
  const popup = page.context().waitForEvent('page');
  await frame.getByRole('link', { name: 'ayrıntıları' }).click();
  await (await popup).close();
  await expect(frame.getByRole('heading', { name: 'Bahar kampanyası' })).toBeVisible();
  expect(page.url()).toContain('#/mail');

  // "Göster" was for that mail only: the next one opens with its images blocked and asks main for none.
  await page.getByTestId('mail-row').filter({ hasText: 'yaz indirimi' }).click();
  await expect(frame.getByRole('heading', { name: 'Yaz indirimi' })).toBeVisible();
  await expect(reader.getByTestId('remote-blocked')).toBeVisible();
  await page.waitForTimeout(500);
  expect(remoteAsks).toEqual([bahar]);
  await reader.getByRole('button', { name: 'Göster' }).click();
  await expect.poll(() => remoteAsks.length).toBe(2);
  expect(remoteAsks[1]).not.toBe(bahar);
  expect(hits('/yaz.png')).toBe(0);

  // Unfiled: filed onto Mehmet Kaya with his address, so the next mail from it files itself.
  await page.getByTestId('mail-views').locator('label', { hasText: 'Dosyalanmamış' }).click();
  await expect(page.getByTestId('mail-row')).toHaveCount(1);
  await page.getByTestId('mail-row').click();
  await expect(reader.getByTestId('mail-cards')).toContainText('hiçbir karta dosyalanmadı');
  await shot(page, 'mail-unfiled');
  await reader.getByTestId('file-mail').click();
  const dialog = page.getByRole('dialog', { name: 'Karta dosyala' });
  await dialog.getByTestId('pick-person').fill('mehmet');
  await page.getByRole('option', { name: 'Mehmet Kaya' }).click();
  const addAddress = dialog.getByLabel('Bu adresi karta ekle (sonraki e-postalar kendiliğinden bağlansın)');
  await expect(addAddress).toBeChecked();
  await shot(page, 'mail-file-dialog');
  await dialog.getByTestId('file-mail-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('mail-empty')).toHaveText('Dosyalanmayı bekleyen e-posta yok.');
  await expect(page.getByTestId('mail-unfiled-count')).toBeHidden();

  await imap.append('INBOX', [
    message({
      from: 'yeni@baska.com.tr',
      fromName: 'Mehmet Kaya',
      subject: 'Fiyat listesi için ek soru',
      id: 'fiyat-2@baska.com.tr',
      body: 'Bir de teslim süresini öğrenebilir miyim?',
    }),
  ]);
  await web.call('mail.accounts.syncNow', {});
  await page.evaluate((hash) => (window.location.hash = hash), `#/persons/${mehmet.id}?tab=mail`);
  const panel = page.getByTestId('card-mail-panel');
  await expect(panel.getByTestId('mail-row')).toHaveCount(2, { timeout: 30_000 });
  await expect(panel).toContainText('Fiyat listesi için ek soru');
  await expect(page.getByTestId('mail-unfiled-count')).toBeHidden();
  await shot(page, 'mail-card-tab-filed');

  // Ayşe's card: her three mails on the tab, and on the timeline; a row opens the reader, "Geri" comes back.
  // Her name first: Mehmet's panel (two rows too) must not pass for hers while her card loads.
  await page.evaluate((hash) => (window.location.hash = hash), `#/persons/${ayse.id}?tab=mail`);
  await expect(page.getByRole('heading', { name: 'Ayşe Demir' })).toBeVisible();
  await expect(panel).toContainText('Teklif hakkında');
  await expect(panel.getByTestId('mail-row')).toHaveCount(3);
  await shot(page, 'mail-card-tab');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'Teklif hakkında' })).toBeVisible();
  await shot(page, 'mail-card-timeline');
  await page.getByTestId('timeline-entry').filter({ hasText: 'Teklif hakkında' }).getByRole('link').click();
  await expect(page.getByTestId('mail-subject')).toHaveText('Teklif hakkında');
  await page.getByTestId('mail-back').click();
  await expect(page.getByTestId('timeline')).toBeVisible();

  // English, second.
  await page.evaluate((hash) => (window.location.hash = hash), '#/mail');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByTestId('mail-views')).toContainText('Unfiled');
  await page.getByTestId('mail-row').filter({ hasText: 'Teklif hakkında' }).click();
  await expect(page.getByTestId('mail-reader')).toContainText('Mark unread');
  await shot(page, 'mail-list-en');
  await page.getByText('TR', { exact: true }).click();
});
