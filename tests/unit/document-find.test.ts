import { describe, expect, it } from 'vitest';
import { findMatches, indexPage } from '../../src-renderer/modules/documents/viewer/pdf-find';

const page = (...lines: string[]) => indexPage(lines.map((str) => ({ str, hasEOL: true })));

describe('find in a PDF (Turkish-folded)', () => {
  it('finds "sözleşme" written in capitals and without Turkish letters, and maps back to the original characters', () => {
    const pages = [page('KİRA SÖZLEŞMESİ'), page('Bu sozlesme iki taraf arasında', 'yapılan Sözleşme.')];
    const matches = findMatches(pages, 'sözleşme');
    expect(matches.map((m) => m.page)).toEqual([1, 2, 2]);
    expect(matches[0]!.ranges).toEqual([{ run: 0, start: 5, end: 13 }]);
    expect(matches[2]!.ranges).toEqual([{ run: 1, start: 8, end: 16 }]);
  });

  it('folds dotless ı and İ the Turkish way', () => {
    expect(findMatches([page('IŞIK Çağrı İSTANBUL')], 'isik cagri istanbul')).toHaveLength(1);
  });

  it('matches a phrase broken over two lines, and each word when the phrase is not there', () => {
    const pages = [page('kira', 'sözleşmesi'), page('sözleşme ve kira')];
    expect(findMatches(pages, 'kira sözleşmesi').map((m) => m.ranges)).toEqual([
      [
        { run: 0, start: 0, end: 4 },
        { run: 1, start: 0, end: 10 },
      ],
    ]);
    // Not as a phrase on this page: each word is looked for; the -exclusion of search syntax is ignored.
    expect(findMatches([page('sözleşme ve kira')], 'kira sözleşmesi -iptal').map((m) => m.ranges)).toEqual([
      [{ run: 0, start: 12, end: 16 }],
    ]);
    expect(findMatches([page('sözleşme ve kira')], 'kira "sözleşme"').map((m) => m.ranges[0]!.start)).toEqual([0, 12]);
  });

  it('keeps offsets right when folding changes lengths (decomposed letters)', () => {
    const decomposed = 'Ayşe s\u0327irket'; // ş as s + combining cedilla
    const [match] = findMatches([page(decomposed)], 'sirket');
    expect(match!.ranges).toEqual([{ run: 0, start: 5, end: 12 }]);
  });

  it('finds nothing for an empty query', () => {
    expect(findMatches([page('metin')], '  ')).toEqual([]);
  });
});
