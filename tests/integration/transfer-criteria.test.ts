import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import type { CriterionKind } from '../../src-shared/contract/criteria';
import { contractCalls } from './contract-calls';
import { criterionTarget } from '../../src-shared/contract/transfer';
import { csvText, download, upload, xlsxBytes } from '../fixtures/transfer/transfer-kit';

/**
 * Owners, tags and user-defined criteria in import and export: a card's values
 * of every criteria kind go out in a sheet and come back into another data
 * folder with the same definitions (other ids, matched by "Kategori › Alan"),
 * and bad values are named by row and column before anything is written.
 */
const opened: { app: KartotekApp; dir: string }[] = [];
function newApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-transfer-criteria-'));
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const app = openApp({ dataDir: dir, now: () => new Date((clock += 1000)) });
  opened.push({ app, dir });
  return app;
}
afterEach(() => {
  for (const { app, dir } of opened.splice(0)) {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const FIELDS: { category: string; name: string; kind: CriterionKind; options?: string[] }[] = [
  { category: 'Kıyafet', name: 'Beden', kind: 'one_of', options: ['S', 'M', 'L', 'XL'] },
  { category: 'Kıyafet', name: 'İlgi alanları', kind: 'many_of', options: ['Golf', 'Yelken, kürek', 'Işık sanatı'] },
  { category: 'Satış', name: 'Yıllık ciro', kind: 'number' },
  { category: 'Satış', name: 'Son ziyaret', kind: 'date' },
  { category: 'Satış', name: 'E-bülten', kind: 'yes_no' },
  { category: 'Satış', name: 'Not', kind: 'text' },
];

/** The same definitions in any data folder; answers field ids by "Kategori › Alan". */
async function defineCriteria(app: KartotekApp): Promise<Record<string, string>> {
  const { call } = contractCalls(() => app);
  const categories = new Map<string, string>();
  const ids: Record<string, string> = {};
  for (const f of FIELDS) {
    let categoryId = categories.get(f.category);
    if (!categoryId) {
      categoryId = (await call('criteria.saveCategory', { cardType: 'person', name: f.category })).id;
      categories.set(f.category, categoryId);
    }
    const field = await call('criteria.saveField', {
      categoryId,
      name: f.name,
      kind: f.kind,
      options: f.options ?? [],
    });
    ids[`${f.category} › ${f.name}`] = field.id;
  }
  return ids;
}

async function addStaff(app: KartotekApp) {
  const { call } = contractCalls(() => app);
  await call('users.create', { name: 'Gülşen Işık', email: 'gulsen@firma.com.tr', role: 'staff' });
  await call('users.create', { name: 'Çağrı Öz', email: 'cagri@firma.com.tr', role: 'manager' });
}

/** Values by "Kategori › Alan" (ids differ between folders). */
async function valuesByName(app: KartotekApp, cardId: string) {
  const { call } = contractCalls(() => app);
  const names = new Map<string, string>();
  for (const c of (await call('criteria.listDefinitions', { cardType: 'person' })).categories) {
    for (const f of c.fields) names.set(f.id, `${c.name} › ${f.name}`);
  }
  const { values } = await call('criteria.getValues', { cardId });
  return Object.fromEntries(Object.entries(values).map(([id, v]) => [names.get(id)!, v]));
}

/** Each person by name: owner, tags and criteria values. */
async function snapshot(app: KartotekApp) {
  const { call } = contractCalls(() => app);
  const out: Record<string, unknown> = {};
  for (const r of (await call('cards.listPersons', { limit: 100 })).rows) {
    const card = await call('cards.getPerson', { id: r.id });
    out[card.displayName] = {
      owner: card.ownerName,
      tags: (await call('criteria.getTags', { cardId: r.id })).tags,
      values: await valuesByName(app, r.id),
    };
  }
  return out;
}

async function seedSource() {
  const source = newApp();
  const { call } = contractCalls(() => source);
  const f = await defineCriteria(source);
  await addStaff(source);
  const staff = (await call('users.list', {})).users;
  const gulsen = staff.find((u) => u.name === 'Gülşen Işık')!;
  const ayse = await call('cards.createPerson', {
    firstName: 'Ayşe',
    lastName: 'Yılmaz',
    ownerId: gulsen.id,
    emails: [{ kind: 'work', address: 'ayse@musteri.com.tr' }],
  });
  await call('criteria.setValues', {
    cardId: ayse.id,
    values: {
      [f['Kıyafet › Beden']!]: 'XL',
      [f['Kıyafet › İlgi alanları']!]: ['Golf', 'Yelken, kürek', 'Işık sanatı'],
      [f['Satış › Yıllık ciro']!]: 1234567.5,
      [f['Satış › Son ziyaret']!]: '2026-02-27',
      [f['Satış › E-bülten']!]: true,
      [f['Satış › Not']!]: '=HYPERLINK("http://x.example"); virgül, "tırnak"',
    },
  });
  await call('criteria.setTags', { cardId: ayse.id, tags: ['VIP', 'Fuar 2026', 'İzmir'] });
  const bora = await call('cards.createPerson', { firstName: 'Bora', lastName: 'Çelik' });
  await call('criteria.setValues', {
    cardId: bora.id,
    values: { [f['Satış › E-bülten']!]: false, [f['Satış › Yıllık ciro']!]: -3, [f['Kıyafet › Beden']!]: 'S' },
  });
  await call('criteria.setTags', { cardId: bora.id, tags: ['Bayi'] });
  await call('cards.createPerson', { firstName: 'Cem', lastName: 'Boş', ownerId: null });
  return source;
}

async function exportPersons(app: KartotekApp, format: 'csv' | 'xlsx' | 'vcf') {
  const file = await contractCalls(() => app).call('transfer.export', { cardType: 'person', format });
  return { ...file, bytes: await download(() => app, file.downloadId) };
}

const count = (app: KartotekApp, table: string) =>
  (app.ctx.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe.each(['csv', 'xlsx'] as const)('transfer: criteria, tags and owners through %s', (format) => {
  it('come back the same in a data folder with the same definitions, with no mapping work', async () => {
    const source = await seedSource();
    const file = await exportPersons(source, format);

    const target = newApp();
    const { call } = contractCalls(() => target);
    const ids = await defineCriteria(target);
    await addStaff(target);
    const uploadId = await upload(() => target, file.fileName, file.bytes);
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen.mapping.filter((t) => t === null)).toEqual([]);
    const at = (header: string) => seen.mapping[seen.headers.indexOf(header)];
    expect(at('Sorumlu')).toBe('owner');
    expect(at('Etiketler')).toBe('tags');
    for (const [header, id] of Object.entries(ids)) expect(at(header)).toBe(`criteria.${id}`);
    // The new columns come after the ones an export had before.
    expect(seen.headers.slice(seen.headers.indexOf('Notlar'))).toEqual([
      'Notlar',
      'Sorumlu',
      'Etiketler',
      ...Object.keys(ids),
    ]);

    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(report).toMatchObject({ committed: true, created: 3, errorRows: 0 });
    const before = await snapshot(source);
    const after = await snapshot(target);
    // A card without an owner is filed under the importing user, as a card typed in is.
    expect(after['Cem Boş']).toEqual({ ...(before['Cem Boş'] as object), owner: 'Yönetici' });
    expect({ ...after, 'Cem Boş': null }).toEqual({ ...before, 'Cem Boş': null });
    expect(after['Ayşe Yılmaz']).toMatchObject({ owner: 'Gülşen Işık', tags: ['Fuar 2026', 'İzmir', 'VIP'] });
    // Segments and the card read the same rows the criteria form writes.
    const rows = target.ctx.db.$client
      .prepare(
        'select value_text as text, value_num as num from criteria_values where field_id = ? order by value_text',
      )
      .all(ids['Kıyafet › İlgi alanları']) as { text: string }[];
    expect(rows.map((r) => r.text)).toEqual(['Golf', 'Işık sanatı', 'Yelken, kürek']);
  });
});

describe('transfer: criteria cells in the exported files', () => {
  it('writes Turkish numbers and dates in CSV, real numbers and dates in xlsx, Evet/Hayır, and neutralises formulas', async () => {
    const source = await seedSource();
    const csv = (await exportPersons(source, 'csv')).bytes.toString('utf8');
    const lines = csv.split('\r\n');
    const header = lines[0]!.split(';');
    const ayse = lines.find((l) => l.includes(';Ayşe;'))!;
    expect(header.slice(-8)).toEqual([
      'Sorumlu',
      'Etiketler',
      'Kıyafet › Beden',
      'Kıyafet › İlgi alanları',
      'Satış › Yıllık ciro',
      'Satış › Son ziyaret',
      'Satış › E-bülten',
      'Satış › Not',
    ]);
    expect(ayse).toContain(
      ';Gülşen Işık;Fuar 2026, İzmir, VIP;XL;Golf, Yelken, kürek, Işık sanatı;1234567,5;27.02.2026;Evet;"\'=HYPERLINK(',
    );
    expect(lines.find((l) => l.includes(';Bora;'))).toContain(';Bayi;S;;-3;;Hayır;');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportPersons(source, 'xlsx')).bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(headers.indexOf('Ad') + 1).value === 'Ayşe') row = r;
    });
    const cell = (h: string) => row!.getCell(headers.indexOf(h) + 1);
    expect(cell('Satış › Yıllık ciro').value).toBe(1234567.5);
    expect(cell('Satış › Son ziyaret').value).toEqual(new Date('2026-02-27T00:00:00Z'));
    expect(cell('Satış › Son ziyaret').numFmt).toBe('dd.mm.yyyy');
    expect(cell('Satış › E-bülten').value).toBe('Evet');
    expect(String(cell('Satış › Not').value)).toMatch(/^'=HYPERLINK/);
    expect(cell('Etiketler').value).toBe('Fuar 2026, İzmir, VIP');

    // vCard: the tags as the standard CATEGORIES, nothing else new.
    const vcf = (await exportPersons(source, 'vcf')).bytes.toString('utf8');
    expect(vcf).toContain('CATEGORIES:Fuar 2026,İzmir,VIP\r\n');
    expect(vcf).not.toContain('Gülşen');
    expect(vcf).not.toContain('1234567');
  });
});

