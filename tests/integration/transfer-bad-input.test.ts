import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { ContractError } from '../../src-shared/contract/errors';
import type { EventPayload } from '../../src-shared/contract';
import { TRANSFER_CHUNK_BYTES } from '../../src-shared/contract/transfer';
import { inspectUpload } from '../../src-main/services/transfer/inspect';
import { runImport } from '../../src-main/services/transfer/run-import';
import { appendUpload, uploadFile } from '../../src-main/services/transfer/temp-files';
import { updatePerson, getPerson } from '../../src-main/services/cards/persons';
import { personFields } from '../../src-shared/contract/cards';
import { contractCalls } from './contract-calls';
import { csvText, encode1254, upload } from '../fixtures/transfer/transfer-kit';

let dir: string;
let app: KartotekApp;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-badinput-'));
  app = openApp({ dataDir: dir });
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call, callError } = contractCalls(() => app);
const cardCount = () => (app.ctx.db.$client.prepare('select count(*) as n from cards').get() as { n: number }).n;

async function inspectError(fileName: string, bytes: Buffer) {
  const uploadId = await upload(() => app, fileName, bytes);
  return callError('transfer.inspect', { uploadId, cardType: 'person' });
}

describe('transfer: files that are not what they claim', () => {
  it('refuses binary garbage named .csv as "not a text file"', async () => {
    const garbage = Buffer.alloc(5000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    const error = await inspectError('kisiler.csv', garbage);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error.message).toContain('"kisiler.csv" bir metin dosyası değil');
    // Control characters without a single NUL byte are binary too.
    const control = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect((await inspectError('b.csv', control)).message).toContain('metin dosyası değil');
  });

  it('refuses an .xlsx that is not a zip, a broken zip, an old .xls and an empty file, with a clear reason', async () => {
    expect((await inspectError('kisiler.xlsx', Buffer.from('Ad;Soyad\r\nAli;Veli\r\n'))).message).toBe(
      '"kisiler.xlsx" bir Excel (.xlsx) dosyası değil: dosya bozuk ya da başka bir biçimde.',
    );
    const brokenZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x33)]);
    const broken = await inspectError('bozuk.xlsx', brokenZip);
    expect(broken.code).toBe('INVALID_INPUT');
    expect(broken.message).toContain('"bozuk.xlsx" okunamadı');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    expect((await inspectError('eski.xls', ole)).message).toContain('eski Excel (.xls)');
    expect((await inspectError('bos.csv', Buffer.alloc(0))).message).toBe('"bos.csv" boş bir dosya.');
    expect((await inspectError('rehber.vcf', Buffer.from('Ad;Soyad\r\n'))).message).toContain('vCard dosyası değil');
    // The app is still there.
    expect((await call('cards.listPersons', {})).total).toBe(0);
  });
});

describe('transfer: encodings', () => {
  it('reads a file as windows-1254 when its only non-UTF-8 byte is far down the file', async () => {
    const rows = [['Ad', 'Soyad']];
    for (let i = 0; i < 5000; i++) rows.push([`Ali${i}`, 'Veli']);
    const ascii = Buffer.from(csvText(rows));
    expect(ascii.length).toBeGreaterThan(64 * 1024);
    const bytes = Buffer.concat([ascii, encode1254('Şükrü;Işık\r\n')]);
    const uploadId = await upload(() => app, 'k.csv', bytes);
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen).toMatchObject({ encoding: 'windows-1254', rowCount: 5001 });
    await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect((await call('cards.listPersons', { q: 'isik' })).rows.map((r) => r.displayName)).toEqual(['Şükrü Işık']);
  });

  it('reads UTF-8 with one stray bad byte as UTF-8, with a BOM or without, and names the row holding it', async () => {
    const good = (name: string) => Buffer.from(`${name};Işık\r\n`);
    const stray = Buffer.concat([Buffer.from('G'), Buffer.from([0xfe]), Buffer.from('l;Çelik\r\n')]);
    const body = [good('Ad;Soyad\r\nŞükrü'), good('Ayşe'), stray, good('Gökçe')];
    for (const bom of [true, false]) {
      const bytes = Buffer.concat([...(bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : []), ...body]);
      const uploadId = await upload(() => app, 'k.csv', bytes);
      const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
      expect(seen).toMatchObject({ encoding: 'utf-8', headers: ['Ad', 'Soyad'], rowCount: 4 });
      expect(seen.sample.map((r) => r.join(' '))).toEqual(['Şükrü Işık', 'Ayşe Işık', 'G\uFFFDl Çelik', 'Gökçe Işık']);
      expect(seen.warnings).toEqual([
        '"k.csv" UTF-8 olarak okundu, ama 4. satırda UTF-8 olmayan bayt var; bu karakterler "\uFFFD" olarak okundu, o satırları denetleyin.',
      ]);
      const report = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
      expect(report.warnings).toEqual(seen.warnings);
    }
    // The second file's people were found as the first's (same folded names), not as "Åžükrü".
    expect((await call('cards.listPersons', { q: 'sukru' })).rows.map((r) => r.displayName)).toEqual(['Şükrü Işık']);
    expect((await call('cards.listPersons', {})).total).toBe(4);
  });

  it('reads UTF-16 tab-separated text (Excel’s "Unicode text")', async () => {
    const text = 'Ad\tSoyad\tCep telefonu\r\nGökçe\tÜnal\t0532 000 00 00\r\n';
    const uploadId = await upload(
      () => app,
      'unicode.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Ad', 'Soyad', 'Cep telefonu'] });
    expect(seen.sample[0]).toEqual(['Gökçe', 'Ünal', '0532 000 00 00']);
  });
});

