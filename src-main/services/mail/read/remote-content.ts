/**
 * "Show remote images": main fetches what a mail's HTML held back (sanitize-mail-html.ts) and puts it back as
 * data: URLs, so the reader's frame never gets network access. Bounded: at most 30 images, 2 MB each, image/*
 * only, 5 s each, redirects followed only to http(s) and only a few times. What fails stays hidden.
 */
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';

const require = createRequire(import.meta.url);

export const REMOTE_LIMITS = { images: 30, bytes: 2 * 1024 * 1024, timeoutMs: 5000, redirects: 3 };
const CSS_URL = /url\(\s*(['"]?)(.*?)\1\s*\)/gi;

export async function inlineRemoteContent(html: string): Promise<string> {
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const dom = new JSDOM(html);
  const document = dom.window.document;
  const cache = new Map<string, Promise<string | null>>();
  const fetchOnce = (url: string): Promise<string | null> => {
    let pending = cache.get(url);
    if (!pending) {
      pending = cache.size < REMOTE_LIMITS.images ? fetchImage(url) : Promise.resolve(null);
      cache.set(url, pending);
    }
    return pending;
  };
  const jobs: Promise<void>[] = [];
  for (const img of document.querySelectorAll('img[data-remote-src]')) {
    const url = img.getAttribute('data-remote-src')!;
    jobs.push(
      fetchOnce(url).then((data) => {
        if (!data) return;
        img.setAttribute('src', data);
        img.removeAttribute('data-remote-src');
      }),
    );
  }
  const restyle = async (css: string): Promise<string> => {
    const urls = [...css.matchAll(CSS_URL)].map((m) => m[2]!.trim());
    const found = new Map<string, string>();
    for (const url of urls) {
      if (!/^https?:\/\//i.test(url)) continue;
      const data = await fetchOnce(url);
      if (data) found.set(url, data);
    }
    // Anything not fetched stays `none`: a url() the reader cannot load must not reach the frame.
    return css.replace(CSS_URL, (whole, _q: string, url: string) => {
      const u = url.trim();
      if (/^data:image\//i.test(u)) return whole;
      const data = found.get(u);
      return data ? `url('${data}')` : 'none';
    });
  };
  for (const element of document.querySelectorAll('[data-remote-style]')) {
    jobs.push(
      restyle(element.getAttribute('data-remote-style')!).then((css) => {
        element.setAttribute('style', css);
        element.removeAttribute('data-remote-style');
      }),
    );
  }
  for (const sheet of document.querySelectorAll('style[data-remote-css]')) {
    jobs.push(
      restyle(sheet.getAttribute('data-remote-css')!).then((css) => {
        sheet.textContent = css;
        sheet.removeAttribute('data-remote-css');
      }),
    );
  }
  await Promise.all(jobs);
  const out = document.documentElement.outerHTML;
  dom.window.close();
  return out;
}

/** One image as a data: URL, or null when it is not an image, too large, too slow or not http(s). */
export async function fetchImage(start: string): Promise<string | null> {
  let url = start;
  try {
    for (let hop = 0; hop <= REMOTE_LIMITS.redirects; hop++) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
      const response = await fetch(parsed, {
        redirect: 'manual',
        signal: AbortSignal.timeout(REMOTE_LIMITS.timeoutMs),
        headers: { accept: 'image/*' },
      });
      if (response.status >= 300 && response.status < 400) {
        const next = response.headers.get('location');
        await response.body?.cancel();
        if (!next) return null;
        url = new URL(next, parsed).toString();
        continue;
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (!response.ok || !type.startsWith('image/') || type.includes('svg') || declared > REMOTE_LIMITS.bytes) {
        await response.body?.cancel();
        return null;
      }
      const bytes = await readBounded(response, REMOTE_LIMITS.bytes);
      return bytes ? `data:${type};base64,${bytes.toString('base64')}` : null;
    }
    return null;
  } catch {
    return null;
  }
}

async function readBounded(response: Response, max: number): Promise<Buffer | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
