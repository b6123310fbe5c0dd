import { expect, test, type Page } from '@playwright/test';
import { imageSize } from 'image-size';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { shot, useWebHost } from './web-host';

// Chromium's fake camera (a moving test pattern) and no permission prompt: the real getUserMedia path.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

const web = useWebHost();

interface Doc {
  id: string;
  name: string;
  source: string;
  mimeType: string;
  tags: string[];
}
const documentsOf = async (cardId: string) =>
  (await web.call<{ documents: Doc[] }>('documents.forCard', { cardId })).documents;

async function person(firstName: string, lastName: string) {
  return web.call<{ id: string; displayName: string }>('cards.createPerson', { firstName, lastName });
}

async function openCard(page: Page, name: string) {
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Kişiler' }).click();
  await page.getByRole('grid', { name: 'Kişiler' }).getByText(name).click();
  await expect(page.getByTestId('card-title')).toHaveText(name);
}

/** Remembers every camera stream the page opens, to check that closing the camera stops it. */
async function watchCameraStreams(page: Page) {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams = streams;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
}
const liveTracks = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { cameraStreams: MediaStream[] }).cameraStreams
        .flatMap((s) => s.getTracks())
        .filter((track) => track.readyState === 'live').length,
  );

async function downloadBytes(id: string): Promise<Buffer> {
  const chunk = await web.call<{ data: string; done: boolean }>('documents.read', { id, offset: 0 });
  expect(chunk.done).toBe(true);
  return Buffer.from(chunk.data, 'base64');
}

test('a still from the camera, turned and cropped, is filed on the card as a JPEG', async ({ page }) => {
  const ayse = await person('Ayşe', 'Kameracı');
  await watchCameraStreams(page);
  await openCard(page, 'Ayşe Kameracı');

  // The card's quick action opens the documents tab with the camera running.
  await page.getByTestId('quick-camera').click();
  await expect(page).toHaveURL(/tab=documents/);
  const modal = page.getByRole('dialog', { name: 'Kameradan belge çek' });
  await expect(modal.getByTestId('camera-capture')).toBeEnabled();
  const video = await modal
    .getByTestId('camera-preview')
    .evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight }));
  expect(video.width).toBeGreaterThan(video.height);
  await shot(page, 'camera-live');

  await modal.getByTestId('camera-capture').click();
  // Taking the still stops the camera: its light goes off while the user crops.
  await expect.poll(() => liveTracks(page)).toBe(0);
  await modal.getByRole('button', { name: 'Sağa döndür' }).click();
  const still = modal.getByTestId('camera-still');
  const box = (await still.boundingBox())!;
  // Portrait after a quarter turn.
  expect(box.height).toBeGreaterThan(box.width);
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.7, { steps: 4 });
  await page.mouse.up();
  await expect(modal.getByTestId('camera-crop')).toBeVisible();
  await shot(page, 'camera-crop');

  await modal.getByTestId('camera-save').click();
  await expect(modal).toBeHidden();
  const row = page.getByTestId('document-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/Kamera \d{4}-\d\d-\d\d \d\d\.\d\d\.jpg/);
  await shot(page, 'camera-saved');

  const [doc] = await documentsOf(ayse.id);
  expect(doc).toMatchObject({ source: 'camera', mimeType: 'image/jpeg' });
  // Turned (width and height swap) and cropped to about 60 % × 50 % of the turned still.
  const size = imageSize(await downloadBytes(doc!.id));
  expect(size.type).toBe('jpg');
  expect(size.width / video.height).toBeGreaterThan(0.55);
  expect(size.width / video.height).toBeLessThan(0.65);
  expect(size.height / video.width).toBeGreaterThan(0.45);
  expect(size.height / video.width).toBeLessThan(0.55);
  expect(await liveTracks(page)).toBe(0);
});

test('closing the camera without a still stops it and files nothing', async ({ page }) => {
  const selim = await person('Selim', 'Vazgeçen');
  await watchCameraStreams(page);
  await openCard(page, 'Selim Vazgeçen');
  await page.getByTestId('tab-documents').click();
  await page.getByTestId('documents-camera').click();
  const modal = page.getByRole('dialog', { name: 'Kameradan belge çek' });
  await expect(modal.getByTestId('camera-capture')).toBeEnabled();
  expect(await liveTracks(page)).toBeGreaterThan(0);
  await modal.getByRole('button', { name: 'Vazgeç' }).click();
  await expect(modal).toBeHidden();
  await expect.poll(() => liveTracks(page)).toBe(0);
  expect(await documentsOf(selim.id)).toEqual([]);
});

