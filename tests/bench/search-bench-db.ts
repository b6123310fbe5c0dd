/**
 * The global-search benchmark's database: a million searchable rows with the
 * mix an office accumulates (persons, institutions, notes, mail, documents with
 * pages of text), in Turkish words drawn with a Zipf-like skew so that common
 * words hit hundreds of thousands of rows and rare ones a handful. Rows go in by
 * prepared statements (the card and document services would take hours for a
 * million rows); notes and mail are search rows only, as those modules do not
 * exist yet. Built once per size and kept in the temp folder: later runs reuse it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { DB_FILE_NAME } from '../../src-main/core/paths';
import { docIdRange, type IndexedType } from '../../src-main/services/search/search-index';
import { newId } from '../../src-main/core/ids';
import { Random } from '../../src-main/services/demo/random';
import {
  COMPANY_ROLES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  NAME_STEMS,
  SECTORS,
  SURNAMES,
} from '../../src-main/services/demo/demo-data';
import { provinceNames } from '../../src-shared/domain/tr-places';
import { foldForSearch, turkishSortKey } from '../../src-shared/domain/turkish-text';

export const SEARCH_BENCH_SIZES = {
  persons: Number(process.env.BENCH_SEARCH_PERSONS ?? 100_000),
  institutions: Number(process.env.BENCH_SEARCH_INSTITUTIONS ?? 20_000),
  notes: Number(process.env.BENCH_SEARCH_NOTES ?? 300_000),
  mails: Number(process.env.BENCH_SEARCH_MAILS ?? 500_000),
  documents: Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 50_000),
};

// prettier-ignore
// Function words first: the most common words of any Turkish text; then office words, rarer down the list.
const OFFICE_WORDS = [
  've', 'ile', 'için', 'bu', 'bir', 'da', 'de', 'olarak', 'olan', 'gibi',
  'daha', 'çok', 'en', 'kadar', 'sonra', 'önce', 'göre', 'üzere', 'ancak', 'ayrıca',
  'teklif', 'fatura', 'sözleşme', 'toplantı', 'görüşme', 'sipariş', 'ödeme', 'tahsilat', 'vade', 'iskonto',
  'fiyat', 'liste', 'ürün', 'hizmet', 'müşteri', 'tedarikçi', 'sevkiyat', 'teslimat', 'depo', 'stok',
  'irsaliye', 'kargo', 'numune', 'katalog', 'proje', 'ihale', 'şartname', 'keşif', 'metraj', 'hakediş',
  'avans', 'teminat', 'mektubu', 'banka', 'hesap', 'havale', 'çek', 'senet', 'kur', 'döviz',
  'euro', 'dolar', 'lira', 'kdv', 'stopaj', 'beyanname', 'muhasebe', 'bordro', 'personel', 'izin',
  'rapor', 'sunum', 'bütçe', 'hedef', 'satış', 'pazarlama', 'kampanya', 'fuar', 'stand', 'ziyaret',
  'randevu', 'ertelendi', 'onaylandı', 'reddedildi', 'bekleniyor', 'gönderildi', 'alındı', 'iade', 'iptal', 'revize',
  'acil', 'önemli', 'bilgi', 'rica', 'teşekkür', 'saygılarımla', 'merhaba', 'sayın', 'ilgili', 'konu',
  'ek', 'dosya', 'belge', 'imza', 'kaşe', 'noter', 'vekalet', 'dava', 'avukat', 'icra',
  'sigorta', 'poliçe', 'hasar', 'ekspertiz', 'araç', 'filo', 'yakıt', 'servis', 'bakım', 'arıza',
  'yedek', 'parça', 'montaj', 'kurulum', 'eğitim', 'garanti', 'destek', 'talep', 'şikayet', 'memnuniyet',
  'anket', 'geri', 'dönüş', 'arama', 'telefon', 'faks', 'adres', 'şube', 'merkez', 'ofis',
  'yönetim', 'kurul', 'karar', 'genel', 'müdür', 'müdürlük', 'başkan', 'üye', 'ortak', 'hisse',
  'kira', 'depozito', 'aidat', 'elektrik', 'su', 'doğalgaz', 'internet', 'yazılım', 'lisans', 'güncelleme',
  'haftaya', 'yarın', 'bugün', 'pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'ocak', 'şubat',
  'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık',
  'yıllık', 'aylık', 'haftalık', 'dönem', 'çeyrek', 'kapanış', 'açılış', 'mutabakat', 'ekstre', 'bakiye',
  'lütfen', 'hemen', 'tekrar', 'yeni', 'eski', 'büyük', 'küçük', 'uygun', 'hazır', 'tamam',
  'çağrı', 'ışık', 'şükrü', 'gülsen', 'öztürk', 'çelik', 'ılgaz', 'ığdır', 'şırnak', 'üsküdar',
];

/** Folded once: rows are written folded, as indexEntity would write them. */
const fold = (words: readonly string[]) => [...new Set(words.flatMap((w) => foldForSearch(w).split(' ')))];

