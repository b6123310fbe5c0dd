/**
 * The mail parse worker: a process of its own with its own heap cap (set by parse-worker-pool.ts), so a hostile
 * message that blows up mailparser, jsdom or memory takes down only this process, never the app or the scan.
 * It imports the parser only: no database. A few requests at a time (the pool keeps several in flight; each is
 * answered when its parse ends).
 */
import { parseRawMessage } from '../../services/mail/ingest/parse-message';
import { minimalParse } from '../../services/mail/ingest/minimal-parse';
import type { IncomingMail } from '../../services/mail/ingest/parsed-mail';
import type { ParseReply, ParseRequest } from './parse-worker-protocol';
import { testKillParseWorker } from './parse-worker-test-hooks';

const send = process.send?.bind(process);
if (!send) throw new Error('parse-worker runs only as a child process with an IPC channel (see parse-worker-fork.ts)');

async function handle(request: ParseRequest): Promise<ParseReply> {
  // The channel delivers a Uint8Array; the parser wants a Buffer (same memory, no copy).
  const raw = Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength);
  testKillParseWorker(raw);
  let mail: IncomingMail;
  try {
    mail = await parseRawMessage(raw);
  } catch {
    // parseRawMessage falls back on its own; this is the last guard.
    mail = minimalParse(raw, 'İleti okunamadı; yalnız başlıkları ve düz metni saklandı.');
  }
  return { id: request.id, mail };
}

process.on('message', (request: ParseRequest) => {
  void handle(request).then((reply) => send(reply));
});

// The scan ended or the app died: nobody is left to answer to.
process.on('disconnect', () => process.exit(0));
