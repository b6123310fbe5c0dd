/**
 * pdf.js for the renderer: the worker is bundled with the app (a same-origin
 * file, so the CSP's script-src 'self' covers it) — no CDN, no eval.
 */
import { GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export { getDocument, PasswordResponses, TextLayer, RenderingCancelledException } from 'pdfjs-dist';
export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
export type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

/** pdf.js measures in points (1/72 in); 100% zoom is the paper's real size on a 96 dpi screen. */
export const CSS_UNITS = 96 / 72;