/** Draws words with a Zipf-like skew: the first words of the list are far more common than the last. */
class Vocabulary {
  private readonly words: string[];
  private readonly cumulative: number[];
  constructor(
    words: readonly string[],
    private readonly random: Random,
  ) {
    this.words = fold(words);
    let sum = 0;
    this.cumulative = this.words.map((_, i) => (sum += 1 / (i + 1)));
  }
  word(): string {
    const target = this.random.next() * this.cumulative.at(-1)!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo]!;
  }
  text(min: number, max: number): string {
    const n = this.random.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(i % 11 === 10 ? String(this.random.int(1, 99_999)) : this.word());
    return out.join(' ');
  }
}

export interface SearchBenchDb {
  app: KartotekApp;
  dataDir: string;
  userIds: string[];
  close(): void;
}

/** 2: search rows numbered in type ranges (migration 0006). */
const VERSION = 2;

const cacheDir = (version: number, sizes: typeof SEARCH_BENCH_SIZES) =>
  path.join(os.tmpdir(), `kartotek-bench-search-v${version}-${Object.values(sizes).join('-')}`);

/**
 * Opens the cached database of these sizes, building it first when there is none;
 * a version-1 database of the same sizes is copied and migrated instead (the
 * migration's cost at this size is printed: what an upgrade would cost).
 */
