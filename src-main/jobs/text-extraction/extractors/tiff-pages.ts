import { ExtractFailure, tooLargeImage } from './extract-failure';
import { LIMITS } from './limits';

export interface TiffPage {
  width: number;
  height: number;
  /** The file with its header pointing at this page: what the OCR reads as a one-page TIFF. */
  bytes: Uint8Array;
}

const corrupt = () => new ExtractFailure('dosya bozuk: TIFF sayfaları okunamıyor');

/**
 * The pages of a TIFF without decoding any: the OCR (leptonica) reads only a
 * TIFF's first page, so each page is handed over as a copy of the file whose
 * header points at that page's directory (a 4-byte patch, no re-encoding).
 * Loops in the directory chain and pages beyond LIMITS.tiffPages are cut off.
 */
export function tiffPages(bytes: Uint8Array): TiffPage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  try {
    let ifd = u32(4);
    while (ifd !== 0 && !seen.has(ifd) && pages.length < LIMITS.tiffPages) {
      seen.add(ifd);
      const count = u16(ifd);
      let width = 0;
      let height = 0;
      for (let i = 0; i < count; i++) {
        const entry = ifd + 2 + i * 12;
        const tag = u16(entry);
        const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
        if (tag === 256) width = value;
        else if (tag === 257) height = value;
      }
      if (width * height > LIMITS.imagePixels || Math.max(width, height) >= LIMITS.imageSide) {
        throw tooLargeImage(width, height);
      }
      const page = new Uint8Array(bytes);
      new DataView(page.buffer).setUint32(4, ifd, little);
      pages.push({ width, height, bytes: page });
      ifd = u32(ifd + 2 + count * 12);
    }
  } catch (error) {
    if (error instanceof ExtractFailure) throw error;
    if (!pages.length) throw corrupt();
  }
  return pages;
}