describe('transfer: sizes', () => {
  it('stops at a long run of empty rows instead of reading a file of blank lines to its end', async () => {
    const blank = ';;\r\n'.repeat(300_000);
    const bytes = Buffer.from(`Ad;Soyad;Not\r\nAli;Veli;\r\n${blank}Gizli;Satır;\r\n`);
    const uploadId = await upload(() => app, 'bos-satirlar.csv', bytes, 512 * 1024);
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen.rowCount).toBe(1);
    expect(seen.warnings).toEqual(['2. satırdan sonra 1000 boş satır var; dosyanın geri kalanı okunmadı.']);
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(report).toMatchObject({ created: 1, warnings: seen.warnings });
  });

  it('treats rows an .xlsx skips altogether as empty rows too', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getRow(1).values = ['Ad', 'Soyad'];
    sheet.getRow(2).values = ['Ali', 'Veli'];
    sheet.getRow(1_000_000).values = ['Uzak', 'Satır'];
    const uploadId = await upload(() => app, 'seyrek.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen).toMatchObject({
      rowCount: 1,
      warnings: [expect.stringContaining('2. satırdan sonra 1000 boş satır')],
    });
  });

  it('refuses a row too wide or too long while reading, naming the file and the row, and imports nothing', async () => {
    const head = 'Ad;Soyad;Not\r\nAli;Veli;"iki\r\nsatır"\r\n';
    const wide = Buffer.from(`${head}Ayşe;Işık;${';'.repeat(10 * 1024 * 1024)}\r\nSon;Satır;\r\n`);
    const long = Buffer.from(`${head}Ayşe;Işık;${'x'.repeat(2 * 1024 * 1024)}\r\n`);
    for (const [fileName, bytes, reason] of [
      ['genis.csv', wide, '2000 hücreden fazla'],
      ['uzun.csv', long, '1 MB’tan uzun'],
    ] as const) {
      const uploadId = await upload(() => app, fileName, bytes);
      const message = `"${fileName}" 3. satırı ${reason}; dosya bozuk olabilir, satırı düzeltip yeniden deneyin.`;
      expect(await callError('transfer.inspect', { uploadId, cardType: 'person' })).toMatchObject({
        code: 'INVALID_INPUT',
        message,
      });
      const mapping = ['firstName', 'lastName', 'notes'];
      const error = await callError('transfer.import', { uploadId, cardType: 'person', mapping });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message });
    }
    expect(cardCount()).toBe(0);
    // Quoted line breaks and a stray quote inside a cell (5" disk) are not one endless row.
    const rows = [['Ad', 'Soyad', 'Not']];
    for (let i = 0; i < 40_000; i++) rows.push([`Ali${i}`, 'Veli', i === 1 ? 'iki\nsatır' : 'ok: bir not satırı']);
    const text = csvText(rows).replace('Ali0;Veli;ok: bir not satırı', 'Ali0;Veli;5" disk');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const uploadId = await upload(() => app, 'normal.csv', Buffer.from(text));
    expect((await call('transfer.inspect', { uploadId, cardType: 'person' })).rowCount).toBe(40_000);
  });

  it('refuses more rows than the limit with a clear error and imports nothing', async () => {
    const rows = [['Ad', 'Soyad']];
    for (let i = 0; i < 150; i++) rows.push([`Ali${i}`, 'Veli']);
    const uploadId = await upload(() => app, 'cok.csv', Buffer.from(csvText(rows)));
    const limits = { maxRows: 100, maxEmptyRun: 1000 };
    await expect(inspectUpload(app.ctx, { uploadId, cardType: 'person' }, limits)).rejects.toThrow(
      '"cok.csv" çok büyük: en çok 100 satır içe aktarılabilir; dosyayı bölün.',
    );
    const input = {
      uploadId,
      cardType: 'person' as const,
      mapping: ['firstName', 'lastName'],
      onDuplicate: 'skip' as const,
      dryRun: false,
      validRowsOnly: true,
    };
    await expect(runImport(app.ctx, input, limits)).rejects.toBeInstanceOf(ContractError);
    expect(cardCount()).toBe(0);
  });

  it('caps an upload’s size, deleting what came, and refuses chunks out of order or too big', async () => {
    const limits = { maxUploadBytes: 1000 };
    const now = new Date();
    const first = appendUpload(
      dir,
      { fileName: 'x.csv', offset: 0, data: Buffer.alloc(600, 65).toString('base64') },
      now,
      limits,
    );
    expect(() =>
      appendUpload(
        dir,
        { uploadId: first.uploadId, fileName: 'x.csv', offset: 600, data: Buffer.alloc(600, 65).toString('base64') },
        now,
        limits,
      ),
    ).toThrow('"x.csv" çok büyük: en çok 0 MB');
    expect(() => uploadFile(dir, first.uploadId)).toThrow(ContractError);

    const uploadId = await upload(() => app, 'a.csv', Buffer.from('Ad;Soyad\r\n'));
    const outOfOrder = await callError('transfer.upload', { uploadId, fileName: 'a.csv', offset: 3, data: 'QUI=' });
    expect(outOfOrder.message).toContain('sırasız');
    const tooBig = await callError('transfer.upload', {
      fileName: 'b.csv',
      offset: 0,
      data: Buffer.alloc(TRANSFER_CHUNK_BYTES + 3).toString('base64'),
    });
    expect(tooBig).toMatchObject({ code: 'INVALID_INPUT', fields: { data: 'Parça en çok 4 MB olabilir' } });
  });
});

