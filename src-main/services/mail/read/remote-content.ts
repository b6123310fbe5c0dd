/**
 * "Show remote images": main fetches what a mail's HTML held back (sanitize-mail-html.ts) and puts it back as
 * data: URLs, so the reader's frame never gets network access. Bounded: at most 30 images, 2 MB each, image/*
 * only, 5 s each and 15 s for the whole mail (all fetched at once), redirects followed only to http(s) and only a
 * few times, and never to this machine or the office network: a mail must not make the app request its router's
 * admin page or a cloud metadata address (checked on the address each connection really uses, after DNS, so a
 * name resolving to 127.0.0.1 is refused too). What fails stays hidden.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { createRequire } from 'node:module';
import type * as Jsdom from 'jsdom';
import { CSS_URL, urlOf } from '../ingest/sanitize-mail-html';

const require = createRequire(import.meta.url);

export const REMOTE_LIMITS = { images: 30, bytes: 2 * 1024 * 1024, timeoutMs: 5000, totalMs: 15_000, redirects: 3 };

/** Loopback, private, carrier-grade NAT, link-local (cloud metadata), multicast and reserved ranges. */
const NOT_PUBLIC = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(prefix, bits, 'ipv6');

/** An address on the public internet (IPv4-mapped IPv6 judged by its IPv4 part). */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

let addressAllowed: (address: string) => boolean = isPublicAddress;

/**
 * Which addresses remote images may come from. Only tests change it (their image server listens on loopback);
 * returns the previous rule so they can put it back.
 */
export function setRemoteAddressRule(rule: (address: string) => boolean): (address: string) => boolean {
  const previous = addressAllowed;
  addressAllowed = rule;
  return previous;
}

export async function inlineRemoteContent(html: string): Promise<string> {
  const { JSDOM } = require('jsdom') as typeof Jsdom;
  const dom = new JSDOM(html);
  const document = dom.window.document;
  // One deadline for the whole mail: 30 slow images (each redirecting) must not hold mail.get for minutes.
  const overall = AbortSignal.timeout(REMOTE_LIMITS.totalMs);
  const cache = new Map<string, Promise<string | null>>();
  const fetchOnce = (url: string): Promise<string | null> => {
    let pending = cache.get(url);
    if (!pending) {
      pending = cache.size < REMOTE_LIMITS.images ? fetchImage(url, overall) : Promise.resolve(null);
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
    const urls = [...new Set([...css.matchAll(CSS_URL)].map(urlOf))].filter((u) => /^https?:\/\//i.test(u));
    const fetched = await Promise.all(urls.map(async (url) => [url, await fetchOnce(url)] as const));
    const found = new Map(fetched.filter((f): f is readonly [string, string] => f[1] !== null));
    // Anything not fetched stays `none`: a url() the reader cannot load must not reach the frame.
    return css.replace(CSS_URL, (whole, ...groups: (string | undefined)[]) => {
      const u = urlOf([whole, ...groups]);
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

/** One image as a data: URL, or null when it is not an image, too large, too slow, not http(s) or not public. */
export async function fetchImage(start: string, overall?: AbortSignal): Promise<string | null> {
  let url = start;
  try {
    for (let hop = 0; hop <= REMOTE_LIMITS.redirects; hop++) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
      const timeout = AbortSignal.timeout(REMOTE_LIMITS.timeoutMs);
      const signal = overall ? AbortSignal.any([timeout, overall]) : timeout;
      const response = await get(parsed, signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        const next = response.headers.location;
        response.destroy();
        if (!next) return null;
        url = new URL(next, parsed).toString();
        continue;
      }
      const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const declared = Number(response.headers['content-length'] ?? '0');
      if (status !== 200 || !type.startsWith('image/') || type.includes('svg') || declared > REMOTE_LIMITS.bytes) {
        response.destroy();
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

/** A GET whose connection only goes to an allowed address (checked on what DNS returned, and on IP literals). */
function get(url: URL, signal: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !addressAllowed(host)) return Promise.reject(new Error('address not allowed'));
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      const list = (addresses ?? []) as dns.LookupAddress[];
      if (err) return callback(err, '', 0);
      if (list.length === 0 || list.some((a) => !addressAllowed(a.address)))
        return callback(new Error('address not allowed'), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { signal, lookup, headers: { accept: 'image/*' } }, resolve);
    request.on('error', reject);
  });
}

async function readBounded(response: http.IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      response.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