const HEADERS = [
  'Ad',
  'Soyad',
  'Sorumlu',
  'Etiketler',
  'Beden',
  'Kıyafet › İlgi alanları',
  'Satış › Yıllık ciro',
  'Satış › Son ziyaret',
  'Satış › E-bülten',
];

describe('transfer: criteria names that look like formulas', () => {
  it('neutralises them as headers in CSV and xlsx, and reads such a header back as the field', async () => {
    const app = newApp();
    const { call } = contractCalls(() => app);
    const category = await call('criteria.saveCategory', { cardType: 'person', name: '=cmd|"/C calc"!A0' });
    const field = await call('criteria.saveField', {
      categoryId: category.id,
      name: 'Alan',
      kind: 'text',
      options: [],
    });
    const person = await call('cards.createPerson', { firstName: 'Ayşe', lastName: 'Işık' });
    await call('criteria.setValues', { cardId: person.id, values: { [field.id]: 'değer' } });
    const header = `'=cmd|"/C calc"!A0 › Alan`;

    const csv = await call('transfer.export', { cardType: 'person', format: 'csv', filter: {} });
    const bytes = await download(() => app, csv.downloadId);
    const firstLine = bytes.toString('utf8').split('\r\n')[0]!;
    expect(firstLine).toContain(`;"'=cmd|""/C calc""!A0 › Alan"`);
    const xlsx = await call('transfer.export', { cardType: 'person', format: 'xlsx', filter: {} });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(() => app, xlsx.downloadId)) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toContain(header);

    // The exported CSV maps back to the field with no work.
    const uploadId = await upload(() => app, 'geri.csv', bytes);
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen.headers).toContain('=cmd|"/C calc"!A0 › Alan');
    expect(seen.mapping).toContain(criterionTarget(field.id));
  });
});

