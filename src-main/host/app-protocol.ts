/**
 * What app://kartotek/... serves: files of the built renderer (dist/renderer),
 * nothing else. Pure (node:path and node:fs only) so the rules are unit-tested;
 * electron.ts registers the scheme and calls this from protocol.handle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_CSP } from './csp';
import { mimeTypeOf, resolveStaticFile } from './static-files';
import { APP_HOST, PROTOCOL_SCHEME } from './window-options';

export interface AppFile {
  filePath: string;
  mimeType: string;
  headers: Record<string, string>;
}

/** Sent with every file: the same CSP and hardening the web host sends. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Maps a request URL to a file inside `rendererDir`, or null (answer 404).
 * Refused: other schemes or hosts, undecodable paths, NUL bytes, backslashes and
 * any `..` segment, literal or percent-encoded. Paths without an extension are
 * routes of the single-page app and get index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): AppFile | null {
  // The URL parser silently drops literal `..` segments (app://kartotek/../x is /x);
  // a request that tries to climb is refused outright rather than served something.
  if (hasDotDotSegment(requestUrl.split(/[?#]/, 1)[0]!)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${PROTOCOL_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || hasDotDotSegment(decoded)) return null;
  // The same resolution as the web host (which also confines the result to the folder).
  const filePath = resolveStaticFile(rendererDir, url.pathname);
  // The SPA fallback names index.html without looking: a missing build is a 404 too.
  if (!filePath || !fs.existsSync(filePath)) return null;
  const mimeType = mimeTypeOf(filePath);
  // Vite's hashed bundles never change under the same name; everything else is revalidated.
  const immutable = filePath.startsWith(path.join(path.resolve(rendererDir), 'assets') + path.sep);
  return {
    filePath,
    mimeType,
    headers: {
      ...APP_RESPONSE_HEADERS,
      'Content-Type': mimeType,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  };
}

/** A `..` path segment, literal or percent-encoded, between `/` or `\\` separators. */
function hasDotDotSegment(text: string): boolean {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // Undecodable: check the raw text; resolveAppFile refuses it further on anyway.
  }
  return [text, decoded].some((t) => t.split(/[/\\]/).some((segment) => segment === '..'));
}
