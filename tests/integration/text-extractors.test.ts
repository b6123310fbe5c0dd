/**
 * The text extractors on real files of every kind, built in code
 * (tests/fixtures/documents), with the real OCR engine (tesseract.js, offline
 * Turkish + English data) shared by the whole file. Words are compared folded
 * (foldForSearch), as search compares them: the OCR may read ı as i.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src-main/jobs/text-extraction/extract-text';
import type { ExtractResult } from '../../src-main/jobs/text-extraction/extract-types';
import { createOcrEngine } from '../../src-main/jobs/text-extraction/ocr';
import { mimeTypeOf } from '../../src-main/services/documents/mime-types';
import { foldForSearch } from '../../src-shared/domain/turkish-text';
import * as make from '../fixtures/documents/make-documents';

// The app's data folder, where the OCR keeps its copy of the language data.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-extractors-'));
const ocr = createOcrEngine(dataDir);
afterAll(async () => {
  await ocr.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function extract(name: string, bytes: Uint8Array, password?: string, deadline?: number): Promise<ExtractResult> {
  return extractText({ bytes, name, mimeType: mimeTypeOf(name), ocr, password, deadline });
}

function pagesOf(result: ExtractResult): string[] {
  if (result.status !== 'done') throw new Error(`expected text, got ${JSON.stringify(result)}`);
  return result.pages;
}

function expectWords(text: string, words: string[]): void {
  const folded = foldForSearch(text);
  for (const word of words) expect(folded, `"${word}" in ${JSON.stringify(text)}`).toContain(foldForSearch(word));
}

const SENTENCE_WORDS = ['Çağrı', 'Işık', 'İstanbul', 'şirket', 'sözleşmesi'];

/** Hostile files must be turned away quickly, not after a long struggle. */
async function timed(run: () => Promise<ExtractResult>): Promise<{ result: ExtractResult; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: performance.now() - start };
}

describe('PDF', () => {
  it('reads embedded Turkish text exactly, ş ğ ı İ included', async () => {
    const result = await extract('sözleşme.pdf', await make.turkishPdf());
    expect(result).toMatchObject({ status: 'done', extractor: 'pdf' });
    expect(pagesOf(result)[0]).toContain(make.TURKISH_SENTENCE);
  });

  it('gives one text per page, in order', async () => {
    const pages = pagesOf(await extract('rapor.pdf', await make.multiPagePdf(4)));
    expect(pages).toHaveLength(4);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`^Sayfa ${i + 1}\\n`)));
  });

  it('OCRs a page that is only a scanned picture, and keeps the text of the page that has text', async () => {
    const result = await extract('tarama.pdf', await make.scannedPdf('Taranmış Çağrı Işık faturası'));
    expect(result).toMatchObject({ status: 'done', extractor: 'pdf+ocr' });
    const [cover, scanned] = pagesOf(result);
    expect(cover).toContain(make.TURKISH_SENTENCE);
    expectWords(scanned!, ['Taranmış', 'Çağrı', 'Işık', 'faturası']);
  });

  it("out of time, answers with the pages OCR'd so far: the first page of a 3-page scan, the rest empty", async () => {
    const bytes = await make.scannedPagesPdf(['Birinci sayfa Çağrı', 'İkinci sayfa Işık', 'Üçüncü sayfa Güneş']);
    // A budget already spent when the reading starts: the first page is still read, no other.
    const result = await extract('uzun-tarama.pdf', bytes, undefined, Date.now() + 1);
    expect(result).toMatchObject({ status: 'done', extractor: 'pdf+ocr' });
    const pages = pagesOf(result);
    expect(pages).toHaveLength(3);
    expectWords(pages[0]!, ['Birinci', 'Çağrı']);
    expect(pages.slice(1)).toEqual(['', '']);
  });

  it('is locked without the password, locked with "Parola yanlış." for a wrong one, and read with the right one', async () => {
    const bytes = make.encryptedPdf('Gizli-2025');
    const without = await extract('gizli.pdf', bytes);
    expect(without.status).toBe('locked');
    expect((without as { reason: string }).reason).toMatch(/parola/i);
    expect(await extract('gizli.pdf', bytes, 'yanlış')).toEqual({ status: 'locked', reason: 'Parola yanlış.' });
    const right = await extract('gizli.pdf', bytes, 'Gizli-2025');
    expectWords(pagesOf(right)[0]!, ['Gizli', 'protokol', 'Çözüm', 'Ürün']);
  });

  it('fails with a reason, quickly, on a truncated file', async () => {
    const { result, ms } = await timed(async () => extract('yarım.pdf', await make.truncatedPdf()));
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/^dosya bozuk: PDF/);
    expect(ms).toBeLessThan(3000);
  });

  it('fails with a reason, quickly, on a page tree that contains itself and claims a million pages', async () => {
    const { result, ms } = await timed(() => extract('döngü.pdf', make.cyclicPdf()));
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/^dosya bozuk: PDF/);
    expect(ms).toBeLessThan(3000);
  });

  it('reads a PDF whatever its name says', async () => {
    const result = await extract('yanlış-uzantı.docx', await make.turkishPdf());
    expect(result).toMatchObject({ status: 'done', extractor: 'pdf' });
  });
});

