import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { newId } from '../../src-main/core/ids';
import type { CallInput, ContractEvent } from '../../src-shared/contract';
import type { PersonFields } from '../../src-shared/contract/cards';
import { CARD_REFERENCES } from '../../src-main/services/duplicates/card-references';
import { refreshCardIndexes } from '../../src-main/services/cards/card-index';
import { contractCalls } from './contract-calls';
import { tcknFrom, vknFrom, ibanFrom } from './identifier-fixtures';

// Duplicate cards: found by what they share, merged with every row moving to the
// survivor, and the merge undone exactly. Real SQLite file, real dispatcher.
let dir: string;
let app: KartotekApp;
let clock: number;
let events: ContractEvent[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-dup-'));
  clock = Date.parse('2026-03-02T09:00:00.000Z');
  app = openApp({ dataDir: dir, now: () => new Date((clock += 1000)) });
  events = [];
  app.ctx.events.subscribe((e) => events.push(e));
});
afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { call, callError } = contractCalls(() => app);
const cardEvents = () =>
  events.filter((e): e is ContractEvent<'cards.changed'> => e.name === 'cards.changed').map((e) => e.payload);
const sqlite = () => app.ctx.db.$client;
const run = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .run(...params);
const rows = (sql: string, ...params: unknown[]) =>
  sqlite()
    .prepare(sql)
    .all(...params) as Record<string, unknown>[];

const person = (firstName: string, lastName: string, extra: Partial<PersonFields> = {}) =>
  call('cards.createPerson', { firstName, lastName, ...extra });
const institution = (title: string, extra: Partial<CallInput<'cards.createInstitution'>> = {}) =>
  call('cards.createInstitution', { title, ...extra });
const found = async (q: string) =>
  (await call('search.query', { q, limit: 50 })).groups.flatMap((g) => g.hits.map((h) => h.id));
const listedPersons = async (q?: string) =>
  (await call('cards.listPersons', q ? { q } : {})).rows.map((r) => r.displayName).sort();

/** Every row of every table a merge touches, and both cards' own rows: "exactly as before" means this. */
function snapshot(): Record<string, unknown> {
  const tables = [...new Set(CARD_REFERENCES.map((r) => r.table))];
  const all: Record<string, unknown> = {};
  for (const table of tables) all[table] = rows(`select * from ${table} order by 1, 2`);
  all.persons = rows('select * from persons order by card_id');
  all.institutions = rows('select * from institutions order by card_id');
  all.cards = rows('select * from cards order by id');
  all.search = rows('select entity_id, deleted, title, body from search_docs order by entity_id');
  return all;
}

async function criteriaField(name: string, cardType: 'person' | 'institution' = 'person'): Promise<string> {
  const at = new Date(clock).toISOString();
  const category = newId();
  const field = newId();
  run(
    `insert into criteria_categories (id, card_type, name, position, created_at, updated_at) values (?, ?, 'Satış', 0, ?, ?)`,
    category,
    cardType,
    at,
    at,
  );
  run(
    `insert into criteria_fields (id, category_id, name, kind, position, created_at, updated_at)
     values (?, ?, ?, 'text', 0, ?, ?)`,
    field,
    category,
    name,
    at,
    at,
  );
  return field;
}

const stamps = () => {
  const at = new Date(clock).toISOString();
  return [at, at] as const;
};

