import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery, splitWords, tokenMatches, toFtsQuery } from '../../src-shared/domain/search-query';
import { foldForSearch } from '../../src-shared/domain/turkish-text';

describe('toFtsQuery', () => {
  it('makes every word a quoted prefix term', () => {
    expect(toFtsQuery('ahmet')).toBe('"ahmet"*');
    expect(toFtsQuery('  ahmet  ')).toBe('"ahmet"*');
  });

  it('folds the query with the same function as the index', () => {
    expect(toFtsQuery('Müşt')).toBe('"must"*');
    expect(toFtsQuery('IŞIK')).toBe('"isik"*');
    expect(toFtsQuery('İSTANBUL')).toBe('"istanbul"*');
    expect(toFtsQuery('Çağrı')).toBe('"cagri"*');
  });

  it('ANDs several words (implicit AND: every word must match)', () => {
    expect(toFtsQuery('ahmet yılmaz')).toBe('"ahmet"* "yilmaz"*');
    expect(toFtsQuery('a\tb\nc')).toBe('"a"* "b"* "c"*');
  });

  it('keeps "quoted words" together as one exact phrase', () => {
    expect(toFtsQuery('"Müşteri Hizmetleri"')).toBe('"musteri hizmetleri"');
    expect(toFtsQuery('ankara "genel   müdürlük" ofis')).toBe('"ankara"* "genel mudurluk" "ofis"*');
  });

  it('excludes -words and -"phrases"', () => {
    expect(toFtsQuery('ahmet -yılmaz')).toBe('"ahmet"* NOT ("yilmaz"*)');
    expect(toFtsQuery('ahmet -yılmaz -"kaya inşaat"')).toBe('"ahmet"* NOT ("yilmaz"* OR "kaya insaat")');
  });

  it('treats a hyphen inside a word as a separator, not an exclusion', () => {
    expect(toFtsQuery('Ak-Sa')).toBe('"ak"* "sa"*');
  });

  it('neutralises FTS5 operator words typed by the user', () => {
    expect(toFtsQuery('NEAR')).toBe('"near"*');
    expect(toFtsQuery('ahmet OR mehmet')).toBe('"ahmet"* "or"* "mehmet"*');
    expect(toFtsQuery('a AND b NOT c')).toBe('"a"* "and"* "b"* "not"* "c"*');
    expect(toFtsQuery('NEAR(a b)')).toBe('"near"* "a"* "b"*');
  });

  it('neutralises FTS5 operator characters typed by the user', () => {
    expect(toFtsQuery('ahm*')).toBe('"ahm"*');
    expect(toFtsQuery('title:ahmet')).toBe('"title"* "ahmet"*');
    expect(toFtsQuery('^ahmet')).toBe('"ahmet"*');
    expect(toFtsQuery('(ahmet)')).toBe('"ahmet"*');
    expect(toFtsQuery('{title body}:x')).toBe('"title"* "body"* "x"*');
    expect(toFtsQuery('a + b')).toBe('"a"* "b"*');
  });

  it('survives unbalanced quotes', () => {
    expect(toFtsQuery('"ahmet')).toBe('"ahmet"*');
    expect(toFtsQuery('ahmet"')).toBe('"ahmet"*');
    expect(toFtsQuery('"a b" "c')).toBe('"a b" "c"*');
    expect(toFtsQuery('"""')).toBeNull();
  });

  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('   ')).toBeNull();
    expect(toFtsQuery('*')).toBeNull();
    expect(toFtsQuery('* : ^ ( ) " -')).toBeNull();
    expect(toFtsQuery('""')).toBeNull();
    expect(toFtsQuery('-"" -')).toBeNull();
    // Only exclusions: FTS5 cannot answer "everything except".
    expect(toFtsQuery('-ahmet')).toBeNull();
  });

  it('keeps digits (phone numbers, postal codes)', () => {
    expect(toFtsQuery('0532 34000')).toBe('"0532"* "34000"*');
  });
});