describe('transfer: all or nothing', () => {
  it('rolls back every card of the import when one fails while writing', async () => {
    const existing = await call('cards.createPerson', {
      firstName: 'Ali',
      lastName: 'Veli',
      emails: [{ kind: 'work', address: 'ali@example.com' }],
    });
    const file = csvText([
      ['Ad', 'Soyad', 'E-posta'],
      ['Yeni', 'Bir', 'yeni1@example.com'],
      ['Ali', 'Veli', 'ali@example.com'],
      ['Yeni', 'İki', 'yeni2@example.com'],
    ]);
    const uploadId = await upload(() => app, 'a.csv', Buffer.from(file));
    const mapping = ['firstName', 'lastName', 'email.work'];
    // Someone edits Ali between the check and the write: his update must be refused, and with it the whole file.
    const stop = app.ctx.events.subscribe((e) => {
      if (e.name === 'transfer.progress' && (e.payload as EventPayload<'transfer.progress'>).phase === 'writing') {
        stop();
        const ali = getPerson(app.ctx.db, existing.id);
        updatePerson(
          app.ctx.db,
          { ...personFields.parse({ firstName: 'Ali', lastName: 'Veli' }), id: ali.id },
          {
            userId: app.ctx.userId,
            at: '2099-01-01T00:00:00.000Z',
          },
        );
      }
    });
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping, onDuplicate: 'update' });
    expect(report).toMatchObject({ committed: false, created: 0, updated: 0, errorRows: 1 });
    expect(report.errors).toEqual([
      { row: 3, column: '', message: expect.stringContaining('siz düzenlerken değiştirildi') },
    ]);
    expect((await call('cards.listPersons', {})).rows.map((r) => r.displayName)).toEqual(['Ali Veli']);
  });
});
