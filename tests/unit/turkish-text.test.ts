import { describe, expect, it } from 'vitest';
import {
  foldForSearch,
  turkishLowerCase,
  turkishSortKey,
  turkishUpperCase,
} from '../../src-shared/domain/turkish-text';

const nfd = (s: string) => s.normalize('NFD');
const byKey = (names: string[]) =>
  [...names].sort((a, b) =>
    turkishSortKey(a) < turkishSortKey(b) ? -1 : turkishSortKey(a) > turkishSortKey(b) ? 1 : 0,
  );

describe('foldForSearch: the four Turkish i letters', () => {
  it.each([
    ['İSTANBUL', 'istanbul'],
    ['İstanbul', 'istanbul'],
    ['istanbul', 'istanbul'],
    ['IŞIK', 'isik'],
    ['Işık', 'isik'],
    ['ışık', 'isik'],
    ['IşIk', 'isik'],
    ['Iğdır', 'igdir'],
    ['IĞDIR', 'igdir'],
    ['DİYARBAKIR', 'diyarbakir'],
    ['Diyarbakır', 'diyarbakir'],
    ['İI', 'ii'],
    ['Iİ', 'ii'],
    ['ıi', 'ii'],
    ['iı', 'ii'],
    ['İıIi', 'iiii'],
    ['ILGIN İLGİN', 'ilgin ilgin'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('folds capital I to the same word as dotless ı and dotted İ to the same as i', () => {
    // A capital I in Turkish is the capital of ı: both fold to i, as does İ.
    expect(foldForSearch('KIRMIZI')).toBe(foldForSearch('kırmızı'));
    expect(foldForSearch('İKİ')).toBe(foldForSearch('iki'));
    expect(foldForSearch('KIRMIZI')).toBe('kirmizi');
  });

  it('never leaves a combining dot behind (the trap of a plain toLowerCase of İ)', () => {
    const folded = foldForSearch('İZMİR');
    expect(folded).toBe('izmir');
    expect(folded).not.toMatch(/\u0307/);
    expect(folded.length).toBe(5);
  });
});

describe('foldForSearch: the other Turkish letters', () => {
  it.each([
    ['Ş', 's'],
    ['ş', 's'],
    ['Ğ', 'g'],
    ['ğ', 'g'],
    ['Ç', 'c'],
    ['ç', 'c'],
    ['Ö', 'o'],
    ['ö', 'o'],
    ['Ü', 'u'],
    ['ü', 'u'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it.each([
    ['Çağrı', 'cagri'],
    ['ÇAĞRI', 'cagri'],
    ['Şükrü Öztürk', 'sukru ozturk'],
    ['ŞÜKRÜ ÖZTÜRK', 'sukru ozturk'],
    ['Gülşen Ünlü', 'gulsen unlu'],
    ['Müşteri Hizmetleri', 'musteri hizmetleri'],
    ['ÖĞRETMEN', 'ogretmen'],
    ['Üsküdar Çarşı', 'uskudar carsi'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it.each([
    ['Kâzım', 'kazim'],
    ['KÂZIM', 'kazim'],
    ['Hâkim', 'hakim'],
    ['Şûra', 'sura'],
    ['Hûriye', 'huriye'],
    ['Millî', 'milli'],
    ['MİLLÎ', 'milli'],
  ])('circumflex: %s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it.each([
    ['Café', 'cafe'],
    ['José Muñoz', 'jose munoz'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Ærø', 'aero'],
    ['Œuvre', 'oeuvre'],
    ['Łódź', 'lodz'],
    ['Đorđević', 'dordevic'],
    ['Crème brûlée', 'creme brulee'],
    ['Ångström', 'angstrom'],
  ])('other diacritics: %s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('keeps digits and punctuation (the tokenizer splits them later)', () => {
    expect(foldForSearch('0532 123 45 67')).toBe('0532 123 45 67');
    expect(foldForSearch('ŞİRKET@ÖRNEK.COM.TR')).toBe('sirket@ornek.com.tr');
  });
});

describe('foldForSearch: whitespace and Unicode forms', () => {
  it('collapses runs of whitespace (spaces, tabs, new lines, no-break spaces) and trims', () => {
    expect(foldForSearch('  Ahmet \t\t Yılmaz\n\nİZMİR\u00a0 ')).toBe('ahmet yilmaz izmir');
    expect(foldForSearch('   ')).toBe('');
    expect(foldForSearch('')).toBe('');
  });

  it('folds decomposed (NFD) input exactly as composed (NFC) input', () => {
    const words = [
      'İSTANBUL',
      'IŞIK',
      'Çağrı',
      'Şükrü Öztürk',
      'Kâzım',
      'Iğdır',
      'DİYARBAKIR',
      'Gülşen',
      'Şûra',
      'Muñoz',
    ];
    for (const w of words) {
      const decomposed = nfd(w);
      expect(decomposed).not.toBe(w.normalize('NFC'));
      expect(foldForSearch(decomposed)).toBe(foldForSearch(w));
    }
    expect(foldForSearch(nfd('İSTANBUL'))).toBe('istanbul');
  });

  it('folds i followed by a combining dot above (what toLowerCase("İ") produces) to a plain i', () => {
    const iDot = 'i\u0307stanbul';
    expect(foldForSearch(iDot)).toBe('istanbul');
    expect(foldForSearch('İstanbul'.toLowerCase())).toBe('istanbul');
    expect(foldForSearch('I\u0307ZMI\u0307R')).toBe('izmir');
  });

  it('is idempotent', () => {
    for (const w of ['İSTANBUL', 'IŞIK', 'Straße', 'Kâzım', '  a  b ']) {
      expect(foldForSearch(foldForSearch(w))).toBe(foldForSearch(w));
    }
  });
});

describe('turkishLowerCase / turkishUpperCase', () => {
  it('lower-cases I to ı and İ to i', () => {
    expect(turkishLowerCase('IŞIK')).toBe('ışık');
    expect(turkishLowerCase('İSTANBUL')).toBe('istanbul');
    expect(turkishLowerCase('DİYARBAKIR')).toBe('diyarbakır');
    expect(turkishLowerCase('IĞDIR')).toBe('ığdır');
    expect(turkishLowerCase('ÇÖĞÜŞ')).toBe('çöğüş');
  });

  it('lower-cases a decomposed İ (I + combining dot) to a plain i', () => {
    expect(turkishLowerCase(nfd('İnce'))).toBe('ince');
    expect(turkishLowerCase(nfd('İSTANBUL'))).toBe('istanbul');
  });

  it('upper-cases i to İ and ı to I', () => {
    expect(turkishUpperCase('istanbul')).toBe('İSTANBUL');
    expect(turkishUpperCase('ışık')).toBe('IŞIK');
    expect(turkishUpperCase('diyarbakır')).toBe('DİYARBAKIR');
    expect(turkishUpperCase('çağrı')).toBe('ÇAĞRI');
    expect(turkishUpperCase('iı')).toBe('İI');
  });

  it('round-trips Turkish words through upper and lower case', () => {
    for (const w of ['ışık', 'istanbul', 'iğdır', 'çiçekçi', 'öğütülmüş']) {
      expect(turkishLowerCase(turkishUpperCase(w))).toBe(w);
    }
  });
});

describe('turkishSortKey', () => {
  it.each([
    ['c', 'ç', 'd'],
    ['g', 'ğ', 'h'],
    ['h', 'ı', 'i'],
    ['o', 'ö', 'p'],
    ['s', 'ş', 't'],
    ['u', 'ü', 'v'],
  ])('%s < %s < %s', (a, b, c) => {
    expect(turkishSortKey(a) < turkishSortKey(b)).toBe(true);
    expect(turkishSortKey(b) < turkishSortKey(c)).toBe(true);
    // Upper case sorts the same as lower case.
    expect(turkishSortKey(turkishUpperCase(b))).toBe(turkishSortKey(b));
  });

  it('puts a word starting with ç after every word starting with c', () => {
    expect(byKey(['Çelik', 'Cengiz', 'Czerny', 'Dinç'])).toEqual(['Cengiz', 'Czerny', 'Çelik', 'Dinç']);
  });

  it('puts Işık before İnce, and both after Hüseyin', () => {
    expect(byKey(['İnce', 'Işık', 'Hüseyin', 'Ilgaz', 'İpek'])).toEqual(['Hüseyin', 'Ilgaz', 'Işık', 'İnce', 'İpek']);
  });

  it('puts Öztürk after Oral and before Pala', () => {
    expect(byKey(['Pala', 'Öztürk', 'Oral', 'Ozan'])).toEqual(['Oral', 'Ozan', 'Öztürk', 'Pala']);
  });

  it('sorts letters inside a word the Turkish way too', () => {
    expect(byKey(['Ağca', 'Agah', 'Ahmet'])).toEqual(['Agah', 'Ağca', 'Ahmet']);
    expect(byKey(['Kuş', 'Kus', 'Kut'])).toEqual(['Kus', 'Kuş', 'Kut']);
  });

  it('ignores case and treats â, î, û as their base letters', () => {
    expect(turkishSortKey('IŞIK')).toBe(turkishSortKey('ışık'));
    expect(turkishSortKey('İNCE')).toBe(turkishSortKey('ince'));
    expect(turkishSortKey('Kâzım')).toBe(turkishSortKey('Kazım'));
    expect(turkishSortKey('Şûra')).toBe(turkishSortKey('Şura'));
  });

  it('gives the same key for decomposed (NFD) input', () => {
    for (const w of ['İnce', 'Işık', 'Çelik', 'Öztürk', 'Kâzım', 'İSTANBUL', 'Şahin']) {
      expect(turkishSortKey(nfd(w))).toBe(turkishSortKey(w));
    }
    expect(byKey([nfd('İnce'), 'Işık', 'Hakan'])).toEqual(['Hakan', 'Işık', nfd('İnce')]);
  });

  it('collapses whitespace', () => {
    expect(turkishSortKey('  Ahmet   Yılmaz ')).toBe(turkishSortKey('Ahmet Yılmaz'));
  });

  it('orders real Turkish surnames exactly as Intl.Collator("tr") does', () => {
    const surnames = [
      'Yılmaz',
      'Kaya',
      'Demir',
      'Şahin',
      'Çelik',
      'Yıldız',
      'Yıldırım',
      'Öztürk',
      'Aydın',
      'Özdemir',
      'Arslan',
      'Doğan',
      'Kılıç',
      'Aslan',
      'Çetin',
      'Kara',
      'Koç',
      'Kurt',
      'Özkan',
      'Şimşek',
      'Polat',
      'Özcan',
      'Korkmaz',
      'Çakır',
      'Erdoğan',
      'Yavuz',
      'Can',
      'Acar',
      'Şen',
      'Aktaş',
      'Güler',
      'Yalçın',
      'Güneş',
      'Bozkurt',
      'Bulut',
      'Keskin',
      'Ünal',
      'Turan',
      'Gül',
      'Özer',
      'Işık',
      'İnce',
      'Ilgaz',
      'Uçar',
      'Uysal',
      'Cengiz',
      'Çiftçi',
      'Ekinci',
      'Gök',
      'Göktaş',
      'Ağaoğlu',
      'Ağca',
      'Avcı',
      'Oral',
      'Ozan',
      'Sarı',
      'Savaş',
      'Hakan',
      'Hüseyinoğlu',
      'Kâhya',
      'Gündoğdu',
      'Gunay',
      'Uz',
      'Üzüm',
      'Ucan',
      'Ceylan',
      'Cömert',
      'Ocak',
      'Öcal',
      'İpekçi',
    ];
    const collator = new Intl.Collator('tr');
    // The collator must really be Turkish (full ICU), or the comparison proves nothing.
    expect(collator.compare('Işık', 'İnce')).toBeLessThan(0);
    expect(collator.compare('Çelik', 'Cengiz')).toBeGreaterThan(0);
    const expected = [...surnames].sort(collator.compare);
    const shuffled = [...surnames].reverse();
    expect(byKey(shuffled)).toEqual(expected);
    // And in upper case, as names are often typed.
    const upper = byKey(surnames.map(turkishUpperCase));
    expect(upper).toEqual(expected.map(turkishUpperCase));
  });
});
