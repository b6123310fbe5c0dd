import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans from the dejavu-fonts-ttf package: pdf-lib's standard fonts have no ğ, ş or ı, so badges embed a
 * TrueType font (subset: only the letters used go into the file). Resolved at run time from the installed package,
 * relative to this module, so the esbuild bundle and a packaged app find the same files.
 */
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

function fontBytes(file: string): Buffer {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = fs.readFileSync(path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file));
    cache.set(file, bytes);
  }
  return bytes;
}

export interface BadgeFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedBadgeFonts(doc: PDFDocument): Promise<BadgeFonts> {
  doc.registerFontkit((await import('@pdf-lib/fontkit')).default);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes(FILES.regular), { subset: true }),
    doc.embedFont(fontBytes(FILES.bold), { subset: true }),
  ]);
  return { regular, bold };
}