test('a camera that cannot be used says why, in Turkish, and offers to try again', async ({ page }) => {
  await person('Melek', 'İzinsiz');
  // As Chromium answers when the user (or the system's privacy settings) refuses the camera, then when it is busy.
  await page.addInitScript(() => {
    const answers = ['NotAllowedError', 'NotReadableError'];
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('refused', answers.shift() ?? 'NotFoundError'));
  });
  await openCard(page, 'Melek İzinsiz');
  await page.getByTestId('quick-camera').click();
  const problem = page.getByTestId('camera-problem');
  await expect(problem).toContainText('Kameraya erişim izni verilmedi.');
  await expect(page.getByTestId('camera-capture')).toBeDisabled();
  await shot(page, 'camera-denied');
  await problem.getByRole('button', { name: 'Yeniden dene' }).click();
  await expect(problem).toContainText('Kamera başka bir program tarafından kullanılıyor.');
  await problem.getByRole('button', { name: 'Yeniden dene' }).click();
  await expect(problem).toContainText('Bu bilgisayarda kamera bulunamadı.');
});

/** Pastes files the way the browser does for Ctrl/Cmd+V: a paste event carrying a DataTransfer. */
async function paste(page: Page, files: { name: string; type: string; text: string }[], into?: string) {
  return page.evaluate(
    ({ files, into }) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: f.type }));
      let target: HTMLElement = document.body;
      if (into) {
        target = document.createElement('input');
        target.setAttribute('aria-label', into);
        document.body.append(target);
        target.focus();
      }
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      if (into) target.remove();
      return event.defaultPrevented;
    },
    { files, into },
  );
}

test('an image pasted on the card is filed with a dated name; a paste into a text field is left alone', async ({
  page,
}) => {
  const kerem = await person('Kerem', 'Yapıştıran');
  await openCard(page, 'Kerem Yapıştıran');

  // Into a text field: the field's business, not the card's.
  expect(await paste(page, [{ name: 'image.png', type: 'image/png', text: 'png' }], 'Not')).toBe(false);
  await expect(page).not.toHaveURL(/tab=documents/);

  // On the card (the general tab is open): the documents tab opens and shows it arriving.
  expect(
    await paste(page, [
      { name: 'image.png', type: 'image/png', text: '\x89PNG fake screenshot' },
      { name: 'Teklif şartnamesi.txt', type: 'text/plain', text: 'Teklif şartları' },
    ]),
  ).toBe(true);
  await expect(page).toHaveURL(/tab=documents/);
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: /Yapıştırılan görüntü \d{4}-\d\d-\d\d \d\d\.\d\d\.png/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Teklif şartnamesi.txt' })).toHaveCount(1);
  await shot(page, 'paste-filed');

  const docs = await documentsOf(kerem.id);
  expect(docs.map((d) => d.source)).toEqual(['paste', 'paste']);
});

/** Drags files from "the desktop" over an element: dragenter, dragover, then drop (or not). */
async function dragFiles(page: Page, selector: string, names: string[], drop: boolean) {
  return page.evaluate(
    ({ selector, names, drop }) => {
      const target = document.querySelector(selector)!;
      const data = new DataTransfer();
      for (const name of names) data.items.add(new File([`içerik ${name}`], name, { type: 'text/plain' }));
      const fire = (type: string) => {
        const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
        target.dispatchEvent(event);
        return event.defaultPrevented;
      };
      fire('dragenter');
      const accepted = fire('dragover');
      return { accepted, dropped: drop ? fire('drop') : null };
    },
    { selector, names, drop },
  );
}

test('files dropped on a row of the persons list are filed on that card, and nowhere else', async ({ page }) => {
  const target = await person('Zeynep', 'Satırbaşı');
  const neighbour = await person('Zeki', 'Satırbaşı');
  await page.goto(web.host().url);
  await page.getByRole('link', { name: 'Kişiler' }).click();
  const grid = page.getByRole('grid', { name: 'Kişiler' });
  const row = grid.getByRole('row').filter({ hasText: 'Zeynep Satırbaşı' });
  await expect(row).toHaveCount(1);
  const rowIndex = await row.getAttribute('aria-rowindex');
  const rowSelector = `[role=grid] [role=row][aria-rowindex="${rowIndex}"]`;

  // Hovering lights the row up.
  expect((await dragFiles(page, rowSelector, ['Vekaletname.txt'], false)).accepted).toBe(true);
  await expect(row).toHaveAttribute('data-drop-target', 'true');
  await shot(page, 'row-drop-hover');

  const dropped = await dragFiles(page, rowSelector, ['Vekaletname.txt', 'Nüfus kaydı.txt'], true);
  expect(dropped.dropped).toBe(true);
  await expect(row).not.toHaveAttribute('data-drop-target');
  await expect(page.getByText('"Zeynep Satırbaşı" kartına 2 dosya eklendi.')).toBeVisible();
  await shot(page, 'row-drop-done');
  const filed = await documentsOf(target.id);
  expect(filed.map((d) => d.name).sort()).toEqual(['Nüfus kaydı.txt', 'Vekaletname.txt']);
  expect(filed.every((d) => d.source === 'drop')).toBe(true);
  expect(await documentsOf(neighbour.id)).toEqual([]);

  // Dropped on the list's heading: refused (the browser does not open the file in place of the app), nothing filed.
  const url = page.url();
  const elsewhere = await dragFiles(page, '[role=grid] [role=columnheader]', ['Başıboş.txt'], true);
  expect(elsewhere.dropped).toBe(true);
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  expect((await documentsOf(target.id)).length).toBe(2);
  expect(await documentsOf(neighbour.id)).toEqual([]);
});