export function searchBenchDb(sizes = SEARCH_BENCH_SIZES): SearchBenchDb {
  const dataDir = cacheDir(VERSION, sizes);
  const done = path.join(dataDir, 'complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const v1 = cacheDir(1, sizes);
    if (fs.existsSync(path.join(v1, 'complete'))) {
      console.log('migrating a copy of the version-1 benchmark database');
      fs.copyFileSync(path.join(v1, DB_FILE_NAME), path.join(dataDir, DB_FILE_NAME));
      const started = Date.now();
      const app = openApp({ dataDir });
      console.log(`  migrated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      try {
        settle(app);
      } finally {
        app.close();
      }
    } else {
      const app = openApp({ dataDir });
      try {
        generate(app, sizes);
      } finally {
        app.close();
      }
    }
    fs.writeFileSync(done, new Date().toISOString());
  }
  const app = openApp({ dataDir });
  const userIds = (app.ctx.db.$client.prepare('select id from users order by id').all() as { id: string }[]).map(
    (u) => u.id,
  );
  return { app, dataDir, userIds, close: () => app.close() };
}

function generate(app: KartotekApp, sizes: typeof SEARCH_BENCH_SIZES): void {
  const started = Date.now();
  const sql = app.ctx.db.$client;
  const random = new Random(7);
  const pick = <T>(list: readonly T[]) => list[random.int(0, list.length - 1)]!;
  const cities = provinceNames();
  const roles = COMPANY_ROLES.map((r) => r.role);
  const sectors = SECTORS.flatMap((s) => s.words);
  const office = new Vocabulary(OFFICE_WORDS, random);
  // Names and places mixed in with office words: mail and notes mention people and cities.
  const mixed = new Vocabulary(
    [...OFFICE_WORDS.slice(0, 120), ...cities, ...SURNAMES, ...MALE_FIRST_NAMES, ...FEMALE_FIRST_NAMES, ...NAME_STEMS],
    random,
  );
  const users = [app.ctx.userId];
  const addUser = sql.prepare(
    "insert into users (id, name, role, created_at, updated_at) values (?, ?, 'staff', ?, ?)",
  );
  const now = new Date().toISOString();
  for (let i = 0; i < 9; i++) {
    const id = newId();
    addUser.run(id, `Kullanıcı ${i + 1}`, now, now);
    users.push(id);
  }
  /** Spread over five years, so date filters cut real slices. */
  const dated = () => new Date(Date.parse('2021-01-01T00:00:00Z') + random.next() * 5 * 365 * 86_400_000).toISOString();

  const addCard = sql.prepare(
    `insert into cards (id, type, display_name, sort_key, owner_id, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearch = sql.prepare(
    `insert into search_docs (doc_id, entity_type, entity_id, deleted, title, body, owner_id, dated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Numbered as indexEntity numbers them: the next number in the type's range.
  const next = new Map<IndexedType, bigint>();
  const addSearch = {
    run: (type: IndexedType, ...rest: unknown[]) => {
      const docId = (next.get(type) ?? docIdRange(type).lo) + 1n;
      next.set(type, docId);
      insertSearch.run(docId, type, ...rest);
    },
  };
  const addBlob = sql.prepare('insert into blobs (sha256, size, chunk_size, created_at) values (?, ?, 1048576, ?)');
  const addDocument = sql.prepare(
    `insert into documents (id, name, mime_type, size, sha256, source, text_status, created_at, updated_at, created_by, deleted_at)
     values (?, ?, ?, ?, ?, 'picker', 'done', ?, ?, ?, ?)`,
  );
  const addFiling = sql.prepare(
    'insert into document_cards (document_id, card_id, created_at, created_by) values (?, ?, ?, ?)',
  );
  const cardIds: string[] = [];

  /** Writes in transactions of 20k rows: one huge transaction would hold the whole WAL. */
  const inBatches = (label: string, count: number, write: (i: number) => void) => {
    for (let from = 0; from < count; from += 20_000) {
      sql.transaction(() => {
        for (let i = from; i < Math.min(count, from + 20_000); i++) write(i);
      })();
    }
    console.log(`  ${label}: ${count.toLocaleString()} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };

  console.log('building the global-search benchmark database (once; cached in the temp folder)');
  inBatches('persons', sizes.persons, (i) => {
    const female = random.chance(0.5);
    const name = `${pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${pick(SURNAMES)}`;
    const id = newId();
    const owner = pick(users);
    const at = dated();
    addCard.run(id, 'person', name, turkishSortKey(name), owner, at, at, owner);
    cardIds.push(id);
    const body = [
      `05${random.int(30, 55)}${String(1_000_000 + i).slice(-7)}`,
      random.chance(0.6) ? `kisi${i}@firma${i % 997}.com.tr` : '',
      pick(cities),
      random.chance(0.5) ? `${pick(NAME_STEMS)} ${pick(sectors)} ${pick(roles)}` : '',
      random.chance(0.2) ? office.text(3, 12) : '',
    ].join(' ');
    addSearch.run('person', id, random.chance(0.02) ? 1 : 0, foldForSearch(name), foldForSearch(body), owner, at);
  });
  inBatches('institutions', sizes.institutions, (i) => {
    const title = `${pick(NAME_STEMS)} ${pick(SURNAMES)} ${pick(sectors)} ${i} A.Ş.`;
    const id = newId();
    const owner = pick(users);
    const at = dated();
    addCard.run(id, 'institution', title, turkishSortKey(title), owner, at, at, owner);
    cardIds.push(id);
    const body = `${pick(sectors)} ${pick(cities)} ${1_000_000_000 + i} firma${i}.com.tr ${office.text(0, 8)}`;
    addSearch.run('institution', id, 0, foldForSearch(title), foldForSearch(body), owner, at);
  });
  inBatches('notes', sizes.notes, () => {
    const at = dated();
    addSearch.run('note', newId(), 0, '', mixed.text(15, 70), pick(users), at);
  });
  inBatches('mail', sizes.mails, () => {
    const at = dated();
    addSearch.run('mail', newId(), 0, office.text(3, 8), mixed.text(40, 160), pick(users), at);
  });
  inBatches('documents', sizes.documents, (i) => {
    const id = newId();
    const sha = `${String(i).padStart(16, '0')}${'0'.repeat(48)}`;
    const owner = pick(users);
    const at = dated();
    const name = `${pick(['Teklif', 'Fatura', 'Sözleşme', 'Rapor', 'Tutanak', 'Şartname', 'Dilekçe'])} ${pick(NAME_STEMS)} ${i}.pdf`;
    const deleted = random.chance(0.03);
    addBlob.run(sha, 10_000, at);
    addDocument.run(id, name, 'application/pdf', 10_000, sha, at, at, owner, deleted ? at : null);
    addFiling.run(id, pick(cardIds), at, owner);
    const pages = Array.from({ length: random.int(1, 6) }, () => mixed.text(60, 140));
    const tags = random.chance(0.3) ? ` ${pick(['muhasebe', 'resmi evrak', 'insan kaynaklari', 'satis'])}` : '';
    addSearch.run('document', id, deleted ? 1 : 0, foldForSearch(name) + tags, ['', ...pages].join(' \f '), owner, at);
  });
  settle(app);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** What a long-lived database gets from time to time; makes the timing independent of insert order. */
function settle(app: KartotekApp): void {
  const sql = app.ctx.db.$client;
  sql.exec("insert into search_fts(search_fts) values ('optimize')");
  sql.exec('analyze');
}
