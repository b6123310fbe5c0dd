import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractResult, OcrEngine } from '../extract-types';
import { LIMITS, pastDeadline } from './limits';
import { openPdf } from './pdfjs';
import { renderPageForOcr } from './pdf-render';

/** A run of unreadable pages this long ends the reading (a looping page tree fails every page). */
const MAX_FAILED_PAGES_IN_A_ROW = 10;

/** The page's embedded text in reading order, a line break where pdfjs marks the end of a line. */
async function pageText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

/**
 * A PDF's text, one string per page: the embedded text, and for pages without any
 * (scans) the OCR of the page rendered as a picture. Bounded: LIMITS.pdfTextPages
 * pages are read and LIMITS.pdfOcrPages are OCR'd; later textless pages stay empty.
 * Past the deadline (ExtractInput.deadline) no further page is read: the rest stay empty.
 */
export async function extractPdf(
  bytes: Uint8Array,
  password: string | undefined,
  ocr: OcrEngine,
  deadline?: number,
): Promise<ExtractResult> {
  let opened;
  try {
    opened = await openPdf(bytes, password);
  } catch (error) {
    return { status: 'failed', reason: `dosya bozuk: PDF okunamıyor (${message(error)})` };
  }
  if ('locked' in opened) {
    return opened.locked === 'wrong'
      ? { status: 'locked', reason: 'Parola yanlış.' }
      : { status: 'locked', reason: 'Belge parola korumalı: metni okumak için parolası gerekiyor.' };
  }
  const { doc } = opened;
  try {
    const pageCount = Math.min(doc.numPages, LIMITS.pdfTextPages);
    const pages: string[] = [];
    let failedInARow = 0;
    let read = 0;
    let lastError = '';
    let ocrPages = 0;
    let ocrError = '';
    for (let n = 1; n <= pageCount && failedInARow < MAX_FAILED_PAGES_IN_A_ROW; n++) {
      if (n > 1 && pastDeadline(deadline)) {
        while (pages.length < pageCount) pages.push('');
        break;
      }
      let page: PDFPageProxy;
      try {
        page = await doc.getPage(n);
        pages.push(await pageText(page));
        failedInARow = 0;
        read++;
      } catch (error) {
        pages.push('');
        failedInARow++;
        lastError = message(error);
        continue;
      }
      if (pages[n - 1]!.trim() === '' && ocrPages < LIMITS.pdfOcrPages) {
        ocrPages++;
        try {
          pages[n - 1] = await ocr.recognize(await renderPageForOcr(page));
        } catch (error) {
          ocrError = message(error);
        }
      }
      page.cleanup();
    }
    if (read === 0) return { status: 'failed', reason: `dosya bozuk: PDF sayfaları okunamıyor (${lastError})` };
    if (pages.every((text) => text.trim() === '')) {
      if (ocrError) return { status: 'failed', reason: `OCR başarısız: ${ocrError}` };
      return { status: 'none', reason: 'PDF’te metin bulunamadı.', extractor: ocrPages ? 'pdf+ocr' : 'pdf' };
    }
    return { status: 'done', pages, extractor: ocrPages ? 'pdf+ocr' : 'pdf' };
  } finally {
    await doc.destroy();
  }
}
