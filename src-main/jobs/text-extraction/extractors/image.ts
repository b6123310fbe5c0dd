import { createCanvas, loadImage } from '@napi-rs/canvas';
import { imageSize } from 'image-size';
import type { OcrEngine } from '../extract-types';
import { ExtractFailure, tooLargeImage } from './extract-failure';
import { LIMITS, pastDeadline } from './limits';
import { tiffPageFiles, tiffPages } from './tiff-pages';

/** Formats the OCR decodes itself; the rest (WebP, GIF) are redrawn as PNG first. */
const OCR_READS = new Set(['png', 'jpg', 'bmp', 'tiff']);

/** Width and height from the header alone: a 30000×30000 "photo" is refused before a byte is decoded. */
function checkedSize(bytes: Uint8Array): { width: number; height: number; type: string } {
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new ExtractFailure('dosya bozuk: görüntü başlığı okunamıyor');
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (width * height > LIMITS.imagePixels || Math.max(width, height) >= LIMITS.imageSide) {
    throw tooLargeImage(width, height);
  }
  return { width, height, type: size.type ?? '' };
}

async function asPng(bytes: Uint8Array): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0);
  return canvas.toBuffer('image/png');
}

/**
 * A picture (photo of a page, a scan): its text by OCR, one page per TIFF page, one
 * page's file in memory at a time. Past the deadline the later TIFF pages stay empty.
 */
export async function extractImage(bytes: Uint8Array, ocr: OcrEngine, deadline?: number): Promise<string[]> {
  const { type } = checkedSize(bytes);
  if (type === 'tiff') {
    const pages = tiffPages(bytes);
    const texts: string[] = [];
    for (const file of tiffPageFiles(bytes, pages)) {
      if (texts.length > 0 && pastDeadline(deadline)) break;
      texts.push(await ocr.recognize(file));
    }
    return pages.map((_, i) => texts[i] ?? '');
  }
  return [await ocr.recognize(OCR_READS.has(type) ? bytes : await asPng(bytes))];
}
