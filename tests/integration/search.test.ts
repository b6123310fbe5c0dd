// Global search over cards and documents: grouped by type, names above body text,
// document hits with the page of the match. Real SQLite file, real dispatcher;
// document text is written the way the extraction job writes it (blob_texts, pages
// joined by form feeds) and indexed with indexDocument, the contract between the two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { writeTransaction } from '../../src-main/db/transaction';
import { indexDocument } from '../../src-main/services/documents/document-index';
import { indexEntity } from '../../src-main/services/search/search-index';
import { EXACT_RANKING_MAX_ROWS, planSearch } from '../../src-main/services/search/search-plan';
import type { CallInput } from '../../src-shared/contract';
import type { SearchHit } from '../../src-shared/contract/search';
import { contractCalls } from './contract-calls';

let dir = '';
let app: KartotekApp | undefined;
/** The clock the app reads; tests move it to file things on different days. */
let now = Date.parse('2026-03-02T09:00:00.000Z');
const current = () => {
  if (!app) throw new Error('the app is open only inside a test');
  return app;
};
const { call, callError } = contractCalls(current);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-search-'));
  now = Date.parse('2026-03-02T09:00:00.000Z');
  app = openApp({ dataDir: dir, now: () => new Date((now += 1000)) });
});
afterEach(() => {
  app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type SearchArgs = Partial<CallInput<'search.query'>>;
const search = (q: string, args: SearchArgs = {}) => call('search.query', { q, ...args });
const hitsOf = async (q: string, args: SearchArgs = {}): Promise<SearchHit[]> =>
  (await search(q, args)).groups.flatMap((g) => g.hits);
const idsOf = async (q: string, args: SearchArgs = {}) => (await hitsOf(q, args)).map((h) => h.id);

const person = (firstName: string, lastName: string, extra: Partial<CallInput<'cards.createPerson'>> = {}) =>
  call('cards.createPerson', { firstName, lastName, ...extra });
const institution = (title: string, extra: Partial<CallInput<'cards.createInstitution'>> = {}) =>
  call('cards.createInstitution', { title, ...extra });

/** Files a text file on a card through the contract, as the documents panel does. */
async function fileDocument(cardId: string, name: string, content = 'içerik') {
  const bytes = Buffer.from(content);
  const { uploadId } = await call('transfer.upload', { fileName: name, offset: 0, data: bytes.toString('base64') });
  return call('documents.attach', { uploadId, cardId, source: 'picker' });
}

/** What the extraction job leaves behind: the text of the content, page by page, then the document re-indexed. */
function extracted(documentId: string, sha256: string, pages: string[]) {
  const db = current().ctx.db;
  writeTransaction(db, () => {
    db.$client
      .prepare(
        `insert or replace into blob_texts (sha256, status, text, page_count, extractor, extracted_at)
         values (?, 'done', ?, ?, 'test', ?)`,
      )
      .run(sha256, pages.join('\f'), pages.length, new Date(now).toISOString());
    indexDocument(db, documentId);
  });
}

/** A document of several pages on a card, its text extracted. */
async function documentWithText(cardId: string, name: string, pages: string[]) {
  const doc = await fileDocument(cardId, name, pages.join('\n'));
  extracted(doc.id, doc.sha256, pages);
  return doc;
}

const CONTRACT_PAGES = [
  'Kira sözleşmesi. Taraflar: Gülşen Aydın ve Deniz Lojistik A.Ş.',
  'Madde 4: Kira bedeli her ayın beşinde ödenir.',
  'Madde 9: Depozito iadesi, tahliyeden sonra otuz gün içinde yapılır. Genel müdürlük onayı gerekir.',
];

describe('search: documents by their text, name and tags', () => {
  it('finds a document by a word on page 3 and says so, with its type and the cards it is on', async () => {
    const gulsen = await person('Gülşen', 'Aydın');
    const doc = await documentWithText(gulsen.id, 'Sözleşme 2026.txt', CONTRACT_PAGES);

    const { groups } = await search('depozito');
    expect(groups.map((g) => g.type)).toEqual(['document']);
    const [hit] = groups[0]!.hits;
    expect(hit).toMatchObject({
      type: 'document',
      id: doc.id,
      title: 'Sözleşme 2026.txt',
      page: 3,
      mimeType: 'text/plain',
      cards: [{ id: gulsen.id, type: 'person', displayName: 'Gülşen Aydın' }],
    });
    // The snippet is the document's text as written, not the folded index.
    expect(hit!.snippet).toContain('[Depozito] iadesi');
    // The snippet stays on its page: nothing of page 2 before it.
    expect(hit!.snippet).not.toContain('besinde');

    expect((await hitsOf('bedeli'))[0]).toMatchObject({ id: doc.id, page: 2 });
    expect((await hitsOf('"kira bedeli"'))[0]).toMatchObject({ id: doc.id, page: 2 });
    // Two words: the page of the first occurrence of the first one ("kira" is on page 1 too).
    expect((await hitsOf('kira bedeli'))[0]).toMatchObject({ id: doc.id, page: 1 });
    // Several words: the page of the first one the name does not explain.
    expect((await hitsOf('sozlesme onayi'))[0]).toMatchObject({ id: doc.id, page: 3 });
  });

  it('finds a document by its name and by its tags; the name explains the hit, so no page', async () => {
    const firm = await institution('Deniz Lojistik A.Ş.');
    const doc = await documentWithText(firm.id, 'Vergi levhası.txt', ['Vergi dairesi Kadıköy']);
    await call('documents.setTags', { id: doc.id, tags: ['Muhasebe', 'Resmî evrak'] });

    expect(await hitsOf('levha')).toMatchObject([{ id: doc.id, page: null, snippet: '' }]);
    expect(await hitsOf('muhasebe')).toMatchObject([{ id: doc.id, page: null }]);
    expect(await hitsOf('resmi evrak')).toMatchObject([{ id: doc.id, page: null }]);
    // Name and text together: the text's word gets its page.
    expect(await hitsOf('vergi kadikoy')).toMatchObject([{ id: doc.id, page: 1 }]);
  });

  it('folds Turkish letters in document text both ways (cagri → Çağrı, isik → IŞIK)', async () => {
    const p = await person('Ayşe', 'Kaya');
    const doc = await documentWithText(p.id, 'Not.txt', [
      'giriş',
      'ÇAĞRI MERKEZİ raporu',
      'IŞIK TEKSTİL ve İSTANBUL şubesi',
    ]);
    expect(await hitsOf('cagri')).toMatchObject([{ id: doc.id, page: 2 }]);
    expect(await hitsOf('Çağrı merkezi')).toMatchObject([{ id: doc.id, page: 2 }]);
    expect(await hitsOf('isik')).toMatchObject([{ id: doc.id, page: 3 }]);
    expect(await hitsOf('ıŞık')).toMatchObject([{ id: doc.id, page: 3 }]);
    expect(await hitsOf('istanbul')).toMatchObject([{ id: doc.id, page: 3 }]);
    expect((await hitsOf('isik'))[0]!.snippet).toContain('[IŞIK] TEKSTİL');
  });

  it('never finds a document in the recycle bin', async () => {
    const p = await person('Ayşe', 'Kaya');
    const other = await person('Mehmet', 'Öz');
    const doc = await documentWithText(p.id, 'Teklif.txt', ['Fiyat teklifi: 12 adet vana']);
    const kept = await documentWithText(other.id, 'Vana listesi.txt', ['vana çeşitleri']);
    expect((await idsOf('vana')).sort()).toEqual([doc.id, kept.id].sort());

    const detached = await call('documents.detach', { documentId: doc.id, cardId: p.id });
    expect(detached.deleted).toBe(true);
    expect(await idsOf('vana')).toEqual([kept.id]);
    expect(await idsOf('teklif')).toEqual([]);
  });

  it('lists only live cards under a document hit', async () => {
    const a = await person('Ayşe', 'Kaya');
    const b = await person('Burak', 'Demir');
    const doc = await documentWithText(a.id, 'Ortak.txt', ['protokol metni']);
    await call('documents.attachExisting', { documentId: doc.id, cardId: b.id });
    expect((await hitsOf('protokol'))[0]!.cards.map((c) => c.displayName)).toEqual(['Ayşe Kaya', 'Burak Demir']);
    await call('cards.delete', { id: b.id });
    expect((await hitsOf('protokol'))[0]!.cards.map((c) => c.displayName)).toEqual(['Ayşe Kaya']);
  });
});

describe('search: query syntax across types', () => {
  it('matches "phrases" as written and leaves out -excluded words, in cards and documents alike', async () => {
    const mudur = await person('Selim', 'Ekinci', { notes: 'Genel müdürlük binasında çalışır.' });
    const other = await person('Zeynep', 'Ekinci', { notes: 'Müdürlük değil, genel kurul üyesi.' });
    const firm = await institution('Ekinci Yapı A.Ş.');
    const doc = await documentWithText(firm.id, 'Yazışma.txt', ['Ön yazı', 'Genel Müdürlük kararı ekte.']);

    expect((await idsOf('"genel müdürlük"')).sort()).toEqual([mudur.id, doc.id].sort());
    expect((await hitsOf('"genel müdürlük"')).find((h) => h.id === doc.id)).toMatchObject({ page: 2 });
    expect((await idsOf('genel müdürlük')).sort()).toEqual([mudur.id, other.id, doc.id].sort());
    expect((await idsOf('ekinci -zeynep')).sort()).toEqual([mudur.id, firm.id].sort());
    expect((await idsOf('genel -"genel müdürlük"')).sort()).toEqual([other.id]);
    expect(await idsOf('karar -yazisma')).toEqual([]);
  });

  it('highlights with markers, never with HTML', async () => {
    const p = await person('Ayşe', 'Kaya');
    await documentWithText(p.id, 'Sayfa.html.txt', ['<b onclick="x()">Önemli</b> <script>alert(1)</script> duyuru']);
    const [hit] = await hitsOf('duyuru');
    expect(hit!.snippet).toContain('[duyuru]');
    expect(hit!.snippet).not.toMatch(/[<>"]/);
  });

  it('refuses what it cannot search with a clear reason, and answers nothing for punctuation', async () => {
    expect(await search('  * " -  ')).toEqual({ groups: [] });
    const badDate = await callError('search.query', { q: 'x', from: '2026-02-30' });
    expect(badDate).toMatchObject({ code: 'INVALID_INPUT', fields: { from: expect.stringContaining('tarih') } });
    const reversed = await callError('search.query', { q: 'x', from: '2026-03-05', to: '2026-03-01' });
    expect(reversed).toMatchObject({ code: 'INVALID_INPUT', fields: { to: expect.stringContaining('sonra olamaz') } });
  });
});

describe('search: groups, ranking and limits', () => {
  it('groups persons, institutions and documents in that order, with per-type limits and "more"', async () => {
    const persons = [];
    for (const first of ['Ali', 'Berk', 'Can', 'Deniz', 'Ece', 'Filiz', 'Gül'])
      persons.push(await person(first, 'Kayalı'));
    await institution('Kayalı Mermer A.Ş.');
    await institution('Kayalı Lojistik Ltd.');
    const doc = await documentWithText(persons[0]!.id, 'Kayalı ailesi.txt', ['aile']);

    const { groups } = await search('kayali', { limit: 5 });
    expect(groups.map((g) => [g.type, g.hits.length, g.more])).toEqual([
      ['person', 5, true],
      ['institution', 2, false],
      ['document', 1, false],
    ]);
    expect((await search('kayali', { limit: 7 })).groups[0]).toMatchObject({ type: 'person', more: false });
    expect((await search('kayali', { limit: 7 })).groups[0]!.hits).toHaveLength(7);
    expect((await search('kayali', { types: ['document'] })).groups).toMatchObject([
      { type: 'document', hits: [{ id: doc.id }], more: false },
    ]);
    // The default is the palette's short list.
    expect((await search('kayali')).groups[0]!.hits).toHaveLength(5);
  });

  it('ranks a name above the same word in body text', async () => {
    const inNotes = await person('Ayşe', 'Kaya', { notes: 'Tuncer ile görüştü; Tuncer beyin önerisi.' });
    const named = await person('Tuncer', 'Aksoy');
    const doc1 = await documentWithText(inNotes.id, 'Rapor.txt', ['Tuncer Tuncer Tuncer raporu']);
    const doc2 = await documentWithText(inNotes.id, 'Tuncer görüşmesi.txt', ['özet']);
    const { groups } = await search('tuncer');
    expect(groups[0]!.hits.map((h) => h.id)).toEqual([named.id, inNotes.id]);
    expect(groups[1]!.hits.map((h) => h.id)).toEqual([doc2.id, doc1.id]);
    // A card hit found by its notes shows them; one found by its name has nothing more to show.
    expect(groups[0]!.hits[1]!.snippet).toContain('[tuncer] ile gorustu');
    expect(groups[0]!.hits[0]).toMatchObject({ snippet: '', page: null, mimeType: null, cards: [] });
  });

  it('leaves out cards in the recycle bin and merged-away cards, with their documents’ other filings', async () => {
    const keep = await person('Nurhan', 'Yıldırım', { phones: [{ kind: 'mobile', number: '0532 111 22 33' }] });
    const loser = await person('Nurhan', 'Yıldırım', { phones: [{ kind: 'mobile', number: '0532 111 22 33' }] });
    const binned = await person('Nurhan', 'Çelik');
    await call('cards.delete', { id: binned.id });
    expect((await idsOf('nurhan')).sort()).toEqual([keep.id, loser.id].sort());
    await call('duplicates.merge', { survivorId: keep.id, loserId: loser.id });
    expect(await idsOf('nurhan')).toEqual([keep.id]);
  });
});

describe('search: a word in thousands of rows', () => {
  /** Rows of a type global search does not show (notes), all holding `word`: they make it common. */
  function commonWord(word: string) {
    const db = current().ctx.db;
    writeTransaction(db, () => {
      for (let i = 0; i < EXACT_RANKING_MAX_ROWS; i++)
        indexEntity(db, {
          // Filler mail rows: they make the word common; the checks below look at the other types.
          type: 'mail',
          id: `mail-${i}`,
          title: '',
          body: `${word} notu ${i}`,
          deleted: false,
          ownerId: null,
          datedAt: new Date(now).toISOString(),
        });
    });
    expect(planSearch(db, word)?.exact).toBe(false);
  }

  it('shows names first, then the newest, never rows of other types, binned cards or other owners', async () => {
    const me = await call('users.me', {});
    const staff = await call('users.create', { name: 'Gizem Çakır', role: 'staff' });
    const older = await person('Selin', 'Ak', { notes: 'Lojistik sorumlusu' });
    const named = await person('Lojistik', 'Kaya');
    const binned = await person('Ece', 'Lojistikçi');
    await call('cards.delete', { id: binned.id });
    const newer = await person('Emre', 'Su', { notes: 'Lojistik toplantısı' });
    const hers = await person('Oya', 'Lojistik', { ownerId: staff.id });
    const company = await institution('Deniz Lojistik A.Ş.');
    const doc = await documentWithText(older.id, 'Rapor.txt', ['Haftalık lojistik raporu']);
    commonWord('lojistik');

    const groups = (await search('lojistik')).groups.filter((g) => g.type !== 'mail');
    expect(groups.map((g) => [g.type, g.hits.map((h) => h.id), g.more])).toEqual([
      ['person', [hers.id, named.id, newer.id, older.id], false],
      ['institution', [company.id], false],
      ['document', [doc.id], false],
    ]);
    // What the palette shows stays the same as for a rare word: snippets, pages, filings.
    expect(groups[0]!.hits[2]).toMatchObject({ snippet: '[lojistik] toplantisi', page: null });
    expect(groups[2]!.hits[0]).toMatchObject({
      snippet: 'Haftalık [lojistik] raporu',
      page: 1,
      cards: [{ id: older.id }],
    });

    expect((await search('lojistik', { limit: 2, types: ['person'] })).groups).toMatchObject([
      { type: 'person', hits: [{ id: hers.id }, { id: named.id }], more: true },
    ]);
    expect(await idsOf('lojistik', { ownerId: me.id, types: ['person'] })).toEqual([named.id, newer.id, older.id]);
    // Every word in the name beats some of them in the name, which beats none.
    expect(await idsOf('lojistik kaya', { types: ['person'] })).toEqual([named.id]);
    expect(await idsOf('lojistik toplanti', { types: ['person'] })).toEqual([newer.id]);
    expect(await idsOf('lojistik -toplanti', { types: ['person'] })).toEqual([hers.id, named.id, older.id]);
  });
});

describe('search: prefixes', () => {
  it('finds every word a prefix stands for, whether it stands for a few words or many', async () => {
    const db = current().ctx.db;
    writeTransaction(db, () => {
      for (let i = 0; i < 41; i++)
        indexEntity(db, {
          type: 'person',
          id: `p-${1000 + i}`,
          title: `kisi ${i}`,
          body: `ref${1000 + i}`,
          deleted: false,
          ownerId: null,
          datedAt: new Date(now).toISOString(),
        });
    });
    const found = async (q: string) => (await idsOf(q, { limit: 50 })).sort();
    // Ten words (ref1030 … ref1039), each searched as itself; then 41 words, searched as the prefix.
    expect(await found('ref103')).toEqual(Array.from({ length: 10 }, (_, i) => `p-${1030 + i}`));
    expect(await found('ref1')).toHaveLength(41);
    expect(await found('ref1 -ref1040')).toHaveLength(40);
    expect(await found('ref10399')).toEqual([]);
  });
});

describe('search: owner and date filters', () => {
  it('finds only what one user owns (cards) or filed (documents)', async () => {
    const me = await call('users.me', {});
    const staff = await call('users.create', { name: 'Gizem Çakır', role: 'staff' });
    const mine = await person('Oya', 'Tan', { ownerId: me.id });
    const hers = await person('Oya', 'Tuna', { ownerId: staff.id });
    const doc = await documentWithText(hers.id, 'Oya teklifi.txt', ['teklif']);

    expect((await idsOf('oya')).sort()).toEqual([mine.id, hers.id, doc.id].sort());
    expect(await idsOf('oya', { ownerId: staff.id })).toEqual([hers.id]);
    expect((await idsOf('oya', { ownerId: me.id })).sort()).toEqual([mine.id, doc.id].sort());
  });

  it('filters by the Istanbul day things were created, both bounds inclusive', async () => {
    now = Date.parse('2026-03-01T10:00:00.000Z');
    const early = await person('Sena', 'Bal');
    // 22:30 UTC on the 2nd is 01:30 on the 3rd in Istanbul.
    now = Date.parse('2026-03-02T22:30:00.000Z');
    const late = await person('Sena', 'Kar');
    now = Date.parse('2026-03-05T08:00:00.000Z');
    const doc = await documentWithText(early.id, 'Sena sözleşmesi.txt', ['sozlesme']);

    expect((await idsOf('sena')).sort()).toEqual([early.id, late.id, doc.id].sort());
    expect(await idsOf('sena', { from: '2026-03-01', to: '2026-03-01' })).toEqual([early.id]);
    expect(await idsOf('sena', { from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
    expect(await idsOf('sena', { from: '2026-03-03', to: '2026-03-04' })).toEqual([late.id]);
    expect((await idsOf('sena', { from: '2026-03-03' })).sort()).toEqual([late.id, doc.id].sort());
    expect(await idsOf('sena', { to: '2026-03-02' })).toEqual([early.id]);
    expect(await idsOf('sena', { from: '2026-03-03', types: ['document'] })).toEqual([doc.id]);
  });
});
