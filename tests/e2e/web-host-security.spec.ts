import { expect, test } from '@playwright/test';
import { startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('contract calls need the per-run secret', async ({ request }) => {
  const call = (headers: Record<string, string>) =>
    request.post(`${host.origin}/api/call/system.info`, { data: {}, headers });
  const none = await call({});
  expect(none.status()).toBe(401);
  expect((await none.json()).error.code).toBe('FORBIDDEN');
  expect((await call({ 'x-kartotek-secret': 'wrong' })).status()).toBe(401);
  const ok = await call({ 'x-kartotek-secret': host.secret });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).ok).toBe(true);
});

test('malformed calls answer with a clear error and the host keeps running', async ({ request }) => {
  const headers = { 'x-kartotek-secret': host.secret, 'content-type': 'application/json' };
  const unknown = await (await request.post(`${host.origin}/api/call/cards.fly`, { data: {}, headers })).json();
  expect(unknown.error.code).toBe('NOT_FOUND');
  const badJson = await request.post(`${host.origin}/api/call/cards.createPerson`, { data: '{nope', headers });
  expect((await badJson.json()).error.code).toBe('INVALID_INPUT');
  const invalid = await (
    await request.post(`${host.origin}/api/call/cards.createPerson`, { data: { firstName: 'Ali' }, headers })
  ).json();
  expect(invalid.error.code).toBe('INVALID_INPUT');
  expect(invalid.error.fields.lastName).toBeTruthy();
  const still = await request.post(`${host.origin}/api/call/system.info`, { data: {}, headers });
  expect((await still.json()).ok).toBe(true);
});

test('a foreign Host header is refused (DNS rebinding)', async ({ request }) => {
  const res = await request.get(`${host.origin}/`, { headers: { host: 'evil.example:80' } });
  expect(res.status()).toBe(421);
});

test('the page sends a strict CSP and opened without the key explains what to do', async ({ page }) => {
  const res = await page.goto(host.origin + '/');
  expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByText('oturum anahtarı olmadan')).toBeVisible();
});

test('a call from another origin is refused even with the secret', async ({ request }) => {
  const res = await request.post(`${host.origin}/api/call/system.info`, {
    data: {},
    headers: { 'x-kartotek-secret': host.secret, origin: 'http://evil.example' },
  });
  expect(res.status()).toBe(401);
});

test('the event stream needs the secret too', async ({ request }) => {
  const res = await request.get(`${host.origin}/api/events`, { timeout: 5000 });
  expect(res.status()).toBe(401);
});

test('static files never leave the renderer folder', async () => {
  // Raw HTTP: browsers and request libraries would normalise the dots away.
  const http = await import('node:http');
  const url = new URL(host.origin);
  for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json']) {
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: url.hostname, port: url.port, path, headers: { host: url.host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status, path).toBe(404);
  }
});

test('an oversized call is refused with a clear error before it is read', async ({ request }) => {
  const res = await request.post(`${host.origin}/api/call/cards.createPerson`, {
    data: 'x'.repeat(11 * 1024 * 1024),
    headers: { 'x-kartotek-secret': host.secret, 'content-type': 'application/json' },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.code).toBe('INVALID_INPUT');
});
