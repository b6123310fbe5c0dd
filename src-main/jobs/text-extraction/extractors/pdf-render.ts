import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LIMITS } from './limits';

/** 250 dpi: small print stays legible to the OCR while an A4 page stays near 6 megapixels. */
const OCR_DPI = 250;

/** A page drawn on white at OCR resolution (longest side bounded), as PNG. */
export async function renderPageForOcr(page: PDFPageProxy): Promise<Uint8Array> {
  const base = page.getViewport({ scale: 1 });
  const longest = Math.max(base.width, base.height, 1);
  const scale = Math.min(OCR_DPI / 72, LIMITS.ocrRenderSide / longest);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
  const context = canvas.getContext('2d');
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
    background: '#ffffff',
  }).promise;
  return canvas.toBuffer('image/png');
}