describe('parseSearchQuery', () => {
  it('reads words, phrases and exclusions, folded, in the order typed', () => {
    expect(parseSearchQuery('Çağrı "Genel Müdürlük" -İptal -"eski kayıt"')).toEqual({
      include: [
        { words: ['cagri'], phrase: false },
        { words: ['genel', 'mudurluk'], phrase: true },
      ],
      exclude: [
        { words: ['iptal'], phrase: false },
        { words: ['eski', 'kayit'], phrase: true },
      ],
    });
  });

  it('splits a hyphenated word into words that must all match', () => {
    expect(parseSearchQuery('e-posta').include).toEqual([
      { words: ['e'], phrase: false },
      { words: ['posta'], phrase: false },
    ]);
  });
});

describe('tokenMatches', () => {
  const { include } = parseSearchQuery('müşt "genel müdür"');
  it('matches words by prefix and phrase words exactly', () => {
    expect(tokenMatches('musteri', include)).toBe(true);
    expect(tokenMatches('genel', include)).toBe(true);
    expect(tokenMatches('genellikle', include)).toBe(false);
    expect(tokenMatches('mudur', include)).toBe(true);
    expect(tokenMatches('mudurluk', include)).toBe(false);
    expect(tokenMatches('kamus', include)).toBe(false);
  });
});

describe('splitWords', () => {
  it('splits folded text where the unicode61 tokenizer would', () => {
    expect(splitWords('Şükrü.Öztürk@Örnek.com.tr')).toEqual(['sukru', 'ozturk', 'ornek', 'com', 'tr']);
    expect(splitWords("O'Neil-İnce, 34000")).toEqual(['o', 'neil', 'ince', '34000']);
    expect(splitWords('—…!')).toEqual([]);
  });
});

// The strings must also be valid FTS5 syntax and find what a user expects:
// a real FTS5 table (in memory) with the same tokenizer as the app's index.
describe('toFtsQuery against a real FTS5 index', () => {
  let db: Database.Database;
  const docs = [
    'Şükrü Öztürk Müşteri Hizmetleri İSTANBUL',
    'IŞIK Lojistik Ankara tedarikçi',
    'Ahmet Yılmaz Kaya İnşaat near the or gate',
    'Çağrı Merkezi Genel Müdürlük İzmir',
  ];
  const match = (q: string): number[] => {
    const fts = toFtsQuery(q);
    if (fts === null) return [];
    return (db.prepare('select rowid from t where t match ? order by rowid').all(fts) as { rowid: number }[]).map(
      (r) => r.rowid,
    );
  };

  beforeAll(() => {
    db = new Database(':memory:');
    db.exec("create virtual table t using fts5(body, tokenize='unicode61 remove_diacritics 2', prefix='2 3')");
    const insert = db.prepare('insert into t(rowid, body) values (?, ?)');
    docs.forEach((d, i) => insert.run(i + 1, foldForSearch(d)));
  });
  afterAll(() => db.close());

  it('finds by folded prefix', () => {
    expect(match('müşt')).toEqual([1]);
    expect(match('sukru')).toEqual([1]);
    expect(match('isik')).toEqual([2]);
    expect(match('istanbul')).toEqual([1]);
    expect(match('cagri')).toEqual([4]);
  });

  it('narrows with every word and excludes with -', () => {
    expect(match('a')).toEqual([2, 3]);
    expect(match('a kaya')).toEqual([3]);
    expect(match('a -kaya')).toEqual([2]);
    expect(match('"genel müdürlük"')).toEqual([4]);
    expect(match('"müdürlük genel"')).toEqual([]);
  });

  it('never raises an FTS5 syntax error for hostile input', () => {
    const hostile = [
      'NEAR',
      'OR',
      'AND',
      'NOT',
      'near(ahmet',
      'ahmet OR',
      'OR ahmet',
      'NOT ahmet',
      '"',
      '"""',
      'a"b"c',
      'body:ahmet',
      '{body}:x',
      '^',
      '*a',
      'a*b',
      '(',
      ')',
      '(a OR b',
      'a) (b',
      '-',
      '--a',
      'a -',
      '+a',
      "'",
      '\\',
      '%',
      '_',
      'ahmet"yılmaz',
      '-"a',
      'NEAR/3',
      'a:b:c',
      'ç:ş',
    ];
    for (const q of hostile) {
      expect(() => match(q), q).not.toThrow();
    }
    expect(match('the OR gate')).toEqual([3]);
    expect(match('near')).toEqual([3]);
    expect(match('OR')).toEqual([3]);
  });
});
