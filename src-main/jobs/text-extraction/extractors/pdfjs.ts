import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LIMITS } from './limits';
import { packageFolder } from './package-paths';

type Pdfjs = typeof PdfjsModule;

let loaded: Promise<Pdfjs> | null = null;

/** pdfjs-dist's legacy build (the one for Node), loaded on the first PDF: other formats never pay for it. */
export function pdfjs(): Promise<Pdfjs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

export type OpenResult = { doc: PDFDocumentProxy } | { locked: 'needed' | 'wrong' };

/**
 * Opens a PDF from memory with everything local: the standard fonts, character maps,
 * colour profiles and decoders (JPEG 2000, JBIG2) come from the installed package,
 * never the network; no `eval` for PostScript functions (the file decides what
 * they contain). The bytes are copied: pdfjs hands its input to its worker, which
 * detaches the caller's buffer.
 */
export async function openPdf(bytes: Uint8Array, password: string | undefined): Promise<OpenResult> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    password,
    isEvalSupported: false,
    // An image inside the PDF larger than this is left out when a page is drawn for OCR (a decompression bomb).
    maxImageSize: LIMITS.imagePixels,
    standardFontDataUrl: packageFolder('pdfjs-dist', 'standard_fonts'),
    cMapUrl: packageFolder('pdfjs-dist', 'cmaps'),
    cMapPacked: true,
    iccUrl: packageFolder('pdfjs-dist', 'iccs'),
    wasmUrl: packageFolder('pdfjs-dist', 'wasm'),
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return { doc: await task.promise };
  } catch (error) {
    await task.destroy();
    if ((error as { name?: string }).name === 'PasswordException') {
      const code = (error as { code?: number }).code;
      return { locked: code === lib.PasswordResponses.INCORRECT_PASSWORD ? 'wrong' : 'needed' };
    }
    throw error;
  }
}
