import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { fillDemo } from '../../src-main/services/demo/generate-demo';
import { fillDemoCriteria } from '../../src-main/services/demo/demo-criteria';
import { fillDemoUsers } from '../../src-main/services/demo/demo-users';
import type { Institution, Person } from '../../src-shared/contract/cards';
import { TRANSFER_FORMATS, type TransferFormat } from '../../src-shared/contract/transfer';
import { contractCalls } from './contract-calls';
import { download, upload } from '../fixtures/transfer/transfer-kit';

/**
 * Export then import gives the same cards: a generated firm (the demo
 * generator, small) plus cards with every awkward value we could think of is
 * exported in each format from one data folder and imported into an empty one.
 */
const dirs: string[] = [];
function newApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-roundtrip-'));
  dirs.push(dir);
  return openApp({ dataDir: dir });
}

let source: KartotekApp;
const opened: KartotekApp[] = [];

beforeAll(async () => {
  source = newApp();
  opened.push(source);
  fillDemo(
    source.ctx.db,
    { userId: source.ctx.userId, at: new Date().toISOString() },
    {
      institutions: 25,
      persons: 120,
      seed: 7,
    },
  );
  const { call } = contractCalls(() => source);
  const firm = await call('cards.createInstitution', {
    title: 'Ölçü; "Tırnak" ve Virgül, A.Ş.',
    shortName: 'Ölçü',
    kinds: ['supplier', 'group_company', 'other'],
    emailDomains: ['olcu.com.tr', 'olcu.net'],
    vkn: '1234567890',
    taxOffice: 'Kadıköy',
    website: 'https://olcu.com.tr',
    phones: [{ kind: 'fax', number: '0216 111 22 33' }],
    notes: '=SUM(A1:A9)\nikinci satır; noktalı virgül',
  });
  const other = await call('cards.createInstitution', { title: 'İkinci Şirket Ltd.' });
  const person = await call('cards.createPerson', {
    honorific: 'Prof. Dr.',
    firstName: 'Ayşe Gül',
    lastName: 'Işıkoğlu-Çelik',
    gender: 'female',
    birthDate: '1969-02-28',
    tckn: '10000000146',
    source: '@fuar',
    notes: '+cmd|" /C calc"!A0\n"alıntı", virgül; ve \\ ters bölü',
    phones: [
      { kind: 'mobile', number: '0532 123 45 67' },
      { kind: 'mobile', number: '0533 765 43 21' },
      { kind: 'other', number: '+49 30 1234567' },
    ],
    emails: [
      { kind: 'personal', address: 'ayse@example.com', isPrimary: true },
      { kind: 'work', address: 'ayse.celik@olcu.com.tr' },
    ],
    addresses: [
      {
        kind: 'home',
        line: 'Bağdat Cad. 1/3, D:4',
        district: 'Kadıköy',
        province: 'İstanbul',
        postalCode: '34710',
        country: 'Türkiye',
      },
      { kind: 'work', province: 'Ankara' },
      { kind: 'work', line: 'Şube: Atatürk Bulvarı', district: 'Çankaya', province: 'Ankara' },
    ],
    ibans: [
      { iban: 'TR33 0006 1005 1978 6457 8413 26', bankName: 'Ziraat; Kadıköy' },
      { iban: 'DE89370400440532013000' },
    ],
  });
  await call('cards.link', {
    personId: person.id,
    institutionId: firm.id,
    role: 'Genel Müdür, Kurucu',
    department: 'Yönetim',
    isPrimary: true,
  });
  await call('cards.link', { personId: person.id, institutionId: other.id, role: 'Danışman' });
});
afterAll(() => {
  for (const app of opened) app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const sorted = <T>(items: T[]) => items.map((i) => JSON.stringify(i)).sort();

/**
 * What must survive a round trip. Order within a kind is kept; across kinds the
 * file's columns decide (work before personal), and so does which e-mail is the
 * primary one: the first, as on a card typed in by hand.
 */
function personSnapshot(p: Person) {
  return {
    name: [p.honorific, p.firstName, p.lastName, p.gender, p.birthDate, p.tckn, p.source, p.notes],
    phones: sorted(p.phones.map((ph) => [ph.kind, ph.e164 ?? ph.number])),
    emails: sorted(p.emails.map((e) => [e.kind, e.address])),
    primaryEmails: p.emails.filter((e) => e.isPrimary).length,
    addresses: sorted(p.addresses.map((a) => [a.kind, a.line, a.district, a.province, a.postalCode, a.country])),
    ibans: sorted(p.ibans.map((b) => [b.iban, b.bankName])),
    links: p.affiliations.map((a) => [a.institutionTitle, a.role, a.department, a.isPrimary]),
  };
}

function institutionSnapshot(i: Institution) {
  return {
    fields: [i.title, i.shortName, i.sector, i.taxOffice, i.vkn, i.tradeRegistryNo, i.website, i.source, i.notes],
    kinds: [...i.kinds].sort(),
    domains: [...i.emailDomains].sort(),
    phones: sorted(i.phones.map((ph) => [ph.kind, ph.e164 ?? ph.number])),
    emails: sorted(i.emails.map((e) => [e.kind, e.address])),
    addresses: sorted(i.addresses.map((a) => [a.kind, a.line, a.district, a.province, a.postalCode, a.country])),
    ibans: sorted(i.ibans.map((b) => [b.iban, b.bankName])),
  };
}

/**
 * Every card's snapshot with its tags, and its owner's name where the format
 * carries it (not vCard). A card without an owner gets the importing user,
 * the local "Yönetici" of either folder.
 */
async function everything(app: KartotekApp, withOwners: boolean) {
  const { call } = contractCalls(() => app);
  const extras = async (card: { id: string; ownerName: string | null }) => ({
    tags: (await call('criteria.getTags', { cardId: card.id })).tags,
    owner: withOwners ? (card.ownerName ?? 'Yönetici') : null,
  });
  const persons: string[] = [];
  for (const r of (await call('cards.listPersons', { limit: 500 })).rows) {
    const card = await call('cards.getPerson', { id: r.id });
    persons.push(JSON.stringify({ ...personSnapshot(card), ...(await extras(card)) }));
  }
  const institutions: string[] = [];
  for (const r of (await call('cards.listInstitutions', { limit: 500 })).rows) {
    const card = await call('cards.getInstitution', { id: r.id });
    institutions.push(JSON.stringify({ ...institutionSnapshot(card), ...(await extras(card)) }));
  }
  return { persons: persons.sort(), institutions: institutions.sort() };
}

async function exportFile(format: TransferFormat, cardType: 'person' | 'institution') {
  const { call } = contractCalls(() => source);
  const file = await call('transfer.export', { cardType, format });
  return { ...file, bytes: await download(() => source, file.downloadId) };
}

describe.each(TRANSFER_FORMATS)('transfer: round trip through %s', (format) => {
  it('gives back the same cards: names, contacts, identifiers, links, tags and owners', async () => {
    const target = newApp();
    opened.push(target);
    const { call } = contractCalls(() => target);
    // The same staff and criteria definitions (other ids): owners and criteria columns are matched by name.
    const stamp = { userId: target.ctx.userId, at: new Date().toISOString() };
    fillDemoUsers(target.ctx.db, stamp);
    fillDemoCriteria(target.ctx.db, stamp, 7, { person: [], institution: [] });
    for (const cardType of ['institution', 'person'] as const) {
      const file = await exportFile(format, cardType);
      expect(file.fileName).toMatch(
        new RegExp(`^${cardType === 'person' ? 'kisiler' : 'kurumlar'}-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
      );
      const uploadId = await upload(() => target, file.fileName, file.bytes, 64 * 1024);
      const seen = await call('transfer.inspect', { uploadId, cardType });
      // Kartotek's own headers need no mapping work: every column is recognised.
      expect(seen.mapping.filter((t) => t === null)).toEqual([]);
      expect(seen.rowCount).toBe(file.rowCount);
      const report = await call('transfer.import', {
        uploadId,
        cardType,
        mapping: seen.mapping,
        onDuplicate: 'create',
      });
      expect(report).toMatchObject({ committed: true, errorRows: 0, created: file.rowCount, institutionsCreated: 0 });
    }
    const before = await everything(source, format !== 'vcf');
    const after = await everything(target, format !== 'vcf');
    expect(after.institutions).toEqual(before.institutions);
    expect(after.persons).toEqual(before.persons);
    expect(before.persons.length).toBeGreaterThan(100);
  });
});

describe('transfer: export', () => {
  it('writes CSV for Turkish Excel: UTF-8 with BOM, ";" and formulas neutralised', async () => {
    const { bytes } = await exportFile('csv', 'person');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header.split(';').slice(0, 6)).toEqual([
      'Hitap',
      'Ad',
      'Soyad',
      'Cinsiyet',
      'Doğum tarihi',
      'T.C. Kimlik No',
    ]);
    expect(text).toContain(`;'@fuar;"'+cmd|"" /C calc""!A0`);
    expect(text).toContain(';28.02.1969;10000000146;');
    // A phone number is not a formula, even with a leading +.
    expect(text).toContain(';+49 30 1234567;');
  });

  it('writes xlsx cells as text (leading zeros, eleven digits), birth dates as dates, formulas neutralised', async () => {
    const { bytes } = await exportFile('xlsx', 'person');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Kişiler');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    let ayse: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(headers.indexOf('Ad') + 1).value === 'Ayşe Gül') ayse = row;
    });
    const cell = (header: string) => ayse!.getCell(headers.indexOf(header) + 1).value;
    expect(cell('T.C. Kimlik No')).toBe('10000000146');
    expect(cell('Cep telefonu')).toBe('0532 123 45 67');
    expect(cell('Doğum tarihi')).toEqual(new Date('1969-02-28T00:00:00Z'));
    expect(cell('Kaynak')).toBe("'@fuar");
  });

  it('exports what the list shows: the same search, il and kind filters, never the recycle bin', async () => {
    const { call } = contractCalls(() => source);
    const listed = (await call('cards.listPersons', { q: 'isikoglu', limit: 500 })).total;
    const file = await call('transfer.export', { cardType: 'person', format: 'vcf', filter: { q: 'isikoglu' } });
    expect(file.rowCount).toBe(listed);
    expect((await download(() => source, file.downloadId)).toString('utf8')).toContain('FN:Ayşe Gül Işıkoğlu-Çelik');
    const suppliers = await call('cards.listInstitutions', { kind: 'supplier', limit: 500 });
    const firms = await call('transfer.export', {
      cardType: 'institution',
      format: 'csv',
      filter: { kind: 'supplier' },
    });
    expect(firms.rowCount).toBe(suppliers.total);
    await download(() => source, firms.downloadId);
    // A segment by id: its live members, named in the file name; a segment of the other card type is refused.
    const women = await call('segments.save', {
      name: 'Kadın müşteriler',
      cardType: 'person',
      query: {
        type: 'group',
        match: 'all',
        children: [{ type: 'choice', field: 'gender', op: 'anyOf', values: ['female'] }],
      },
    });
    const members = (await call('cards.listPersons', { segmentId: women.id, limit: 500 })).total;
    expect(members).toBeGreaterThan(10);
    const segment = await call('transfer.export', {
      cardType: 'person',
      format: 'csv',
      filter: { segmentId: women.id },
    });
    expect(segment.rowCount).toBe(members);
    expect(segment.fileName).toMatch(/^kisiler-kadin-musteriler-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await download(() => source, segment.downloadId)).toString('utf8');
    expect(text.split('\r\n').filter((l) => l.includes(';Erkek;'))).toEqual([]);
    const wrongType = await contractCalls(() => source).callError('transfer.export', {
      cardType: 'institution',
      format: 'csv',
      filter: { segmentId: women.id },
    });
    expect(wrongType.code).toBe('INVALID_INPUT');
    // A downloaded file is gone from the temp folder.
    expect(
      (await contractCalls(() => source).callError('transfer.download', { downloadId: firms.downloadId, offset: 0 }))
        .code,
    ).toBe('NOT_FOUND');
  });
});
