import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type KartotekApp } from '../../src-main/core/app';
import { startWebServer, type WebServer } from '../../src-main/host/web-server';
import { httpTransport } from '../../src-renderer/app/transport-http';
import type { ContractEvent } from '../../src-shared/contract';

const changed = (id: string) => ({ id, type: 'person' as const, action: 'updated' as const });

// The renderer's event stream over the web host: a screen must either hear of a change or be told to refetch.
// A screen that read "pending" just before the stream opened, and missed the "done" sent in that gap, would
// otherwise show "pending" until something else happened to refresh it.
let dir: string;
let app: KartotekApp;
let server: WebServer;
const SECRET = 'test-secret-0123456789abcdef';

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-'));
  app = openApp({ dataDir: path.join(dir, 'data') });
  fs.mkdirSync(path.join(dir, 'renderer'));
  server = await startWebServer({ app, rendererDir: path.join(dir, 'renderer'), secret: SECRET });
});
afterEach(async () => {
  await server.close();
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const until = async (what: string, check: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('web host event stream', () => {
  it('tells a screen to refetch when the stream opens, so an event sent before it opened is not lost', async () => {
    const transport = httpTransport(SECRET, `http://127.0.0.1:${server.port}`);
    const heard: ContractEvent[] = [];
    const resyncs: number[] = [];
    let unsubscribe = () => {};
    unsubscribe = transport.subscribe(
      (event) => heard.push(event),
      () => resyncs.push(Date.now()),
    );
    // Sent while the stream is still connecting: nobody can deliver it.
    const sentAt = Date.now();
    app.ctx.events.emit('cards.changed', changed('early'));
    // Without the refetch on the first connection, nothing would ever tell this screen about that change.
    await until('the refetch after the stream opened', () => resyncs.length > 0);
    expect(resyncs[0]).toBeGreaterThanOrEqual(sentAt);

    // Once open, events arrive as they happen and no further refetch is asked for.
    app.ctx.events.emit('cards.changed', changed('live'));
    await until('the live event', () => heard.some((e) => JSON.stringify(e.payload).includes('"live"')));
    expect(resyncs).toHaveLength(1);
    unsubscribe();
  });
});
