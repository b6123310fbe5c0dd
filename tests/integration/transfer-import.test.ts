import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { ContractEvent, EventPayload } from '../../src-shared/contract';
import { contractCalls } from './contract-calls';
import { csvText, encode1254, upload, xlsxBytes } from '../fixtures/transfer/transfer-kit';

let dir: string;
let app: KartotekApp;
let events: ContractEvent[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-transfer-'));
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  app = openApp({ dataDir: dir, now: () => new Date((clock += 1000)) });
  events = [];
  app.ctx.events.subscribe((e) => events.push(e));
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call, callError } = contractCalls(() => app);
const count = (sql: string, ...params: unknown[]) =>
  (app.ctx.db.$client.prepare(sql).get(...params) as { n: number }).n;
const personNames = async () => (await call('cards.listPersons', { limit: 500 })).rows.map((r) => r.displayName);
const found = async (q: string) =>
  (await call('search.query', { q, limit: 50 })).groups.flatMap((g) => g.hits.map((h) => h.title));

const OFFICE_CSV = [
  ['Ad', 'Soyad', 'Cep Telefonu', 'E-posta', 'İl', 'Şirket', 'Görevi', 'Doğum tarihi', 'T.C. Kimlik No', 'Notlar'],
  [
    'Şükrü',
    'Öztürk',
    '0532 123 45 67',
    'sukru@cagri.com.tr',
    'İstanbul',
    'Çağrı Yazılım A.Ş.',
    'Genel Müdür',
    '15.06.1980',
    '10000000146',
    '',
  ],
  [
    'Ayşe',
    'Işık',
    '0533 222 33 44',
    'ayse@cagri.com.tr',
    'Ankara',
    'ÇAĞRI YAZILIM A.Ş.',
    'Muhasebe',
    '',
    '',
    '=HYPERLINK("http://x.example")',
  ],
  ['', '', '', '', '', '', '', '', '', ''],
  ['İsmail', 'Güneş', '05551112233', '', 'İzmir', '', '', '', '', ''],
];

async function inspect(uploadId: string, cardType: 'person' | 'institution' = 'person') {
  return call('transfer.inspect', { uploadId, cardType });
}

