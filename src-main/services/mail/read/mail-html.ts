/**
 * A stored mail's HTML as it may leave main: body_html_source is the HTML part as received and is never shown
 * as it is; every reader goes through here, which sanitises it (sanitize-mail-html.ts) on the way out.
 *
 * Why at read time and not in the scan: the sanitiser is most of the scan's CPU (jsdom + DOMPurify, ~5 ms per
 * HTML mail), most scanned mail is never opened, and a stored sanitised copy would keep whatever the rules were
 * on the day it was scanned; sanitising on read applies today's rules to old mail too.
 *
 * The last few results are kept (a mail opened, then opened again with remote images allowed, is sanitised
 * once). Keyed by the row id (a row's source never changes once stored) and the source's length, so two
 * databases opened in one process (tests, a restored backup) never share an entry by accident.
 */
import { sanitizeMailHtml, type SanitizedMail } from '../ingest/sanitize-mail-html';
import { SanitizeWorker } from './sanitize-worker-host';

/**
 * Larger sources are sanitised in a worker process: jsdom costs about 1.7 s per MB of newsletter HTML, which would
 * hold every other call of the app up meanwhile. Below this (nearly all mail) it takes milliseconds here, less
 * than handing it over would.
 */
export const IN_PROCESS_MAX_CHARS = 128 * 1024;
const worker = new SanitizeWorker();

const CACHED_MAILS = 24;
/** A result larger than this is not kept: the cache stays within a few MB however large mail gets. */
const MAX_CACHED_CHARS = 512 * 1024;

const cache = new Map<string, SanitizedMail>();

/** The sanitised HTML (null when nothing is left to show) and whether remote content was held back. */
export async function readableHtml(
  messageId: string,
  source: string | null,
): Promise<{ html: string | null; hasRemoteContent: boolean }> {
  if (source === null || source.trim() === '') return { html: null, hasRemoteContent: false };
  const key = `${messageId}:${source.length}`;
  let clean = cache.get(key);
  if (clean) {
    // Most recently used last: Map keeps insertion order.
    cache.delete(key);
  } else if (source.length > IN_PROCESS_MAX_CHARS) {
    const result = await worker.sanitize(source);
    // The worker failed (died, overran): nothing shown this time, nothing cached, so the next read tries again.
    if (!result) return { html: null, hasRemoteContent: false };
    clean = result;
  } else {
    try {
      clean = sanitizeMailHtml(source);
    } catch {
      // HTML the sanitiser cannot take is not shown at all (the reader shows the text); it never fails mail.get.
      clean = { html: '', hasRemoteContent: false };
    }
  }
  if (clean.html.length <= MAX_CACHED_CHARS) {
    cache.set(key, clean);
    if (cache.size > CACHED_MAILS) cache.delete(cache.keys().next().value!);
  }
  return { html: clean.html || null, hasRemoteContent: clean.hasRemoteContent };
}
