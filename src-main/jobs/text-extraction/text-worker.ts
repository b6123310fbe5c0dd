/**
 * The extraction worker: a process of its own with its own heap cap (set by
 * the host, text-worker-host.ts), so a hostile or huge file can take down only
 * this process, never the app. It opens the database read-only and reads a
 * content's chunks itself; requests and replies go over the IPC channel.
 */
import Database from 'better-sqlite3';
import { extractText } from './extract-text';
import { createOcrEngine } from './ocr';
import type { OcrEngine } from './extract-types';
import { MAX_EXTRACT_BYTES, type ExtractReply, type ExtractRequest, type WorkerSetup } from './worker-protocol';
import { readContent } from './read-content';
import { testExtraction } from './worker-test-hooks';

const send = process.send?.bind(process);
if (!send) throw new Error('text-worker runs only as a child process with an IPC channel (see fork-text-worker.ts)');
const setup = JSON.parse(process.argv[2] ?? '{}') as WorkerSetup;

const db = new Database(setup.dbFile, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

// Starting tesseract costs a second and tens of MB: only when a file needs OCR, then kept for the next ones.
let ocr: OcrEngine | undefined;
const lazyOcr: OcrEngine = {
  recognize: (image) => (ocr ??= createOcrEngine(setup.dataDir)).recognize(image),
  close: () => ocr?.close() ?? Promise.resolve(),
};

async function handle(request: ExtractRequest): Promise<ExtractReply> {
  try {
    const content = readContent(db, request.sha256, setup.maxBytes ?? MAX_EXTRACT_BYTES);
    if ('reason' in content) return { id: request.id, result: { status: 'none', reason: content.reason } };
    const input = { bytes: content.bytes, name: request.name, mimeType: request.mimeType };
    const result =
      testExtraction(input) ??
      (await extractText({ ...input, password: request.password, ocr: lazyOcr, deadline: request.deadline }));
    return { id: request.id, result };
  } catch (err) {
    return {
      id: request.id,
      result: { status: 'failed', reason: `Metin çıkarılırken hata oluştu: ${(err as Error).message ?? String(err)}` },
    };
  }
}

// One request at a time: the host waits for each reply before sending the next.
process.on('message', (request: ExtractRequest) => {
  void handle(request).then((reply) => send(reply));
});

// The app closed or died: nobody is left to answer to (and OCR threads would keep this process alive).
process.on('disconnect', () => process.exit(0));