describe('transfer: import from a Turkish office CSV', () => {
  it('reads windows-1254 with ";", suggests the mapping, dry-runs without writing, then imports whole', async () => {
    const uploadId = await upload(() => app, 'kişiler.csv', encode1254(csvText(OFFICE_CSV)));
    const seen = await inspect(uploadId);
    expect(seen).toMatchObject({ format: 'csv', encoding: 'windows-1254', delimiter: ';', rowCount: 3 });
    expect(seen.headers[5]).toBe('Şirket');
    expect(seen.sample[0]!.slice(0, 2)).toEqual(['Şükrü', 'Öztürk']);
    expect(seen.mapping).toEqual([
      'firstName',
      'lastName',
      'phone.mobile',
      'email.work',
      'address.work.1.province',
      'affiliation.1.institution',
      'affiliation.1.role',
      'birthDate',
      'tckn',
      'notes',
    ]);

    const dry = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping, dryRun: true });
    expect(dry).toMatchObject({
      committed: false,
      created: 3,
      updated: 0,
      skipped: 0,
      institutionsCreated: 1,
      errorRows: 0,
    });
    expect(count('select count(*) as n from cards')).toBe(0);

    const done = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(done).toMatchObject({ committed: true, created: 3, institutionsCreated: 1, errorRows: 0 });
    expect((await personNames()).sort()).toEqual(['Ayşe Işık', 'İsmail Güneş', 'Şükrü Öztürk']);
    // Both people of the firm are linked to one institution, matched by its folded title.
    const firms = await call('cards.listInstitutions', {});
    expect(firms.rows.map((r) => [r.displayName, r.personCount])).toEqual([['Çağrı Yazılım A.Ş.', 2]]);
    // Search text, list summary and audit are what the card form would have produced.
    expect(await found('sukru ozturk')).toEqual(['Şükrü Öztürk']);
    expect(await found('cagri')).toContain('Ayşe Işık');
    const list = await call('cards.listPersons', { q: 'ozturk' });
    expect(list.rows[0]).toMatchObject({ phone: '0532 123 45 67', email: 'sukru@cagri.com.tr', province: 'İstanbul' });
    expect(list.rows[0]!.institutions).toBe('Çağrı Yazılım A.Ş. (Genel Müdür)');
    const sukru = await call('cards.getPerson', { id: list.rows[0]!.id });
    expect(sukru).toMatchObject({ birthDate: '1980-06-15', tckn: '10000000146' });
    expect((await call('audit.list', { entityId: sukru.id })).entries.map((e) => e.action)).toEqual(['import']);
    // A formula is stored as the text it is, never run.
    const ayse = (await call('cards.listPersons', { q: 'ayse' })).rows[0]!;
    expect((await call('cards.getPerson', { id: ayse.id })).notes).toBe('=HYPERLINK("http://x.example")');
    // The upload is gone once imported; events tell every window.
    expect((await callError('transfer.inspect', { uploadId, cardType: 'person' })).code).toBe('NOT_FOUND');
    expect(events.filter((e) => e.name === 'transfer.imported').map((e) => e.payload)).toEqual([
      { cardType: 'person', created: 3, updated: 0, institutionsCreated: 1 },
    ]);
    // The institution made for the links is a new card too: open institution lists refetch.
    expect(
      events.filter((e) => e.name === 'cards.changed' && (e.payload as { type: string }).type === 'institution'),
    ).toEqual([{ name: 'cards.changed', payload: { id: firms.rows[0]!.id, type: 'institution', action: 'created' } }]);
    expect(events.filter((e) => e.name === 'transfer.progress').length).toBeGreaterThan(1);
  });

  it('names the row (header = 1), the column and the reason, and writes nothing unless told to import the valid rows', async () => {
    const rows = [
      ['Adı', 'Soyadı', 'E-posta', 'Doğum tarihi', 'TC Kimlik No', 'Cep'],
      ['Ali', 'Veli', 'ali@example.com', '1980-06-15', '', '0532 111 22 33'],
      ['Berk', '', 'berk@example', '31.02.1990', '12345678901', ''],
      ['Can', 'Dağ', '', '', '', 'telefon yok'],
      ['Deniz', 'Ak', '', '2990-01-01', '', ''],
    ];
    const uploadId = await upload(() => app, 'hatalı.csv', Buffer.from(csvText(rows, ','), 'utf8'));
    const seen = await inspect(uploadId);
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(report).toMatchObject({ committed: false, created: 0, errorRows: 3 });
    expect(report.errors).toEqual([
      { row: 3, column: 'Soyadı', message: 'Soyad gerekli' },
      { row: 3, column: 'Doğum tarihi', message: 'Doğum tarihi geçerli bir tarih olmalı (YYYY-AA-GG)' },
      { row: 3, column: 'TC Kimlik No', message: expect.stringContaining('geçerli bir T.C. Kimlik No değil') },
      { row: 3, column: 'E-posta', message: 'Geçerli bir e-posta adresi olmalı' },
      { row: 4, column: 'Cep', message: '"telefon yok" geçerli bir telefon numarası değil' },
      { row: 5, column: 'Doğum tarihi', message: 'Doğum tarihi ileri bir tarih olamaz' },
    ]);
    expect(count('select count(*) as n from cards')).toBe(0);

    const valid = await call('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: seen.mapping,
      validRowsOnly: true,
    });
    expect(valid).toMatchObject({ committed: true, created: 1, errorRows: 3 });
    expect(await personNames()).toEqual(['Ali Veli']);
  });

  it('refuses a mapping without the names, or with one field taken by two columns', async () => {
    const uploadId = await upload(() => app, 'a.csv', Buffer.from('Ad;Soyad;Telefon\r\nAli;Veli;0532 111 22 33\r\n'));
    const noLast = await callError('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: ['firstName', null, 'phone.work'],
    });
    expect(noLast.message).toContain('"Ad" ve "Soyad"');
    const twice = await callError('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: ['firstName', 'lastName', 'lastName'],
    });
    expect(twice.message).toContain('"Soyad" ve "Telefon" sütunları aynı alana');
    const unknown = await callError('transfer.import', {
      uploadId,
      cardType: 'institution',
      mapping: ['title', 'affiliation.1.role', null],
    });
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(count('select count(*) as n from cards')).toBe(0);
  });

  it('remembers a changed mapping for files with the same headers', async () => {
    const file = Buffer.from('Müşteri;Telefon;Kod\r\nAkdeniz Gıda Ltd.;0242 111 22 33;A-17\r\n');
    const first = await upload(() => app, 'cariler.csv', file);
    const suggested = await inspect(first, 'institution');
    expect(suggested.mappingSource).toBe('suggested');
    expect(suggested.mapping).toEqual(['title', 'phone.work', null]);
    const mapping = ['title', 'phone.work', 'tradeRegistryNo'];
    await call('transfer.import', { uploadId: first, cardType: 'institution', mapping });

    const next = await upload(() => app, 'cariler-mart.csv', Buffer.from('MÜŞTERİ;TELEFON;KOD\r\nBatı Ltd.;;B-2\r\n'));
    const again = await inspect(next, 'institution');
    expect(again).toMatchObject({ mappingSource: 'remembered', mapping });
    expect(count('select count(*) as n from import_mappings')).toBe(1);
  });
});

