/**
 * The mail HTML sanitiser as a process of its own (started by sanitize-worker-host.ts): jsdom takes seconds and
 * hundreds of MB for an HTML mail of a few MB (a newsletter: 5 s for 3 MB), which must neither block the app's
 * process nor take it down. One request at a time; each answered when its sanitising ends.
 */
import { sanitizeMailHtml, type SanitizedMail } from '../ingest/sanitize-mail-html';

export interface SanitizeRequest {
  id: number;
  html: string;
}

export interface SanitizeReply {
  id: number;
  result: SanitizedMail;
}

const send = process.send?.bind(process);
if (!send)
  throw new Error('sanitize-worker runs only as a child process with an IPC channel (sanitize-worker-host.ts)');

process.on('message', (request: SanitizeRequest) => {
  let result: SanitizedMail;
  try {
    result = sanitizeMailHtml(request.html);
  } catch {
    // Nothing shown rather than something unsafe: the reader falls back to the text.
    result = { html: '', hasRemoteContent: false };
  }
  send({ id: request.id, result } satisfies SanitizeReply);
});

// The app ended: nobody is left to answer to.
process.on('disconnect', () => process.exit(0));