describe('office documents', () => {
  it('reads a Word document (.docx)', async () => {
    const pages = pagesOf(await extract('sözleşme.docx', make.docx(['Çağrı Işık', 'İstanbul şirket sözleşmesi'])));
    expect(pages).toHaveLength(1);
    expectWords(pages[0]!, SENTENCE_WORDS);
    expect(pages[0]).toMatch(/Çağrı Işık\s*\n\s*İstanbul/);
  });

  it('reads an Excel workbook (.xlsx): a page per sheet, cells and numbers', async () => {
    const bytes = await make.xlsx([
      {
        name: 'Müşteriler',
        rows: [
          ['Çağrı Işık', 'İstanbul'],
          ['Toplam', 1250],
        ],
      },
      { name: 'Notlar', rows: [['şirket sözleşmesi']] },
    ]);
    const pages = pagesOf(await extract('liste.xlsx', bytes));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Çağrı Işık\tİstanbul');
    expect(pages[0]).toContain('Toplam\t1250');
    expectWords(pages[1]!, ['şirket', 'sözleşmesi']);
  });

  it('reads an OpenDocument text (.odt), spaces and tabs as written', async () => {
    const pages = pagesOf(await extract('mektup.odt', make.odt('Başlık', ['Çağrı  Işık\tİstanbul şirket sözleşmesi'])));
    expect(pages[0]).toBe('Başlık\nÇağrı  Işık\tİstanbul şirket sözleşmesi\n');
  });

  it('reads an .odt full of tags whose quotes never close in linear time, the text before them kept', async () => {
    const { result, ms } = await timed(() => extract('kötü.odt', make.unterminatedQuotesOdt('Çağrı Işık', 200_000)));
    expect(pagesOf(result)[0]).toMatch(/^Çağrı Işık\n/);
    expect(ms).toBeLessThan(2000);
  });

  it('reads an OpenDocument spreadsheet (.ods) without expanding a million repeated empty rows', async () => {
    const bytes = make.ods([
      {
        name: 'Müşteriler',
        rows: [
          ['Çağrı', '', 'Işık'],
          ['İstanbul', 'şirket'],
        ],
      },
      { name: 'Sözleşmeler', rows: [['sözleşmesi']] },
    ]);
    const pages = pagesOf(await extract('tablo.ods', bytes));
    expect(pages).toEqual(['Müşteriler\nÇağrı\t\tIşık\nİstanbul\tşirket', 'Sözleşmeler\nsözleşmesi']);
  });

  it('refuses a .docx whose zip declares gigabytes, before inflating anything', async () => {
    const { result, ms } = await timed(() => extract('bomba.docx', make.zipBombDocx()));
    expect(result).toEqual({ status: 'failed', reason: 'sıkıştırılmış içerik çok büyük (zip bombası olabilir)' });
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a .docx compressed at a ratio only a zip bomb reaches', async () => {
    const result = await extract('bomba.docx', make.zipBombDocx(200 * 1024 * 1024));
    expect(result).toEqual({ status: 'failed', reason: 'sıkıştırılmış içerik çok büyük (zip bombası olabilir)' });
  });

  it('fails with a reason on a .docx that is not a zip at all', async () => {
    const result = await extract('bozuk.docx', new TextEncoder().encode('PK\u0003\u0004 bu bir zip değil'));
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/bozuk/);
  });
});