describe('transfer: duplicates', () => {
  async function seed() {
    return call('cards.createPerson', {
      firstName: 'Şükrü',
      lastName: 'Öztürk',
      emails: [{ kind: 'work', address: 'sukru@cagri.com.tr' }],
      phones: [{ kind: 'work', number: '0212 555 12 34' }],
      notes: 'Elle yazıldı',
    });
  }
  const FILE = csvText([
    ['Ad', 'Soyad', 'E-posta', 'İş telefonu', 'Cep telefonu', 'Kaynak'],
    ['ŞÜKRÜ', 'ÖZTÜRK', '', '+90 212 555 12 34', '0532 111 00 00', 'Fuar'],
    ['Yeni', 'Kişi', 'yeni@example.com', '', '', 'Fuar'],
    ['Yeni', 'Kişi', 'YENI@example.com', '', '0532 999 88 77', ''],
  ]);

  it('skips rows that match an existing card (phone as E.164), and a row that matches an earlier one', async () => {
    await seed();
    const uploadId = await upload(() => app, 'd.csv', Buffer.from(FILE));
    const mapping = (await inspect(uploadId)).mapping;
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping, onDuplicate: 'skip' });
    expect(report).toMatchObject({ created: 1, skipped: 2, updated: 0 });
    expect((await personNames()).sort()).toEqual(['Şükrü Öztürk', 'Yeni Kişi'].sort());
  });

  it('updates: the row wins for fields, contact details are added, nothing typed by hand is lost', async () => {
    const before = await seed();
    const uploadId = await upload(() => app, 'd.csv', Buffer.from(FILE));
    const mapping = (await inspect(uploadId)).mapping;
    const dry = await call('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping,
      onDuplicate: 'update',
      dryRun: true,
    });
    expect(dry).toMatchObject({ created: 1, updated: 2, skipped: 0 });
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping, onDuplicate: 'update' });
    expect(report).toMatchObject({ committed: true, created: 1, updated: 2 });
    const after = await call('cards.getPerson', { id: before.id });
    expect(after.displayName).toBe('ŞÜKRÜ ÖZTÜRK');
    expect(after.source).toBe('Fuar');
    expect(after.notes).toBe('Elle yazıldı');
    expect(after.phones.map((p) => p.e164)).toEqual(['+902125551234', '+905321110000']);
    expect(after.emails.map((e) => e.address)).toEqual(['sukru@cagri.com.tr']);
    expect((await call('audit.list', { entityId: before.id })).entries.map((e) => e.action)).toEqual([
      'update',
      'create',
    ]);
    // Rows 3 and 4 are one new person: the second row's phone went onto the card the first made.
    const yeni = (await call('cards.listPersons', { q: 'yeni' })).rows;
    expect(yeni).toHaveLength(1);
    const card = await call('cards.getPerson', { id: yeni[0]!.id });
    expect(card.phones.map((p) => p.e164)).toEqual(['+905329998877']);
    expect(card.emails.map((e) => e.address)).toEqual(['yeni@example.com']);
  });

  it('creates anyway when told to', async () => {
    await seed();
    const uploadId = await upload(() => app, 'd.csv', Buffer.from(FILE));
    const mapping = (await inspect(uploadId)).mapping;
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping, onDuplicate: 'create' });
    expect(report).toMatchObject({ created: 3, skipped: 0 });
    expect(await personNames()).toHaveLength(4);
  });

  it('matches persons by folded full name only when the row has no e-mail or phone', async () => {
    await call('cards.createPerson', { firstName: 'Gül', lastName: 'Çelik' });
    const file = csvText([
      ['Ad soyad', 'E-posta'],
      ['GÜL ÇELİK', ''],
      ['Gül Çelik', 'baska.gul@example.com'],
    ]);
    const uploadId = await upload(() => app, 'n.csv', Buffer.from(file));
    const mapping = (await inspect(uploadId)).mapping;
    expect(mapping).toEqual(['fullName', 'email.work']);
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    expect(report).toMatchObject({ created: 1, skipped: 1 });
  });
});

