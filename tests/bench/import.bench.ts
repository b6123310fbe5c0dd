/**
 * `npm run bench import`: importing N generated persons from a
 * CSV (windows-1254, ";") and from an .xlsx through the contract, each into an
 * empty data folder, against a baseline measured in the same run: plain
 * prepared inserts of the same rows into the same tables (cards, persons,
 * phones, e-mails, addresses, institutions, links, search text, one audit row
 * per card) with nothing read, checked or matched. Also the cost per row of
 * the card service's own createPerson, which the import does not use for new
 * cards (see services/transfer/write-cards.ts). Not a test: asserts nothing.
 *
 * BENCH_PERSONS sets N (100k by default: about three and a half minutes here).
 * Each import goes into its own empty data folder, so this benchmark does not use
 * the runner's shared database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { newId } from '../../src-main/core/ids';
import { stmt } from '../../src-main/db/statements';
import { writeTransaction } from '../../src-main/db/transaction';
import { createPerson } from '../../src-main/services/cards/persons';
import { personFields } from '../../src-shared/contract/cards';
import type { EventPayload } from '../../src-shared/contract';
import { normalisePhone } from '../../src-shared/domain/phone';
import { foldForSearch, turkishSortKey } from '../../src-shared/domain/turkish-text';
import { provinceNames } from '../../src-shared/domain/tr-places';
import { Random } from '../../src-main/services/demo/random';
import { COMPANY_ROLES, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../../src-main/services/demo/demo-data';
import { csvText, encode1254, upload } from '../fixtures/transfer/transfer-kit';
import { BENCH_PERSONS } from './bench-kit';

const PERSONS = BENCH_PERSONS;
const SERVICE_SAMPLE = Math.min(PERSONS, 3000);
const HEADERS = ['Adı', 'Soyadı', 'Cep Telefonu', 'E-posta', 'İl', 'Doğum tarihi', 'Firma', 'Görevi'];

function generateRows(): string[][] {
  const random = new Random(7);
  const cities = provinceNames();
  const firms = Array.from(
    { length: Math.max(10, Math.round(PERSONS / 50)) },
    (_, i) => `${random.pick(SURNAMES)} Ticaret ${i} A.Ş.`,
  );
  const rows: string[][] = [];
  for (let i = 0; i < PERSONS; i++) {
    const female = random.chance(0.5);
    const linked = random.chance(0.5);
    rows.push([
      random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      random.pick(SURNAMES),
      `05${random.int(30, 55)} ${String(1_000_000 + i).slice(-7)}`,
      random.chance(0.6) ? `kisi${i}@firma${i % 997}.com.tr` : '',
      random.pick(cities),
      `${String(random.int(1, 28)).padStart(2, '0')}.${String(random.int(1, 12)).padStart(2, '0')}.${random.int(1950, 2004)}`,
      linked ? random.pick(firms) : '',
      linked ? random.pick(COMPANY_ROLES).role : '',
    ]);
  }
  return rows;
}

const dirs: string[] = [];
function emptyApp(): KartotekApp {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-import-bench-'));
  dirs.push(dir);
  return openApp({ dataDir: dir });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function importThroughContract(fileName: string, bytes: Buffer) {
  const app = emptyApp();
  const uploadId = await upload(() => app, fileName, bytes);
  const started = Date.now();
  const inspected = await app.call('transfer.inspect', { uploadId, cardType: 'person' });
  if (!inspected.ok) throw new Error(JSON.stringify(inspected.error));
  const inspectMs = Date.now() - started;
  let writingAt = 0;
  app.ctx.events.subscribe((e) => {
    if (e.name === 'transfer.progress' && (e.payload as EventPayload<'transfer.progress'>).phase === 'writing')
      writingAt = Date.now();
  });
  const importStart = Date.now();
  const result = await app.call('transfer.import', {
    uploadId,
    cardType: 'person',
    mapping: (inspected.value as { mapping: (string | null)[] }).mapping,
  });
  const end = Date.now();
  if (!result.ok || !(result.value as { committed: boolean }).committed) throw new Error(JSON.stringify(result));
  app.close();
  return { inspectMs, checkMs: writingAt - importStart, writeMs: end - writingAt, importMs: end - importStart };
}

/** The baseline: the same rows straight into the same tables with prepared statements. */
function rawInserts(rows: string[][]): number {
  const app = emptyApp();
  const db = app.ctx.db;
  const at = new Date().toISOString();
  const user = app.ctx.userId;
  const started = Date.now();
  writeTransaction(db, () => {
    const card = stmt(
      db,
      `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const person = stmt(db, 'insert into persons (card_id, first_name, last_name, birth_date) values (?, ?, ?, ?)');
    const institution = stmt(db, 'insert into institutions (card_id, title) values (?, ?)');
    const phone = stmt(
      db,
      `insert into phones (id, card_id, position, kind, number, e164, created_at, updated_at, created_by) values (?, ?, 0, 'mobile', ?, ?, ?, ?, ?)`,
    );
    const email = stmt(
      db,
      `insert into emails (id, card_id, position, kind, address, is_primary, created_at, updated_at, created_by) values (?, ?, 0, 'work', ?, 1, ?, ?, ?)`,
    );
    const address = stmt(
      db,
      `insert into addresses (id, card_id, position, kind, province, created_at, updated_at, created_by) values (?, ?, 0, 'work', ?, ?, ?, ?)`,
    );
    const link = stmt(
      db,
      `insert into affiliations (id, person_id, institution_id, role, is_primary, created_at, updated_at, created_by) values (?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const search = stmt(
      db,
      'insert into search_docs (entity_type, entity_id, deleted, title, body) values (?, ?, 0, ?, ?)',
    );
    const audit = stmt(
      db,
      `insert into audit_log (id, at, user_id, action, entity_type, entity_id, after) values (?, ?, ?, 'import', ?, ?, ?)`,
    );
    const firms = new Map<string, string>();
    for (const [first, last, mobile, mail, province, birth, firm, role] of rows) {
      const id = newId();
      const name = `${first} ${last}`;
      card.run(id, 'person', name, turkishSortKey(name), user, at, at, user);
      person.run(id, first, last, birth!.split('.').reverse().join('-'));
      phone.run(newId(), id, mobile, normalisePhone(mobile!).e164, at, at, user);
      if (mail) email.run(newId(), id, mail, at, at, user);
      address.run(newId(), id, province, at, at, user);
      if (firm) {
        let firmId = firms.get(firm);
        if (!firmId) {
          firmId = newId();
          firms.set(firm, firmId);
          card.run(firmId, 'institution', firm, turkishSortKey(firm), user, at, at, user);
          institution.run(firmId, firm);
          search.run('institution', firmId, foldForSearch(firm), '');
          audit.run(newId(), at, user, 'institution', firmId, JSON.stringify({ title: firm }));
        }
        link.run(newId(), id, firmId, role, at, at, user);
      }
      search.run('person', id, foldForSearch(name), foldForSearch([mobile, mail, province, firm, role].join(' ')));
      audit.run(newId(), at, user, 'person', id, JSON.stringify({ first, last, mobile, mail }));
    }
  });
  const elapsed = Date.now() - started;
  app.close();
  return elapsed;
}

/** Per-row cost of the card service's createPerson, on a sample (it would take minutes for 100k). */
function serviceCreates(rows: string[][]): number {
  const app = emptyApp();
  const db = app.ctx.db;
  const stamp = { userId: app.ctx.userId, at: new Date().toISOString() };
  const inputs = rows.slice(0, SERVICE_SAMPLE).map(([first, last, mobile, mail, province]) =>
    personFields.parse({
      firstName: first,
      lastName: last,
      phones: [{ kind: 'mobile', number: mobile }],
      emails: mail ? [{ address: mail }] : [],
      addresses: [{ kind: 'work', province }],
    }),
  );
  const started = Date.now();
  writeTransaction(db, () => {
    for (const input of inputs) createPerson(db, input, stamp);
  });
  const elapsed = Date.now() - started;
  app.close();
  return elapsed / inputs.length;
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-import-xlsx-')), 'kisiler.xlsx');
  dirs.push(path.dirname(file));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Kişiler');
  sheet.addRow(HEADERS).commit();
  for (const row of rows) sheet.addRow(row).commit();
  await workbook.commit();
  return fs.readFileSync(file);
}

export async function importBench(): Promise<void> {
  const rows = generateRows();
  const csv = encode1254(csvText([HEADERS, ...rows]));
  const xlsx = await xlsxOf(rows);
  console.log(
    `${PERSONS.toLocaleString()} persons: CSV ${(csv.length / 1e6).toFixed(1)} MB, xlsx ${(xlsx.length / 1e6).toFixed(1)} MB`,
  );

  const baseline = rawInserts(rows);
  const fromCsv = await importThroughContract('kisiler.csv', csv);
  const fromXlsx = await importThroughContract('kisiler.xlsx', xlsx);
  const servicePerRow = serviceCreates(rows);

  const line = (label: string, ms: number, ratio = true) =>
    console.log(
      `${label.padEnd(40)} ${seconds(ms).padStart(9)} ${`${((ms / PERSONS) * 1000).toFixed(0)} µs/row`.padStart(14)}${ratio ? `   ${(ms / baseline).toFixed(2)}x` : ''}`,
    );
  console.log(`\n${'measure'.padEnd(40)} ${'time'.padStart(9)} ${'per row'.padStart(14)}   ratio to baseline`);
  line('import from CSV (check + write)', fromCsv.importMs);
  line('  read and check', fromCsv.checkMs, false);
  line('  write (one transaction)', fromCsv.writeMs, false);
  line('  inspect (before, not counted)', fromCsv.inspectMs, false);
  line('import from xlsx (check + write)', fromXlsx.importMs);
  line('  read and check', fromXlsx.checkMs, false);
  line('  write (one transaction)', fromXlsx.writeMs, false);
  line('  inspect (before, not counted)', fromXlsx.inspectMs, false);
  line('createPerson per row (service, sampled)', servicePerRow * PERSONS);
  line('baseline: raw prepared inserts', baseline, false);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