describe('text formats', () => {
  it("reads RTF in code page 1254: \\'xx bytes, \\uN with its fallback, tables and pictures left out", async () => {
    const text = pagesOf(await extract('mektup.rtf', make.turkishRtf()))[0]!;
    expect(text).toContain(make.TURKISH_SENTENCE);
    expect(text).toContain('Şube müdürü');
    expect(text).not.toMatch(/Calibri|Arial|Normal|Riched|89504e47|\?ube/);
  });

  it('refuses an RTF nested deeper than 1000 groups, quickly, with the reason', async () => {
    const { result, ms } = await timed(() => extract('derin.rtf', make.deeplyNestedRtf(1_000_000)));
    expect(result).toEqual({
      status: 'failed',
      reason: 'RTF belgesi okunamadı: 1000 düzeyden derin iç içe grup var (dosya bozuk ya da zararlı)',
    });
    expect(ms).toBeLessThan(1000);
    expect(pagesOf(await extract('sığ.rtf', make.deeplyNestedRtf(900)))).toEqual(['derin']);
  });

  it('reads plain text as UTF-8, as windows-1254 (Turkish Notepad), and as UTF-16 with a mark', async () => {
    const sentence = make.TURKISH_SENTENCE;
    expect(pagesOf(await extract('not.txt', new TextEncoder().encode(sentence)))).toEqual([sentence]);
    expect(pagesOf(await extract('not.txt', make.text1254(sentence)))).toEqual([sentence]);
    expect(pagesOf(await extract('not.csv', make.textUtf16le(sentence)))).toEqual([sentence]);
    expect(pagesOf(await extract('not.md', new TextEncoder().encode(`# ${sentence}`)))).toEqual([`# ${sentence}`]);
  });

  it('reads HTML as text, scripts and link targets left out, headings not upper-cased', async () => {
    const text = pagesOf(await extract('teklif.html', make.turkishHtml()))[0]!;
    expect(text).toContain('Fiyat teklifi');
    expect(text).toContain('Çağrı Işık için hazırlanmıştır.');
    expect(text).toMatch(/Ürün\s+Güneş paneli/);
    expect(text).not.toContain('görünmez');
  });

  it('reads a saved e-mail (.eml): sender, recipient, subject, body and attachment names', async () => {
    const text = pagesOf(await extract('ileti.eml', make.turkishEml()))[0]!;
    expect(text).toContain('Kimden: "Çağrı Işık" <cagri@ornek.com.tr>');
    expect(text).toContain('Konu: Sözleşme taslağı');
    expect(text).toContain('İstanbul şirket sözleşmesinin taslağı ektedir.');
    expect(text).toContain('Ekler: sozlesme.pdf');
  });

  it('reads an HTML-only e-mail through the same HTML conversion', async () => {
    const text = pagesOf(await extract('duyuru.eml', make.htmlOnlyEml()))[0]!;
    expect(text).toContain('Yeni İzmir şubemiz açıldı.');
    expect(text).not.toContain('https://');
  });

  it('reads an Outlook message (.msg): sender, recipient, subject, body and attachment names', async () => {
    const bytes = make.outlookMsg({
      subject: 'Sözleşme taslağı',
      body: 'İstanbul şirket sözleşmesi ektedir.',
      senderName: 'Ayşe Yılmaz',
      senderEmail: 'ayse@firma.com.tr',
      to: { name: 'Çağrı Işık', email: 'cagri@ornek.com.tr' },
      attachmentName: 'teklif.pdf',
    });
    const text = pagesOf(await extract('ileti.msg', bytes))[0]!;
    expect(text).toContain('Kimden: Ayşe Yılmaz <ayse@firma.com.tr>');
    expect(text).toContain('Kime: Çağrı Işık <cagri@ornek.com.tr>');
    expect(text).toContain('Konu: Sözleşme taslağı');
    expect(text).toContain('İstanbul şirket sözleşmesi ektedir.');
    expect(text).toContain('Ekler: teklif.pdf');
  });

  it('fails with a reason on a .msg that is not an Outlook message', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const result = await extract('ileti.msg', ole);
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/^Outlook iletisi okunamadı/);
  });
});