test('files dropped anywhere on a card screen are filed on it', async ({ page }) => {
  const deniz = await person('Deniz', 'Bırakan');
  await openCard(page, 'Deniz Bırakan');
  const hovering = await dragFiles(page, '[data-testid=card-title]', ['Dilekçe.txt'], false);
  expect(hovering.accepted).toBe(true);
  await expect(page.getByTestId('card-drop-overlay')).toBeVisible();
  await expect(page.getByText('Dosyaları bu karta eklemek için bırakın')).toBeVisible();
  await shot(page, 'card-drop-hover');
  // The files hover no more (no dragover for a moment): the overlay goes.
  await expect(page.getByTestId('card-drop-overlay')).toBeHidden();

  await dragFiles(page, '[data-testid=card-title]', ['Dilekçe.txt'], true);
  await expect(page).toHaveURL(/tab=documents/);
  await expect(page.getByTestId('document-row')).toContainText('Dilekçe.txt');
  expect((await documentsOf(deniz.id)).map((d) => [d.name, d.source])).toEqual([['Dilekçe.txt', 'drop']]);
});

test('tags on a document: added with suggestions that fold Turkish letters, kept after a reload', async ({ page }) => {
  const nur = await person('Nur', 'Etiketçi');
  for (const name of ['Kira sözleşmesi.txt', 'Depozito makbuzu.txt']) {
    const { uploadId } = await web.call<{ uploadId: string }>('transfer.upload', {
      fileName: name,
      offset: 0,
      data: Buffer.from(`içerik ${name}`).toString('base64'),
    });
    await web.call('documents.attach', { uploadId, cardId: nur.id, source: 'picker' });
  }
  await openCard(page, 'Nur Etiketçi');
  await page.getByTestId('tab-documents').click();
  const rowOf = (name: string) => page.getByTestId('document-row').filter({ hasText: name });

  const lease = rowOf('Kira sözleşmesi.txt');
  await lease.getByTestId('document-tags-edit').click();
  const input = lease.getByRole('textbox', { name: 'Etiketler' });
  await input.fill('Sözleşme');
  await input.press('Enter');
  await input.fill('İstanbul');
  await input.press('Enter');
  await lease.getByTestId('document-tags-save').click();
  await expect(lease.getByTestId('document-tags')).toContainText('İstanbul');
  await expect(lease.getByTestId('document-tags')).toContainText('Sözleşme');

  // On the other document, "sozl" (no Turkish letters) suggests the tag already in use.
  const receipt = rowOf('Depozito makbuzu.txt');
  await receipt.getByTestId('document-tags-edit').click();
  await receipt.getByRole('textbox', { name: 'Etiketler' }).fill('sozl');
  const option = page.getByRole('option', { name: 'Sözleşme' });
  await expect(option).toBeVisible();
  await shot(page, 'tags-suggest');
  await option.click();
  await receipt.getByTestId('document-tags-save').click();
  await expect(receipt.getByTestId('document-tags')).toContainText('Sözleşme');

  await page.reload();
  await expect(rowOf('Kira sözleşmesi.txt').getByTestId('document-tags')).toContainText('İstanbul');
  await expect(rowOf('Depozito makbuzu.txt').getByTestId('document-tags')).toContainText('Sözleşme');
  await shot(page, 'tags-after-reload');
  const docs = await documentsOf(nur.id);
  expect(docs.find((d) => d.name === 'Kira sözleşmesi.txt')?.tags).toEqual(['İstanbul', 'Sözleşme']);
  expect(docs.find((d) => d.name === 'Depozito makbuzu.txt')?.tags).toEqual(['Sözleşme']);

  // The card's history says what happened.
  await page.getByTestId('tab-history').click();
  await expect(page.getByText('Belgenin etiketleri değiştirildi').first()).toBeVisible();
});