describe('transfer: criteria, tags and owners typed into a sheet', () => {
  it('reads them as people type them: folded names and options, e-mails, Turkish numbers, E/H, ; or , lists', async () => {
    const app = newApp();
    const { call } = contractCalls(() => app);
    const f = await defineCriteria(app);
    await addStaff(app);
    const rows = [
      HEADERS,
      ['Deniz', 'Ak', 'GÜLŞEN IŞIK', 'vip; Fuar 2026 ,', 'xl', 'golf;YELKEN, KÜREK', '1.234,5', '5.6.2026', 'E'],
      ['Ece', 'Su', 'cagri@firma.com.tr', 'VIP', 'm', 'isik sanati', '12,25', '2026-06-05', 'hayır'],
      ['Fırat', 'Er', '', '', '', '', '7', '', 'true'],
      ['Gül', 'Tan', ' ', '', '', '', '', '', '0'],
    ];
    const uploadId = await upload(() => app, 'elle.xlsx', await xlsxBytes(rows));
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    // "Beden" alone is the one field of that name: recognised too.
    expect(seen.mapping.slice(2)).toEqual([
      'owner',
      'tags',
      `criteria.${f['Kıyafet › Beden']}`,
      `criteria.${f['Kıyafet › İlgi alanları']}`,
      `criteria.${f['Satış › Yıllık ciro']}`,
      `criteria.${f['Satış › Son ziyaret']}`,
      `criteria.${f['Satış › E-bülten']}`,
    ]);
    const report = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(report).toMatchObject({ committed: true, created: 4, errorRows: 0 });
    const got = await snapshot(app);
    expect(got['Deniz Ak']).toEqual({
      owner: 'Gülşen Işık',
      tags: ['Fuar 2026', 'vip'],
      values: {
        'Kıyafet › Beden': 'XL',
        'Kıyafet › İlgi alanları': ['Golf', 'Yelken, kürek'],
        'Satış › Yıllık ciro': 1234.5,
        'Satış › Son ziyaret': '2026-06-05',
        'Satış › E-bülten': true,
      },
    });
    // One spelling per tag across the cards: the second row's "VIP" joins the "vip" written first.
    expect(got['Ece Su']).toMatchObject({
      owner: 'Çağrı Öz',
      tags: ['vip'],
      values: { 'Kıyafet › Beden': 'M', 'Kıyafet › İlgi alanları': ['Işık sanatı'], 'Satış › Yıllık ciro': 12.25 },
    });
    expect((got['Ece Su'] as { values: Record<string, unknown> }).values['Satış › E-bülten']).toBe(false);
    // An empty owner cell: the importing user looks after the card.
    expect(got['Fırat Er']).toEqual({
      owner: 'Yönetici',
      tags: [],
      values: { 'Satış › Yıllık ciro': 7, 'Satış › E-bülten': true },
    });
    expect((got['Gül Tan'] as { values: unknown }).values).toEqual({ 'Satış › E-bülten': false });
    // The import's audit row holds what was imported, criteria by "Kategori › Alan".
    const deniz = (await call('cards.listPersons', { q: 'deniz' })).rows[0]!;
    const audit = app.ctx.db.$client
      .prepare("select after from audit_log where entity_id = ? and action = 'import'")
      .get(deniz.id) as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({
      tags: ['Fuar 2026', 'vip'],
      criteria: { 'Kıyafet › Beden': 'XL', 'Satış › Yıllık ciro': 1234.5 },
    });
  });

  it('names the row, the column and the reason of a bad value in the dry run, and writes nothing', async () => {
    const app = newApp();
    const { call } = contractCalls(() => app);
    await defineCriteria(app);
    await addStaff(app);
    const rows = [
      HEADERS,
      ['Deniz', 'Ak', 'Gülşen Işık', 'VIP', 'XXL', 'Golf', '12', '01.02.2026', 'Evet'],
      ['Ece', 'Su', 'Ahmet Yok', '', 'M', 'Golf; Satranç', 'çok', '31.02.2026', 'belki'],
      ['Fırat', 'Er', 'yok@firma.com.tr', 'x'.repeat(41), '', '', '', '', ''],
      ['Gül', 'Tan', '', '', 'S', '', '', '', ''],
    ];
    const uploadId = await upload(() => app, 'hatalı.csv', Buffer.from(csvText(rows), 'utf8'));
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    const cards = count(app, 'cards');
    const written = () => [count(app, 'cards'), count(app, 'criteria_values'), count(app, 'card_tags')];

    const dry = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping, dryRun: true });
    expect(dry).toMatchObject({ committed: false, created: 1, errorRows: 3 });
    expect(dry.errors).toEqual([
      { row: 2, column: 'Beden', message: '"XXL" seçeneklerden biri değil ("S", "M", "L", "XL")' },
      { row: 3, column: 'Sorumlu', message: '"Ahmet Yok" adında bir kullanıcı yok' },
      {
        row: 3,
        column: 'Kıyafet › İlgi alanları',
        message: '"Satranç" seçeneklerden biri değil ("Golf", "Yelken, kürek", "Işık sanatı")',
      },
      { row: 3, column: 'Satış › Yıllık ciro', message: '"çok" bir sayı olmalı' },
      { row: 3, column: 'Satış › Son ziyaret', message: '"31.02.2026" geçerli bir tarih olmalı (GG.AA.YYYY)' },
      { row: 3, column: 'Satış › E-bülten', message: '"belki" evet ya da hayır olmalı' },
      { row: 4, column: 'Sorumlu', message: '"yok@firma.com.tr" e-posta adresli bir kullanıcı yok' },
      { row: 4, column: 'Etiketler', message: expect.stringContaining('etiketi çok uzun: en fazla 40 karakter') },
    ]);
    expect(written()).toEqual([cards, 0, 0]);

    // Imported for real, all or nothing: nothing, with the same errors.
    const refused = await call('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(refused).toMatchObject({ committed: false, created: 0, errorRows: 3 });
    expect(refused.errors).toEqual(dry.errors);
    expect(written()).toEqual([cards, 0, 0]);

    // Only the valid rows: the one good card with its value.
    const valid = await call('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: seen.mapping,
      validRowsOnly: true,
    });
    expect(valid).toMatchObject({ committed: true, created: 1, errorRows: 3 });
    expect(written()).toEqual([cards + 1, 1, 0]);
  });

  it('updates a matching card: the file’s values set, other values and tags kept, tags added, with audit', async () => {
    const app = newApp();
    const { call } = contractCalls(() => app);
    const f = await defineCriteria(app);
    await addStaff(app);
    const card = await call('cards.createPerson', {
      firstName: 'Deniz',
      lastName: 'Ak',
      emails: [{ kind: 'work', address: 'deniz@ak.com.tr' }],
    });
    await call('criteria.setValues', {
      cardId: card.id,
      values: { [f['Kıyafet › Beden']!]: 'M', [f['Satış › Yıllık ciro']!]: 5 },
    });
    await call('criteria.setTags', { cardId: card.id, tags: ['Bayi'] });
    const rows = [
      ['Ad', 'Soyad', 'E-posta', 'Sorumlu', 'Etiketler', 'Beden'],
      ['Deniz', 'Ak', 'deniz@ak.com.tr', 'Çağrı Öz', 'VIP', 'L'],
    ];
    const uploadId = await upload(() => app, 'guncel.csv', Buffer.from(csvText(rows), 'utf8'));
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    const dry = await call('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: seen.mapping,
      onDuplicate: 'update',
      dryRun: true,
    });
    expect(dry).toMatchObject({ updated: 1, errorRows: 0 });
    expect(await valuesByName(app, card.id)).toEqual({ 'Kıyafet › Beden': 'M', 'Satış › Yıllık ciro': 5 });

    const report = await call('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: seen.mapping,
      onDuplicate: 'update',
    });
    expect(report).toMatchObject({ committed: true, updated: 1, created: 0 });
    expect(await valuesByName(app, card.id)).toEqual({ 'Kıyafet › Beden': 'L', 'Satış › Yıllık ciro': 5 });
    expect((await call('criteria.getTags', { cardId: card.id })).tags).toEqual(['Bayi', 'VIP']);
    expect((await call('cards.getPerson', { id: card.id })).ownerName).toBe('Çağrı Öz');
    const actions = app.ctx.db.$client
      .prepare('select action, before, after from audit_log where entity_id = ? order by at, rowid')
      .all(card.id) as { action: string; before: string; after: string }[];
    expect(actions.slice(-3).map((a) => a.action)).toEqual(['update', 'set_criteria', 'set_tags']);
    expect(JSON.parse(actions.at(-2)!.after)).toEqual({ 'Kıyafet › Beden': 'L' });
    expect(JSON.parse(actions.at(-1)!.before)).toEqual(['Bayi']);
  });

  it('refuses a criteria column whose field was deleted, or belongs to institutions', async () => {
    const app = newApp();
    const { call, callError } = contractCalls(() => app);
    const f = await defineCriteria(app);
    const other = await call('criteria.saveCategory', { cardType: 'institution', name: 'Kurum bilgisi' });
    const sector = await call('criteria.saveField', { categoryId: other.id, name: 'Bölge', kind: 'text' });
    const uploadId = await upload(
      () => app,
      'a.csv',
      Buffer.from(
        csvText([
          ['Ad', 'Soyad', 'Beden'],
          ['A', 'B', 'S'],
        ]),
      ),
    );
    const seen = await call('transfer.inspect', { uploadId, cardType: 'person' });
    expect(seen.mapping[2]).toBe(`criteria.${f['Kıyafet › Beden']}`);
    const wrongType = await callError('transfer.import', {
      uploadId,
      cardType: 'person',
      mapping: ['firstName', 'lastName', `criteria.${sector.id}`],
    });
    expect(wrongType.message).toContain('"Beden" sütunu artık olmayan bir kriter alanına eşlenmiş');
    await call('criteria.deleteField', { id: f['Kıyafet › Beden']! });
    const deleted = await callError('transfer.import', { uploadId, cardType: 'person', mapping: seen.mapping });
    expect(deleted.code).toBe('INVALID_INPUT');
    expect(deleted.message).toContain('"Beden" sütunu');
    // Inspected again, the column is not offered to the deleted field.
    expect((await call('transfer.inspect', { uploadId, cardType: 'person' })).mapping[2]).toBeNull();
    expect(count(app, 'cards')).toBe(0);
  });
});
