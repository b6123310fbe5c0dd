import { describe, expect, it } from 'vitest';
import { institutionNameKey, personNameKey } from '../../src-main/services/duplicates/name-keys';

describe('name keys for duplicate detection', () => {
  it('folds Turkish letters, case and punctuation of person names', () => {
    expect(personNameKey('Çağrı', 'IŞIK')).toBe('cagri isik');
    expect(personNameKey('  cagri ', 'Işık')).toBe('cagri isik');
    expect(personNameKey('Ayşe', 'Kaya-Demir')).toBe(personNameKey('AYŞE', 'Kaya Demir'));
    expect(personNameKey('Ayşe', 'Kaya')).not.toBe(personNameKey('Ayşe', 'Kayalı'));
  });

  it('drops the legal form of a title, however it is written', () => {
    const key = 'kaya gida';
    for (const title of [
      'Kaya Gıda San. ve Tic. A.Ş.',
      'KAYA GIDA LTD. ŞTİ.',
      'Kaya Gıda Ltd.Şti.',
      'Kaya Gıda Limited Şirketi',
      'Kaya Gıda Anonim Şirketi',
      'Kaya Gıda AŞ',
      'Kaya Gıda A. Ş.',
      'Kaya Gıda İth. İhr. San. ve Tic. A.Ş.',
      'Kaya Gıda',
    ]) {
      expect(institutionNameKey(title), title).toBe(key);
    }
    expect(institutionNameKey('Mavi Liman Bankası T.A.Ş.')).toBe('mavi liman bankasi');
    // Only the tail is a legal form: a name's own words stay.
    expect(institutionNameKey('Kaya İnşaat A.Ş.')).toBe('kaya insaat');
    expect(institutionNameKey('Ticaret Odası Yayınları')).toBe('ticaret odasi yayinlari');
    // A title that is nothing but a legal form is not emptied into one key for all.
    expect(institutionNameKey('A.Ş.')).toBe('as');
  });
});
