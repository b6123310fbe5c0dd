import fs from 'node:fs';
import path from 'node:path';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KartotekApp } from '../core/app';
import type { CallResult } from '../../src-shared/contract';
import { RENDERER_CSP } from './csp';
import { hostAllowed, originAllowed, SECRET_HEADER, secretMatches } from './web-auth';
import { mimeTypeOf, resolveStaticFile } from './static-files';
import { log } from '../core/log';

/** Contract calls carry JSON only; larger bodies are refused before parsing. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface WebServerOptions {
  app: KartotekApp;
  rendererDir: string;
  secret: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const fail = (code: 'FORBIDDEN' | 'INVALID_INPUT' | 'NOT_FOUND', message: string): CallResult<never> => ({
  ok: false,
  error: { code, message },
});

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The most of a refused body read and dropped before the connection is cut. */
const DISCARD_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

function discardBody(req: IncomingMessage, limit: number): void {
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) req.destroy();
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The contract over HTTP on 127.0.0.1, for `npm run start:web` and the e2e
 * tests: POST /api/call/<method> with the JSON input, GET /api/events for the
 * push channel (server-sent events), everything else is the built renderer.
 * Every /api request needs the per-run secret; every request needs our Host.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { app, rendererDir, secret } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = app.ctx.events.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_INPUT', 'Çağrılar POST ile yapılır.'));
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      // Closing at once would break the pipe of a client still sending, and it would
      // never see the answer: what it sends is read and dropped (bounded) instead.
      discardBody(req, DISCARD_LIMIT_BYTES);
      return sendJson(res, 413, fail('INVALID_INPUT', `${method}: girdi çok büyük (en çok 10 MB).`));
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? (JSON.parse(body) as unknown) : {};
    } catch {
      return sendJson(res, 400, fail('INVALID_INPUT', `${method}: girdi geçerli bir JSON değil (ya da çok büyük).`));
    }
    sendJson(res, 200, await app.call(method, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticFile(rendererDir, req.url ?? '/');
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bulunamadı');
      return;
    }
    // Vite's hashed bundles never change under the same name.
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeOf(file),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Geçersiz Host başlığı.');
      return;
    }
    const urlPath = (req.url ?? '/').split('?')[0]!;
    if (!urlPath.startsWith('/api/')) return handleStatic(req, res);
    if (!secretMatches(req.headers[SECRET_HEADER], secret) || !originAllowed(req, port)) {
      return sendJson(
        res,
        401,
        fail('FORBIDDEN', 'Oturum anahtarı geçersiz: Kartotek’i başlatırken yazılan adresi açın.'),
      );
    }
    if (urlPath === '/api/events') return handleEvents(req, res);
    if (urlPath.startsWith('/api/call/')) {
      handleCall(req, res, safeDecode(urlPath.slice('/api/call/'.length))).catch((err: unknown) => {
        log.error('web call failed', { message: (err as Error).message });
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Beklenmeyen hata.' } });
      });
      return;
    }
    sendJson(res, 404, fail('NOT_FOUND', `Bilinmeyen adres: ${urlPath.slice(0, 100)}`));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#k=${secret}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const res of streams) res.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