describe('images', () => {
  it('OCRs a PNG of Turkish text', async () => {
    const result = await extract('fotoğraf.png', make.textPng(`Çağrı Işık\nİstanbul şirket sözleşmesi`));
    expect(result).toMatchObject({ status: 'done', extractor: 'ocr' });
    expectWords(pagesOf(result)[0]!, SENTENCE_WORDS);
  });

  it('OCRs a JPEG and a WebP (the latter redrawn as PNG for the OCR)', async () => {
    expectWords(pagesOf(await extract('foto.jpg', make.textJpeg('Güneş Işık')))[0]!, ['Güneş', 'Işık']);
    expectWords(pagesOf(await extract('foto.webp', make.textWebp('Çağrı Özgür')))[0]!, ['Çağrı', 'Özgür']);
  });

  it('fails with a reason on a PNG whose header is all there is', async () => {
    const result = await extract('bozuk.png', make.pngHeaderOnly(100, 100));
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/^görüntü okunamadı/);
  });

  it('OCRs every page of a multi-page TIFF, one text per page, leaving the file as it was', async () => {
    const tiff = make.textTiff(['Birinci sayfa Çağrı', 'İkinci sayfa Işık']);
    const original = Buffer.from(tiff);
    const pages = pagesOf(await extract('faks.tiff', tiff));
    expect(pages).toHaveLength(2);
    expectWords(pages[0]!, ['Birinci', 'Çağrı']);
    expectWords(pages[1]!, ['İkinci', 'Işık']);
    // Each page is a header patch of one working copy, never of the caller's bytes.
    expect(tiff.equals(original)).toBe(true);
  });

  it("out of time, answers with the TIFF pages OCR'd so far, the rest empty", async () => {
    const tiff = make.textTiff(['Birinci sayfa Çağrı', 'İkinci sayfa Işık', 'Üçüncü sayfa Güneş']);
    const pages = pagesOf(await extract('faks.tiff', tiff, undefined, Date.now() + 1));
    expect(pages).toHaveLength(3);
    expectWords(pages[0]!, ['Birinci', 'Çağrı']);
    expect(pages.slice(1)).toEqual(['', '']);
  });

  it('refuses an image whose header claims 30000×30000 pixels without decoding it', async () => {
    const { result, ms } = await timed(() => extract('dev.png', make.pngHeaderOnly(30000, 30000)));
    expect(result).toEqual({ status: 'failed', reason: 'görüntü çok büyük (30000×30000 piksel)' });
    expect(ms).toBeLessThan(500);
  });
});

describe('anything else', () => {
  it('gives none, not an error, for an unknown binary file and an empty file', async () => {
    expect((await extract('veri.bin', Uint8Array.from([0, 159, 146, 150, 0, 1]))).status).toBe('none');
    expect((await extract('boş.txt', new Uint8Array(0))).status).toBe('none');
  });

  it('does not pass off binary bytes as text because the name says .txt', async () => {
    expect((await extract('aslında.txt', Uint8Array.from([0, 159, 146, 150, 0, 1, 2, 3]))).status).toBe('none');
  });

  it('says a file named .pdf that is not a PDF is damaged', async () => {
    const result = await extract('fatura.pdf', new TextEncoder().encode('Bu bir PDF değil, düz metin.'));
    expect(result.status).toBe('failed');
    expect((result as { reason: string }).reason).toMatch(/^dosya bozuk: PDF/);
  });

  it('gives none with a hint for an old binary Word document', async () => {
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const result = await extract('eski.doc', doc);
    expect(result.status).toBe('none');
    expect((result as { reason: string }).reason).toMatch(/\.docx/);
  });
});
