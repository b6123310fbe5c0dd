import fs from 'node:fs';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import type { OcrEngine } from './extract-types';
import { packageDir } from './extractors/package-paths';

const LANGUAGES = ['tur', 'eng'] as const;
/** Starting the worker reads ~5 MB of language data and compiles the WebAssembly core: a few seconds at most. */
const START_TIMEOUT_MS = 60_000;

function languageFile(lang: string): string {
  return path.join(packageDir(`@tesseract.js-data/${lang}`), '4.0.0_best_int', `${lang}.traineddata.gz`);
}

/**
 * tesseract.js reads every language from one `langPath` folder, but the Turkish and
 * English data come in two packages. (Its other way, `{ code, data }` objects, loads
 * the data and then initialises with the data's bytes as the language name: a bug in
 * 7.0.) So both files are copied into one folder (again whenever a size differs,
 * i.e. after a data upgrade); written under a temporary name and renamed, so two
 * processes starting at once never read a half-written file.
 *
 * The folder is under the app's data folder, which belongs to the user, not under
 * the temp directory: on Linux that one is shared by every local user, and a fixed
 * name there could be made first by someone else, with a planted file of the right
 * size (language data steers what the OCR engine does). A private temp folder per
 * process would be safe too, but the worker is killed without a chance to remove it.
 */
function languageFolder(dataDir: string): string {
  const folder = path.join(dataDir, 'ocr', '4.0.0_best_int');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const lang of LANGUAGES) {
    const source = languageFile(lang);
    const target = path.join(folder, `${lang}.traineddata.gz`);
    const present = fs.statSync(target, { throwIfNoEntry: false });
    if (present && present.size === fs.statSync(source).size) continue;
    const temporary = `${target}.${process.pid}.${Date.now()}.part`;
    fs.copyFileSync(source, temporary);
    fs.renameSync(temporary, target);
  }
  return folder;
}

async function startWorker(dataDir: string): Promise<Worker> {
  let failStart: (reason: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (failStart = reject));
  // Without an errorHandler tesseract.js throws a failed job's error from its message
  // listener (an uncaught exception); and a worker whose initialisation fails is never
  // resolved: hence the handler, and the race against it and a time limit.
  const starting = createWorker([...LANGUAGES].join('+'), OEM.LSTM_ONLY, {
    langPath: languageFolder(dataDir),
    gzip: true,
    cacheMethod: 'none',
    workerPath: path.join(packageDir('tesseract.js'), 'src', 'worker-script', 'node', 'index.js'),
    errorHandler: (error: unknown) => failStart(new Error(`OCR: ${String(error)}`)),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('OCR motoru başlatılamadı (zaman aşımı).')), START_TIMEOUT_MS);
  });
  try {
    return await Promise.race([starting, failed, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * OCR in Turkish and English, offline: tesseract.js (WebAssembly in a worker
 * thread of its own) with the language data from the installed packages (copied
 * under `dataDir`, the app's data folder). The worker starts on the first image
 * and serves every later one until close().
 */
export function createOcrEngine(dataDir: string): OcrEngine {
  let worker: Promise<Worker> | null = null;
  return {
    async recognize(image) {
      worker ??= startWorker(dataDir);
      const ready = await worker.catch((error: unknown) => {
        worker = null;
        throw error;
      });
      const { data } = await ready.recognize(Buffer.from(image.buffer, image.byteOffset, image.byteLength));
      return data.text;
    },
    async close() {
      const running = worker;
      worker = null;
      if (!running) return;
      const ready = await running.catch(() => null);
      await ready?.terminate();
    },
  };
}
