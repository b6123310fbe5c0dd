import type { ExtractInput, ExtractResult } from './extract-types';
import { extractDocx } from './extractors/docx';
import { extractEml } from './extractors/eml';
import { ExtractFailure } from './extractors/extract-failure';
import { detectFormat, type DocumentFormat } from './extractors/format';
import { extractHtml } from './extractors/html';
import { extractImage } from './extractors/image';
import { LIMITS } from './extractors/limits';
import { extractMsg } from './extractors/msg';
import { extractOds, extractOdt } from './extractors/opendocument';
import { extractPdf } from './extractors/pdf';
import { extractPlainText } from './extractors/plain-text';
import { extractRtf } from './extractors/rtf';
import { extractXlsx } from './extractors/xlsx';

type PagedExtractor = (input: ExtractInput) => Promise<string[]> | string[];

const one = (read: (bytes: Uint8Array) => Promise<string> | string): PagedExtractor => {
  return async (input) => [await read(input.bytes)];
};

/** Formats read into pages of text (PDF answers for itself: it can be locked or need OCR). */
const EXTRACTORS: Partial<Record<DocumentFormat, PagedExtractor>> = {
  docx: one(extractDocx),
  xlsx: (input) => extractXlsx(input.bytes),
  odt: one(extractOdt),
  ods: (input) => extractOds(input.bytes),
  rtf: one(extractRtf),
  text: one(extractPlainText),
  html: one(extractHtml),
  eml: one(extractEml),
  msg: one(extractMsg),
  image: (input) => extractImage(input.bytes, input.ocr, input.deadline),
  tiff: (input) => extractImage(input.bytes, input.ocr, input.deadline),
};

const EXTRACTOR_NAMES: Partial<Record<DocumentFormat, string>> = { image: 'ocr', tiff: 'ocr' };

const NOT_READ: Partial<Record<DocumentFormat, string>> = {
  ole: 'Eski Office biçimi (.doc, .xls): metni okunamıyor; dosyayı .docx/.xlsx olarak kaydedip yeniden ekleyin.',
  zip: 'Zip arşivi: içindeki dosyaların metni okunmuyor.',
  binary: 'Bu dosya türünden metin çıkarılamıyor.',
};

/** Pages cut so that all together hold at most LIMITS.textChars characters. */
function capText(pages: string[]): string[] {
  let left = LIMITS.textChars;
  return pages.map((page) => {
    const kept = page.length <= left ? page : page.slice(0, left);
    left -= kept.length;
    return kept;
  });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

const FORMAT_LABELS: Partial<Record<DocumentFormat, string>> = {
  docx: 'Word belgesi',
  xlsx: 'Excel çalışma kitabı',
  odt: 'OpenDocument metni',
  ods: 'OpenDocument tablosu',
  rtf: 'RTF belgesi',
  eml: 'e-posta',
  msg: 'Outlook iletisi',
  image: 'görüntü',
  tiff: 'TIFF görüntüsü',
};

/**
 * Text of a file by its format (the first bytes decide, then the type and the
 * name). Never throws: a file that cannot be read gives `failed` with the reason
 * in Turkish, one with nothing to read `none`.
 */
export async function extractText(input: ExtractInput): Promise<ExtractResult> {
  if (input.bytes.length === 0) return { status: 'none', reason: 'Dosya boş.' };
  const format = detectFormat(input.bytes, input.name, input.mimeType);
  try {
    if (format === 'pdf') {
      const result = await extractPdf(input.bytes, input.password, input.ocr, input.deadline);
      return result.status === 'done' ? { ...result, pages: capText(result.pages) } : result;
    }
    const extractor = EXTRACTORS[format];
    if (!extractor) return { status: 'none', reason: NOT_READ[format] ?? NOT_READ.binary! };
    const pages = capText(await extractor(input));
    const name = EXTRACTOR_NAMES[format] ?? format;
    if (pages.every((page) => page.trim() === '')) {
      return { status: 'none', reason: 'Dosyada metin bulunamadı.', extractor: name };
    }
    return { status: 'done', pages, extractor: name };
  } catch (error) {
    if (error instanceof ExtractFailure) return { status: 'failed', reason: error.reason };
    const label = FORMAT_LABELS[format] ?? 'dosya';
    return { status: 'failed', reason: `${label} okunamadı: dosya bozuk ya da başka bir biçimde (${describe(error)})` };
  }
}
