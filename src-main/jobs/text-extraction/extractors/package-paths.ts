import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Inside a packaged app node_modules sits in app.asar, which neither a worker
 * thread nor WebAssembly loaders can read; electron-builder.yml unpacks the OCR and
 * PDF data next to it (app.asar.unpacked), and this points there. Outside a
 * package (tests, `npm start`) the path is returned as it is.
 */
export function unpacked(file: string): string {
  const marker = `app.asar${path.sep}`;
  if (!file.includes(marker)) return file;
  const candidate = file.replace(marker, `app.asar.unpacked${path.sep}`);
  return fs.existsSync(candidate) ? candidate : file;
}

/** The folder of an installed package (resolved from this file, so the esbuild bundle finds the same one). */
export function packageDir(name: string): string {
  return unpacked(path.dirname(require.resolve(`${name}/package.json`)));
}

/** A folder of a package as the `…/` URL-ish path pdfjs wants for its data factories. */
export function packageFolder(name: string, folder: string): string {
  return path.join(packageDir(name), folder) + path.sep;
}