describe('transfer: other programs’ files', () => {
  it('maps Outlook’s English CSV (UTF-8 with BOM, commas) without help', async () => {
    const header = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Title',
      'Company',
      'Department',
      'Job Title',
      'Business Street',
      'Business City',
      'Business Postal Code',
      'Business Phone',
      'Mobile Phone',
      'Home Phone',
      'E-mail Address',
      'E-mail 2 Address',
      'Birthday',
      'Notes',
    ];
    const row = [
      'Ahmet',
      'Can',
      'Yılmaz',
      'Dr.',
      'Deniz Lojistik',
      'Satış',
      'Müdür',
      'Atatürk Cad. 5',
      'İzmir',
      '35000',
      '(0232) 444 55 66',
      '0505 123 45 67',
      '',
      'ahmet@deniz.com.tr',
      'ahmet.yilmaz@gmail.com',
      '1975-03-04',
      '',
    ];
    const uploadId = await upload(
      () => app,
      'outlook.csv',
      Buffer.from('\uFEFF' + csvText([header, row], ','), 'utf8'),
    );
    const seen = await inspect(uploadId);
    expect(seen).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(seen.headers[0]).toBe('First Name');
    expect(seen.mapping).toEqual([
      'firstName',
      'middleName',
      'lastName',
      'honorific',
      'affiliation.1.institution',
      'affiliation.1.department',
      'affiliation.1.role',
      'address.work.1.line',
      'address.work.1.province',
      'address.work.1.postalCode',
      'phone.work',
      'phone.mobile',
      'phone.home',
      'email.work',
      'email.other',
      'birthDate',
      'notes',
    ]);
    await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    const id = (await call('cards.listPersons', {})).rows[0]!.id;
    const p = await call('cards.getPerson', { id });
    expect(p).toMatchObject({ firstName: 'Ahmet Can', lastName: 'Yılmaz', honorific: 'Dr.', birthDate: '1975-03-04' });
    expect(p.affiliations[0]).toMatchObject({
      institutionTitle: 'Deniz Lojistik',
      role: 'Müdür',
      department: 'Satış',
      isPrimary: true,
    });
    expect(p.addresses[0]).toMatchObject({
      kind: 'work',
      line: 'Atatürk Cad. 5',
      province: 'İzmir',
      postalCode: '35000',
    });
    expect(p.emails.map((e) => [e.kind, e.address, e.isPrimary])).toEqual([
      ['work', 'ahmet@deniz.com.tr', true],
      ['other', 'ahmet.yilmaz@gmail.com', false],
    ]);
  });

  it('maps Turkish Outlook headers and Google’s " ::: " lists', async () => {
    const turkish = ['Ad', 'Soyadı', 'Şirket', 'İş Unvanı', 'Cep Telefonu', 'E-posta Adresi'];
    const uploadId = await upload(
      () => app,
      'tr.csv',
      Buffer.from(
        csvText([turkish, ['Elif', 'Kaya', 'Ak Banka', 'Şube Müdürü', '0530 000 11 22', 'elif@akbanka.com.tr']]),
      ),
    );
    expect((await inspect(uploadId)).mapping).toEqual([
      'firstName',
      'lastName',
      'affiliation.1.institution',
      'affiliation.1.role',
      'phone.mobile',
      'email.work',
    ]);
    const google = [
      'Name',
      'Given Name',
      'Family Name',
      'E-mail 1 - Value',
      'Phone 1 - Value',
      'Organization 1 - Name',
      'Organization 1 - Title',
    ];
    const g = await upload(
      () => app,
      'google.csv',
      Buffer.from(
        csvText(
          [
            google,
            [
              'Murat Şen',
              'Murat',
              'Şen',
              'murat@x.com ::: m.sen@y.com',
              '+90 532 765 43 21 ::: 0212 333 44 55',
              'Şen Ltd',
              'Ortak',
            ],
          ],
          ',',
        ),
      ),
    );
    const seen = await inspect(g);
    expect(seen.mapping).toEqual([
      'fullName',
      'firstName',
      'lastName',
      'email.work',
      'phone.mobile',
      'affiliation.1.institution',
      'affiliation.1.role',
    ]);
    await call('transfer.import', { uploadId: g, cardType: 'person', mapping: seen.mapping });
    const id = (await call('cards.listPersons', { q: 'murat' })).rows[0]!.id;
    const p = await call('cards.getPerson', { id });
    expect(p.emails.map((e) => e.address)).toEqual(['murat@x.com', 'm.sen@y.com']);
    expect(p.phones.map((ph) => ph.e164)).toEqual(['+905327654321', '+902123334455']);
  });

  it('imports institutions from an .xlsx with numbers and dates as Excel stores them', async () => {
    const bytes = await xlsxBytes([
      ['Ticari Unvan', 'Vergi Dairesi', 'Vergi No', 'Tür', 'Sektör', 'Web Sitesi', 'Telefon', 'Alan adları'],
      [
        'Anadolu Gıda A.Ş.',
        'Kozyatağı',
        1234567890,
        'Müşteri, Tedarikçi',
        'Gıda',
        'www.anadolugida.com.tr',
        '0216 444 00 11',
        'anadolugida.com.tr',
      ],
      ['Gmail Dostları Ltd.', '', '', 'müşteri', '', '', '', 'gmail.com'],
    ]);
    const uploadId = await upload(() => app, 'kurumlar.xlsx', bytes);
    const seen = await inspect(uploadId, 'institution');
    expect(seen).toMatchObject({ format: 'xlsx', encoding: null, rowCount: 2 });
    expect(seen.mapping).toEqual([
      'title',
      'taxOffice',
      'vkn',
      'kinds',
      'sector',
      'website',
      'phone.work',
      'emailDomains',
    ]);
    const report = await call('transfer.import', {
      uploadId,
      cardType: 'institution',
      mapping: seen.mapping,
      validRowsOnly: true,
    });
    expect(report.errors).toEqual([
      { row: 3, column: 'Alan adları', message: expect.stringContaining('Herkese açık e-posta sağlayıcıları') },
    ]);
    const id = (await call('cards.listInstitutions', {})).rows[0]!.id;
    const firm = await call('cards.getInstitution', { id });
    expect(firm).toMatchObject({
      title: 'Anadolu Gıda A.Ş.',
      vkn: '1234567890',
      kinds: ['customer', 'supplier'],
      emailDomains: ['anadolugida.com.tr'],
    });
  });
});