describe('finding duplicates', () => {
  it('lists pairs with every reason, strongest first, and leaves out deleted, merged and dismissed cards', async () => {
    const tckn = tcknFrom('287654321');
    const a1 = await person('Ahmet', 'Demir', { tckn });
    const a2 = await person('Ahmed', 'Demirci', { tckn });
    const b1 = await person('Banu', 'Er', { emails: [{ address: 'banu@ornek.com.tr' }] });
    const b2 = await person('B.', 'Er', { emails: [{ address: ' BANU@ornek.com.tr ' }] });
    const c1 = await person('Cem', 'Tan', { phones: [{ number: '0532 111 22 33' }] });
    const c2 = await person('Cemal', 'Tan', { phones: [{ number: '+90 (532) 111 2233' }] });
    const d1 = await person('Çağrı', 'Işık');
    const d2 = await person('CAGRI', 'ISIK');
    // One pair sharing three things: one row, three reasons.
    const e1 = await person('Elif', 'Şahin', {
      phones: [{ number: '0533 444 55 66' }],
      emails: [{ address: 'elif@sahin.com' }],
    });
    const e2 = await person('ELİF', 'ŞAHİN', {
      phones: [{ number: '05334445566' }],
      emails: [{ address: 'elif@sahin.com' }],
    });
    // Not proposed: a deleted card, and a pair a person called different.
    const f1 = await person('Fatma', 'Kurt');
    const f2 = await person('Fatma', 'Kurt');
    const g1 = await person('Gül', 'Ay');
    await person('Gül', 'Ay');
    await call('cards.delete', { id: g1.id });
    await call('duplicates.dismiss', { firstId: f2.id, secondId: f1.id });

    const { total, rows: pairs } = await call('duplicates.list', { type: 'person' });
    const summary = pairs.map((p) => ({
      names: [p.first.displayName, p.second.displayName].sort(),
      reasons: p.reasons.map((r) => (r.value ? `${r.kind}:${r.value}` : r.kind)),
    }));
    expect(summary).toEqual([
      { names: ['Ahmed Demirci', 'Ahmet Demir'], reasons: ['tckn'] },
      { names: ['ELİF ŞAHİN', 'Elif Şahin'], reasons: ['email:elif@sahin.com', 'phone:0533 444 55 66', 'name'] },
      { names: ['B. Er', 'Banu Er'], reasons: ['email:banu@ornek.com.tr'] },
      { names: ['Cem Tan', 'Cemal Tan'], reasons: ['phone:0532 111 22 33'] },
      { names: ['CAGRI ISIK', 'Çağrı Işık'], reasons: ['name'] },
    ]);
    expect(total).toBe(5);
    // One spelling per pair, and what the list shows of each card.
    for (const p of pairs) expect(p.first.id < p.second.id).toBe(true);
    const cem = pairs[3]!;
    expect([cem.first.phone, cem.second.phone]).toEqual(['0532 111 22 33', '0532 111 22 33']);
    expect([a1, a2, b1, b2, c1, c2, d1, d2, e1, e2].length).toBe(10);

    // Paged.
    const page = await call('duplicates.list', { type: 'person', offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((p) => p.reasons[0]!.kind)).toEqual(['email', 'email']);

    // Taking back "different cards" proposes the pair again.
    await call('duplicates.undismiss', { firstId: f1.id, secondId: f2.id });
    expect((await call('duplicates.list', { type: 'person' })).total).toBe(6);
  });

  it('matches institutions by VKN and by title without its legal form', async () => {
    const vkn = vknFrom('472615938');
    await institution('Kaya Gıda San. ve Tic. A.Ş.');
    await institution('KAYA GIDA LTD. ŞTİ.');
    await institution('Anadolu Lojistik A.Ş.', { vkn });
    await institution('Anadolu Taşımacılık', { vkn });
    await institution('Kaya İnşaat A.Ş.');
    const { rows: pairs } = await call('duplicates.list', { type: 'institution' });
    expect(pairs.map((p) => [[p.first.displayName, p.second.displayName].sort(), p.reasons])).toEqual([
      [['Anadolu Lojistik A.Ş.', 'Anadolu Taşımacılık'], [{ kind: 'vkn', value: vkn }]],
      [['KAYA GIDA LTD. ŞTİ.', 'Kaya Gıda San. ve Tic. A.Ş.'], [{ kind: 'name', value: null }]],
    ]);
    // Persons and institutions are never proposed together.
    expect((await call('duplicates.list', { type: 'person' })).total).toBe(0);
  });

  it('does not propose every pair of a value shared by many cards (a switchboard number)', async () => {
    for (let i = 0; i < 13; i++) await person(`Kişi${i}`, `Soyad${i}`, { phones: [{ number: '0212 444 00 00' }] });
    expect((await call('duplicates.list', { type: 'person' })).total).toBe(0);
  });
});

/** Two persons with something in every table that points at a person card. */
async function twoFullPersons() {
  const firmA = await institution('Alfa Makine A.Ş.');
  const firmB = await institution('Beta Enerji A.Ş.');
  const sameIban = ibanFrom('0006100519786457841326');
  const survivor = await person('Mehmet', 'Yılmaz', {
    honorific: 'Sayın',
    source: 'Fuar',
    notes: 'İlk görüşme fuarda.',
    phones: [{ kind: 'mobile', number: '0532 100 20 30' }],
    emails: [{ kind: 'work', address: 'mehmet@alfa.com.tr', isPrimary: true }],
    addresses: [{ kind: 'work', line: 'Atatürk Cd. 5', district: 'Kadıköy', province: 'İstanbul' }],
    ibans: [{ iban: sameIban, bankName: 'Ziraat' }],
  });
  const loser = await person('Mehmet', 'Yilmaz', {
    gender: 'male',
    birthDate: '1975-05-19',
    tckn: tcknFrom('198765432'),
    source: 'Referans',
    notes: 'Ahmet Bey tanıştırdı.',
    phones: [
      { kind: 'mobile', number: '+90 532 100 2030' },
      { kind: 'home', number: '0216 333 44 55' },
    ],
    emails: [
      { kind: 'personal', address: 'myilmaz@posta.com', isPrimary: true },
      { kind: 'work', address: 'mehmet@alfa.com.tr' },
    ],
    addresses: [
      { kind: 'billing', line: 'Atatürk Cd. 5', district: 'Kadıköy', province: 'İstanbul' },
      { kind: 'home', line: 'Bağdat Cd. 100', district: 'Maltepe', province: 'İstanbul' },
    ],
    ibans: [{ iban: sameIban }, { iban: ibanFrom('0001200940000012345678') }],
  });
  const relative = await person('Ayşe', 'Yılmaz');
  const cousin = await person('Can', 'Yılmaz');
  await call('cards.link', { personId: survivor.id, institutionId: firmA.id, role: 'Müdür', isPrimary: true });
  await call('cards.link', { personId: loser.id, institutionId: firmA.id, role: 'Müdür Yrd.' });
  await call('cards.link', { personId: loser.id, institutionId: firmB.id, role: 'Danışman', isPrimary: true });

  const [at, at2] = stamps();
  const tagRow = 'insert into card_tags (card_id, tag) values (?, ?)';
  run(tagRow, survivor.id, 'vip');
  run(tagRow, loser.id, 'vip');
  run(tagRow, loser.id, 'bayi');
  const both = await criteriaField('Bütçe');
  const onlyLoser = await criteriaField('Beden');
  const value = 'insert into criteria_values (id, card_id, field_id, value_text) values (?, ?, ?, ?)';
  run(value, newId(), survivor.id, both, 'Yüksek');
  run(value, newId(), loser.id, both, 'Düşük');
  run(value, newId(), loser.id, onlyLoser, 'L');
  const item = `insert into profile_items (id, card_id, list, position, name, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?)`;
  run(item, newId(), survivor.id, 'hobby', 0, 'Satranç', at, at2);
  run(item, newId(), loser.id, 'hobby', 0, 'Satranç', at, at2);
  run(item, newId(), loser.id, 'language', 0, 'Almanca', at, at2);
  const relation = `insert into person_relatives (id, person_id, relative_id, relation, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?)`;
  run(relation, newId(), loser.id, relative.id, 'spouse', at, at2);
  run(relation, newId(), loser.id, survivor.id, 'other', at, at2); // becomes a self-link: dropped
  run(relation, newId(), survivor.id, cousin.id, 'sibling', at, at2);
  run(relation, newId(), cousin.id, loser.id, 'sibling', at, at2); // the same link seen from the other side
  run(
    `insert into body_measurements (id, card_id, measured_on, height_cm, shirt_size, created_at, updated_at)
     values (?, ?, '2025-01-10', 180, 'L', ?, ?)`,
    newId(),
    loser.id,
    at,
    at2,
  );
  // Rows written here directly, as their modules would: the search text follows as it would there.
  for (const p of [survivor, loser, relative, cousin]) refreshCardIndexes(app.ctx.db, p.id);
  return { survivor, loser, relative, cousin, firmA, firmB };
}

describe('merging two persons', () => {
  it('moves every row to the survivor, keeps the loser as a tombstone and can be undone exactly', async () => {
    const { survivor, loser, relative, cousin, firmA, firmB } = await twoFullPersons();
    const beforeSurvivor = await call('cards.getPerson', { id: survivor.id });
    const beforeLoser = await call('cards.getPerson', { id: loser.id });
    const beforeRows = snapshot();

    events = [];
    const merge = await call('duplicates.merge', { survivorId: survivor.id, loserId: loser.id });
    expect(merge).toMatchObject({
      type: 'person',
      survivor: { id: survivor.id, displayName: 'Mehmet Yılmaz' },
      loser: { id: loser.id },
      undoneAt: null,
      undoBlockedBy: null,
    });
    expect(cardEvents()).toEqual([
      { id: survivor.id, type: 'person', action: 'merged' },
      { id: loser.id, type: 'person', action: 'merged' },
    ]);

    const merged = await call('cards.getPerson', { id: survivor.id });
    // Fields: the survivor's, the loser's where the survivor had none, both notes.
    expect(merged).toMatchObject({
      honorific: 'Sayın',
      firstName: 'Mehmet',
      lastName: 'Yılmaz',
      gender: 'male',
      birthDate: '1975-05-19',
      tckn: loser.tckn,
      source: 'Fuar',
      notes: 'İlk görüşme fuarda.\n\nAhmet Bey tanıştırdı.',
      mergedInto: null,
    });
    // Contacts: duplicates dropped, the rest after the survivor's own, one primary e-mail.
    expect(merged.phones.map((p) => p.display)).toEqual(['0532 100 20 30', '(0216) 333 44 55']);
    expect(merged.emails.map((e) => [e.address, e.isPrimary])).toEqual([
      ['mehmet@alfa.com.tr', true],
      ['myilmaz@posta.com', false],
    ]);
    expect(merged.addresses.map((a) => a.line)).toEqual(['Atatürk Cd. 5', 'Bağdat Cd. 100']);
    expect(merged.ibans).toHaveLength(2);
    // Links: the survivor keeps its own link to Alfa and its primary; Beta moves over.
    expect(merged.affiliations.map((a) => [a.institutionTitle, a.role, a.isPrimary])).toEqual([
      ['Alfa Makine A.Ş.', 'Müdür', true],
      ['Beta Enerji A.Ş.', 'Danışman', false],
    ]);
    const beta = await call('cards.getInstitution', { id: firmB.id });
    expect(beta.affiliations.map((a) => a.personId)).toEqual([survivor.id]);
    expect((await call('cards.getInstitution', { id: firmA.id })).affiliations).toHaveLength(1);
    // Everything else that points at a person.
    const of = (table: string, column = 'card_id') =>
      rows(`select * from ${table} where ${column} = ?`, survivor.id).length;
    expect(rows('select tag from card_tags where card_id = ? order by tag', survivor.id)).toEqual([
      { tag: 'bayi' },
      { tag: 'vip' },
    ]);
    expect(
      rows('select value_text as v from criteria_values where card_id = ? order by value_text', survivor.id),
    ).toEqual([{ v: 'L' }, { v: 'Yüksek' }]);
    expect(rows('select name from profile_items where card_id = ? order by name', survivor.id)).toEqual([
      { name: 'Almanca' },
      { name: 'Satranç' },
    ]);
    expect(of('body_measurements')).toBe(1);
    expect(
      rows(
        `select person_id as p, relative_id as r from person_relatives
         where person_id = ? or relative_id = ? order by relation`,
        survivor.id,
        survivor.id,
      ),
    ).toEqual([
      { p: survivor.id, r: cousin.id },
      { p: survivor.id, r: relative.id },
    ]);
    // Nothing points at the loser any more.
    for (const ref of CARD_REFERENCES) {
      expect(rows(`select 1 from ${ref.table} where ${ref.column} = ?`, loser.id), ref.table).toEqual([]);
    }

    // The loser is a tombstone that says where it went; lists and search see only the survivor.
    const tombstone = await call('cards.getPerson', { id: loser.id });
    expect(tombstone.deletedAt).not.toBeNull();
    expect(tombstone.mergedInto).toEqual({ id: survivor.id, name: 'Mehmet Yılmaz' });
    expect(await listedPersons('mehmet')).toEqual(['Mehmet Yılmaz']);
    expect(await found('mehmet yilmaz')).toEqual([survivor.id]);
    expect(await found('02163334455')).toEqual([survivor.id]);
    expect(await found('myilmaz')).toEqual([survivor.id]);
    expect((await call('duplicates.list', { type: 'person' })).total).toBe(0);

    // Both histories say so.
    const history = async (id: string) => (await call('audit.list', { entityId: id })).entries.map((e) => e.action);
    expect((await history(survivor.id))[0]).toBe('merge');
    expect((await history(loser.id))[0]).toBe('merge');

    // Undo: both cards exactly as before, every row where it was.
    events = [];
    const undone = await call('duplicates.undoMerge', { id: merge.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(cardEvents().map((e) => e.action)).toEqual(['unmerged', 'unmerged']);
    expect(await call('cards.getPerson', { id: survivor.id })).toEqual(beforeSurvivor);
    expect(await call('cards.getPerson', { id: loser.id })).toEqual(beforeLoser);
    expect(snapshot()).toEqual(beforeRows);
    expect(await listedPersons('mehmet')).toEqual(['Mehmet Yilmaz', 'Mehmet Yılmaz']);
    expect(await found('02163334455')).toEqual([loser.id]);
    expect((await history(survivor.id))[0]).toBe('unmerge');
    expect((await history(loser.id))[0]).toBe('unmerge');

    // Undoing twice: a clear refusal.
    const again = await callError('duplicates.undoMerge', { id: merge.id });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Bu birleştirme zaten geri alındı.' });
  });

  it('takes the chosen value per field and refuses choices that do not exist', async () => {
    const a = await person('Mehmet', 'Yılmaz', { source: 'Fuar', notes: 'A' });
    const b = await person('Mehmed', 'Yılmaz', { source: 'Web', notes: 'B' });
    const bad = await callError('duplicates.merge', {
      survivorId: a.id,
      loserId: b.id,
      choices: { title: 'loser', source: 'both' },
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.fields).toEqual({ 'choices.title': '"title" bu kartta yok', 'choices.source': expect.any(String) });
    await call('duplicates.merge', {
      survivorId: a.id,
      loserId: b.id,
      choices: { firstName: 'loser', source: 'loser', notes: 'survivor' },
    });
    expect(await call('cards.getPerson', { id: a.id })).toMatchObject({
      displayName: 'Mehmed Yılmaz',
      firstName: 'Mehmed',
      source: 'Web',
      notes: 'A',
    });
    expect(await listedPersons()).toEqual(['Mehmed Yılmaz']);
  });
});

describe('merging two institutions', () => {
  it('moves domains, kinds, people and relations; drops self- and duplicate relations; undo restores', async () => {
    const survivor = await institution('Kaya Gıda San. ve Tic. A.Ş.', {
      kinds: ['customer'],
      emailDomains: ['kayagida.com.tr'],
    });
    const loser = await institution('KAYA GIDA LTD. ŞTİ.', {
      kinds: ['customer', 'supplier'],
      emailDomains: ['kayagida.com.tr', 'kaya.com'],
      vkn: vknFrom('123456789'),
    });
    const partner = await institution('Ortak Lojistik A.Ş.');
    const parent = await institution('Kaya Holding A.Ş.');
    const ali = await person('Ali', 'Kaya');
    const veli = await person('Veli', 'Kaya');
    await call('cards.link', { personId: ali.id, institutionId: survivor.id, role: 'Muhasebe' });
    await call('cards.link', { personId: ali.id, institutionId: loser.id, role: 'Satın alma' });
    await call('cards.link', { personId: veli.id, institutionId: loser.id, role: 'Genel Müdür' });
    await call('cards.relate', { fromId: survivor.id, toId: partner.id, kind: 'partner' });
    await call('cards.relate', { fromId: partner.id, toId: loser.id, kind: 'group_company' });
    await call('cards.relate', { fromId: parent.id, toId: loser.id, kind: 'parent_of' });
    await call('cards.relate', { fromId: loser.id, toId: survivor.id, kind: 'group_company' });
    // Partner–Kaya as partner from the other side duplicates survivor→partner: dropped.
    const [at, at2] = stamps();
    run(
      `insert into institution_relations (id, from_id, to_id, kind, created_at, updated_at) values (?, ?, ?, 'partner', ?, ?)`,
      newId(),
      partner.id,
      loser.id,
      at,
      at2,
    );
    const beforeSurvivor = await call('cards.getInstitution', { id: survivor.id });
    const beforeLoser = await call('cards.getInstitution', { id: loser.id });
    const beforeRows = snapshot();

    const merge = await call('duplicates.merge', { survivorId: survivor.id, loserId: loser.id });
    const merged = await call('cards.getInstitution', { id: survivor.id });
    expect(merged).toMatchObject({
      title: 'Kaya Gıda San. ve Tic. A.Ş.',
      vkn: loser.vkn,
      kinds: ['customer', 'supplier'],
      emailDomains: ['kaya.com', 'kayagida.com.tr'],
    });
    expect(merged.affiliations.map((a) => [a.personName, a.role])).toEqual([
      ['Ali Kaya', 'Muhasebe'],
      ['Veli Kaya', 'Genel Müdür'],
    ]);
    expect(merged.relations.map((r) => [r.otherTitle, r.kind, r.direction]).sort()).toEqual([
      ['Kaya Holding A.Ş.', 'parent_of', 'in'],
      ['Ortak Lojistik A.Ş.', 'group_company', 'in'],
      ['Ortak Lojistik A.Ş.', 'partner', 'out'],
    ]);
    // People's list rows name the survivor now.
    const veliRow = (await call('cards.listPersons', { q: 'veli' })).rows[0]!;
    expect(veliRow.institutions).toBe('Kaya Gıda San. ve Tic. A.Ş. (Genel Müdür)');
    expect((await call('cards.listInstitutions', {})).rows.map((r) => r.displayName)).not.toContain(
      'KAYA GIDA LTD. ŞTİ.',
    );
    expect(await found(loser.vkn!)).toEqual([survivor.id]);

    await call('duplicates.undoMerge', { id: merge.id });
    expect(await call('cards.getInstitution', { id: survivor.id })).toEqual(beforeSurvivor);
    expect(await call('cards.getInstitution', { id: loser.id })).toEqual(beforeLoser);
    expect(snapshot()).toEqual(beforeRows);
    expect((await call('cards.listPersons', { q: 'veli' })).rows[0]!.institutions).toBe(
      'KAYA GIDA LTD. ŞTİ. (Genel Müdür)',
    );
  });
});

describe('refusals', () => {
  it('refuses a card with itself, cards of different types, deleted and already merged cards', async () => {
    const a = await person('Ayla', 'Tan');
    const b = await person('Ayla', 'Tan');
    const c = await person('Ayla', 'Tan');
    const firm = await institution('Tan Tekstil');

    const self = await callError('duplicates.merge', { survivorId: a.id, loserId: a.id });
    expect(self).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('kendisiyle') });
    const types = await callError('duplicates.merge', { survivorId: a.id, loserId: firm.id });
    expect(types).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('aynı türden') });

    await call('cards.delete', { id: c.id });
    const deleted = await callError('duplicates.merge', { survivorId: a.id, loserId: c.id });
    expect(deleted).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('çöp kutusunda') });

    await call('duplicates.merge', { survivorId: a.id, loserId: b.id });
    for (const input of [
      { survivorId: a.id, loserId: b.id },
      { survivorId: b.id, loserId: a.id },
    ]) {
      const err = await callError('duplicates.merge', input);
      expect(err).toMatchObject({ code: 'CONFLICT', message: '"Ayla Tan" zaten "Ayla Tan" kartıyla birleştirilmiş.' });
    }
    const missing = await callError('duplicates.undoMerge', { id: newId() });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('will not undo over a later change that does not touch the card itself (a link, a hobby)', async () => {
    const firm = await institution('Su Yapı');
    const a = await person('Kerem', 'Su');
    const b = await person('Kerem', 'Su');
    const merged = await call('duplicates.merge', { survivorId: a.id, loserId: b.id });
    await call('cards.link', { personId: a.id, institutionId: firm.id, role: 'Mimar' });
    const refused = await callError('duplicates.undoMerge', { id: merged.id });
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('birleştirmeden sonra düzenlendi'),
    });
  });

  it('keeps a merged tombstone out of the recycle bin and will not restore it from there', async () => {
    const a = await person('Kerem', 'Su');
    const b = await person('Kerem', 'Su');
    const thrown = await person('Kerem', 'Atılan');
    await call('cards.delete', { id: thrown.id });
    await call('duplicates.merge', { survivorId: a.id, loserId: b.id });
    const bin = await call('cards.listPersons', { deleted: true });
    expect(bin.rows.map((r) => r.id)).toEqual([thrown.id]);
    const restore = await callError('cards.restore', { id: b.id });
    expect(restore).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('birleştirmeyi geri alın') });
  });

  it('records "not a duplicate" (and taking it back) in the history of both cards', async () => {
    const a = await person('Deniz', 'Ak');
    const b = await person('Deniz', 'Ak');
    await call('duplicates.dismiss', { firstId: a.id, secondId: b.id });
    await call('duplicates.undismiss', { firstId: a.id, secondId: b.id });
    for (const id of [a.id, b.id]) {
      const actions = (await call('audit.list', { entityId: id })).entries.map((e) => e.action);
      expect(actions.slice(0, 2)).toEqual(['duplicate_undismiss', 'duplicate_dismiss']);
    }
  });

  it('undoes merges of one survivor newest first, and not at all once the survivor was edited', async () => {
    const a = await person('Deniz', 'Ak');
    const b = await person('Deniz', 'Ak', { phones: [{ number: '0505 123 45 67' }] });
    const c = await person('Deniz', 'Ak', { emails: [{ address: 'deniz@ak.com' }] });
    const before = snapshot();
    const first = await call('duplicates.merge', { survivorId: a.id, loserId: b.id });
    const second = await call('duplicates.merge', { survivorId: a.id, loserId: c.id });

    const history = await call('duplicates.merges', {});
    expect(history.rows.map((m) => [m.id, m.undoBlockedBy === null])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    const blocked = await callError('duplicates.undoMerge', { id: first.id });
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('Önce daha sonra yapılan "Deniz Ak" → "Deniz Ak" birleştirmesini geri alın.');

    await call('duplicates.undoMerge', { id: second.id });
    await call('duplicates.undoMerge', { id: first.id });
    expect(snapshot()).toEqual(before);

    // Merged again, then the survivor is edited: undoing would throw the edit away.
    const third = await call('duplicates.merge', { survivorId: a.id, loserId: b.id });
    const card = await call('cards.getPerson', { id: a.id });
    await call('cards.updatePerson', {
      id: a.id,
      firstName: 'Deniz',
      lastName: 'Akın',
      phones: card.phones.map((p) => ({ kind: p.kind, number: p.number })),
    });
    const edited = await callError('duplicates.undoMerge', { id: third.id });
    expect(edited).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('"Deniz Akın" birleştirmeden sonra düzenlendi'),
    });
    // Nothing half-done: the loser is still a tombstone.
    expect((await call('cards.getPerson', { id: b.id })).mergedInto).toEqual({ id: a.id, name: 'Deniz Akın' });
    const rows2 = (await call('duplicates.merges', { type: 'person' })).rows;
    expect(rows2.map((m) => [m.undoneAt !== null, m.undoBlockedBy])).toEqual([
      [false, expect.stringContaining('düzenlendi')],
      [true, null],
      [true, null],
    ]);
  });
});
