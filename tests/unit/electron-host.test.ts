import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src-main/core/paths';
import { RENDERER_CSP } from '../../src-main/host/csp';
import { resolveAppFile } from '../../src-main/host/app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-main/host/ipc-channels';
import { parseStartupArgs } from '../../src-main/host/startup-args';
import {
  APP_ORIGIN,
  PROTOCOL_SCHEME,
  createWindowOptions,
  externalUrlToOpen,
  isAllowedNavigation,
  isDevToolsShortcut,
  permissionAllowed,
} from '../../src-main/host/window-options';

// The Electron host's policy, tested in plain Node: electron.ts only wires these
// functions to Electron, so what they answer is what the desktop app does.

describe('window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', devTools: false });
  const web = options.webPreferences!;

  it('isolates the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.preload).toBe('/app/dist/main/preload.cjs');
    expect(web.devTools).toBe(false);
  });

  it('opens a sized, titled window only when ready', () => {
    expect(options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      title: 'Kartotek',
      show: false,
    });
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('names the app origin and the IPC channels', () => {
    expect(PROTOCOL_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://kartotek');
    expect(CALL_CHANNEL).toBe('kartotek:call');
    expect(EVENT_CHANNEL).toBe('kartotek:event');
  });

  it('knows the DevTools shortcut', () => {
    const key = { type: 'keyDown', key: 'I', control: true, shift: true, meta: false, alt: false };
    expect(isDevToolsShortcut(key)).toBe(true);
    expect(isDevToolsShortcut({ ...key, key: 'i', control: false, shift: false, meta: true, alt: true })).toBe(true);
    expect(isDevToolsShortcut({ ...key, shift: false })).toBe(false);
    expect(isDevToolsShortcut({ ...key, type: 'keyUp' })).toBe(false);
  });
});

describe('navigation policy', () => {
  it('lets the window show only the app', () => {
    expect(isAllowedNavigation('app://kartotek/')).toBe(true);
    expect(isAllowedNavigation('app://kartotek/index.html#/cards/1')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/',
    'app://kartotek.evil.com/',
    'app://kartotek:81/',
    'app://user@kartotek/',
    'about:blank',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('external links', () => {
  it.each([
    ['https://www.gib.gov.tr/', 'https://www.gib.gov.tr/'],
    ['http://example.com/a?b=1', 'http://example.com/a?b=1'],
    ['mailto:ali@example.com', 'mailto:ali@example.com'],
    ['tel:+905551112233', 'tel:+905551112233'],
  ])('hands %s to the OS', (url, expected) => {
    expect(externalUrlToOpen(url)).toBe(expected);
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'app://kartotek/',
    'data:text/html,x',
    'smb://server/share',
    'ms-msdt:/id',
    'vbscript:msgbox',
    'http://',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midiSysex', 'hid', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(permissionAllowed(permission)).toBe(false);
    },
  );

  it('allows writing to the clipboard', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true);
  });
});

describe('app:// files', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kartotek-protocol-'));
    root = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'icon.svg'), '<svg/>');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'export {}');
    fs.writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
    fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), '');
    fs.writeFileSync(outside, 'secret');
  });
  afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

  const served = (url: string) => resolveAppFile(root, url)?.filePath ?? null;

  it('serves index.html for the root and for extension-less routes', () => {
    expect(served('app://kartotek/')).toBe(path.join(root, 'index.html'));
    expect(served('app://kartotek')).toBe(path.join(root, 'index.html'));
    expect(served('app://kartotek/cards/123?tab=notes#x')).toBe(path.join(root, 'index.html'));
  });

  it('serves files with their MIME type and the security headers', () => {
    const js = resolveAppFile(root, 'app://kartotek/assets/index-abc123.js')!;
    expect(js.filePath).toBe(path.join(root, 'assets', 'index-abc123.js'));
    expect(js.mimeType).toBe('text/javascript; charset=utf-8');
    expect(js.headers['Content-Type']).toBe(js.mimeType);
    expect(js.headers['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect(js.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(js.headers['Cache-Control']).toContain('immutable');
    expect(resolveAppFile(root, 'app://kartotek/assets/index-abc123.css')!.mimeType).toBe('text/css; charset=utf-8');
    expect(resolveAppFile(root, 'app://kartotek/icon.svg')!.mimeType).toBe('image/svg+xml');
    expect(resolveAppFile(root, 'app://kartotek/assets/font.woff2')!.mimeType).toBe('font/woff2');
    const html = resolveAppFile(root, 'app://kartotek/index.html')!;
    expect(html.mimeType).toBe('text/html; charset=utf-8');
    expect(html.headers['Cache-Control']).toBe('no-cache');
    expect(html.headers['Content-Security-Policy']).toBe(RENDERER_CSP);
  });

  it('answers null for missing files', () => {
    expect(served('app://kartotek/assets/missing.js')).toBeNull();
  });

  it.each([
    'app://kartotek/../../etc/passwd',
    'app://kartotek/../secret.txt',
    'app://kartotek/%2e%2e%2fsecret.txt',
    'app://kartotek/%2e%2e/secret.txt',
    'app://kartotek/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kartotek/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://kartotek/..%5csecret.txt',
    'app://kartotek/%00.js',
    'app://kartotek/%E0%A4%A.js',
    'app://other/index.html',
    'app://kartotek:8080/index.html',
    'https://kartotek/index.html',
    'file:///etc/passwd',
    'garbage',
  ])('refuses %s', (url) => {
    expect(served(url)).toBeNull();
  });

  it('never returns a path outside the folder', () => {
    for (const url of ['app://kartotek/../../etc/passwd', 'app://kartotek/a/../../../secret.txt']) {
      const file = served(url);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('startup arguments', () => {
  it('defaults to the user data folder, no demo, no port', () => {
    expect(parseStartupArgs([])).toEqual({ dataDir: defaultDataDir(), demo: false });
  });

  it('reads --data DIR, --data=DIR and --demo', () => {
    expect(parseStartupArgs(['--data', '/tmp/k1'])).toEqual({ dataDir: path.resolve('/tmp/k1'), demo: false });
    expect(parseStartupArgs(['--data=/tmp/k2', '--demo'])).toEqual({ dataDir: path.resolve('/tmp/k2'), demo: true });
    expect(parseStartupArgs(['--demo', '--data', 'rel/dir']).dataDir).toBe(path.resolve('rel/dir'));
  });

  it('reads --port for the web host', () => {
    expect(parseStartupArgs(['--port', '8080']).port).toBe(8080);
    expect(parseStartupArgs(['--port=0']).port).toBe(0);
    expect(() => parseStartupArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseStartupArgs(['--port', '70000'])).toThrow(/--port/);
  });

  it('ignores switches Electron and Chromium add', () => {
    expect(parseStartupArgs(['--original-process-start-time=1', '-psn_0_123', '--demo'])).toEqual({
      dataDir: defaultDataDir(),
      demo: true,
    });
  });

  it('refuses --data without a folder', () => {
    expect(() => parseStartupArgs(['--data'])).toThrow(/--data/);
    expect(() => parseStartupArgs(['--data', '--demo'])).toThrow(/--data/);
    expect(() => parseStartupArgs(['--data='])).toThrow(/--data/);
  });

  it('uses the platform folder of the environment it is given', () => {
    const env = { XDG_CONFIG_HOME: '/x/config', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' };
    expect(parseStartupArgs([], env).dataDir).toBe(defaultDataDir(env));
  });
});