describe('transfer: progress and cancel', () => {
  it('reports progress while reading and stops when cancelled, writing nothing', async () => {
    const rows = [['Ad', 'Soyad', 'E-posta']];
    for (let i = 0; i < 3000; i++) rows.push([`Kişi${i}`, 'Deneme', `kisi${i}@example.com`]);
    const uploadId = await upload(() => app, 'büyük.csv', Buffer.from(csvText(rows)));
    const mapping = ['firstName', 'lastName', 'email.work'];
    const jobId = '01900000-0000-7000-8000-00000000abcd';
    const cancelled = new Promise<void>((resolve) => {
      const stop = app.ctx.events.subscribe((e) => {
        const progress = e.payload as EventPayload<'transfer.progress'>;
        if (e.name === 'transfer.progress' && progress.jobId === jobId && progress.phase === 'validating') {
          stop();
          void call('transfer.cancel', { jobId }).then(({ cancelled }) => {
            expect(cancelled).toBe(true);
            resolve();
          });
        }
      });
    });
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping, jobId });
    await cancelled;
    expect(report).toMatchObject({ jobId, cancelled: true, committed: false, created: 0 });
    expect(report.rowCount).toBeLessThan(3000);
    expect(count('select count(*) as n from cards')).toBe(0);
    // The job is over: cancelling again finds nothing, and the same upload can be imported.
    expect((await call('transfer.cancel', { jobId })).cancelled).toBe(false);
    const done = await call('transfer.import', { uploadId, cardType: 'person', mapping });
    expect(done).toMatchObject({ committed: true, created: 3000 });
    expect(await found('kisi2999')).toEqual(['Kişi2999 Deneme']);
  });
});
