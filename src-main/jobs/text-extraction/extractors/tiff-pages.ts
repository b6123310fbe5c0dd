import { ExtractFailure, tooLargeImage } from './extract-failure';
import { LIMITS } from './limits';

export interface TiffPage {
  width: number;
  height: number;
  /** Where the page's directory (IFD) starts in the file. */
  ifd: number;
}

const corrupt = () => new ExtractFailure('dosya bozuk: TIFF sayfaları okunamıyor');

const littleEndian = (bytes: Uint8Array) => bytes[0] === 0x49;

/**
 * The pages of a TIFF from its directory chain, without decoding any, every
 * page's size checked before the first is OCR'd. Loops in the chain and pages
 * beyond LIMITS.tiffPages are cut off; a chain broken after some pages keeps those.
 */
export function tiffPages(bytes: Uint8Array): TiffPage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = littleEndian(bytes);
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
      pages.push({ width, height, ifd });
      ifd = u32(ifd + 2 + count * 12);
    }
  } catch (error) {
    if (error instanceof ExtractFailure) throw error;
    if (!pages.length) throw corrupt();
  }
  return pages;
}

/**
 * Each page as a one-page TIFF for the OCR: leptonica reads only a TIFF's first
 * page, so the file's header is patched to point at the page's directory (4
 * bytes, no re-encoding). One copy of the file serves every page, patched again
 * for the next one: the bytes given for a page are valid only until the next is
 * asked for. (A copy per page would cost pages × file size outside the heap cap:
 * 25 GB for a 256 MB fax of 100 pages.) The caller's bytes are never changed.
 */
export function* tiffPageFiles(bytes: Uint8Array, pages: readonly TiffPage[]): Generator<Uint8Array> {
  const file = new Uint8Array(bytes);
  const header = new DataView(file.buffer, file.byteOffset, 8);
  for (const page of pages) {
    header.setUint32(4, page.ifd, littleEndian(file));
    yield file;
  }
}
