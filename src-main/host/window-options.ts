/**
 * The window and its security policy as plain data and pure functions, so the
 * rules are unit-tested in plain Node; electron.ts only wires them to Electron.
 * Only `import type` from electron here: loading electron outside its runtime fails.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const PROTOCOL_SCHEME = 'app';
export const APP_HOST = 'kartotek';
/** The renderer's one origin: served by our protocol handler, never from disk or network. */
export const APP_ORIGIN = `${PROTOCOL_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist/main/preload.cjs). */
  preloadPath: string;
  /** DevTools only in development; a packaged app has no way in. */
  devTools: boolean;
}

export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Kartotek',
    // The renderer's (Mantine light) body colour: no flash of another colour before the first paint.
    backgroundColor: '#ffffff',
    // Shown on 'ready-to-show', once there is something to see.
    show: false,
    webPreferences: {
      preload: input.preloadPath,
      // The renderer is untrusted as far as main is concerned: no Node, its own JS
      // world, an OS-sandboxed process. It reaches main only through the preload.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Spell-checking would download dictionaries; the app never needs the network.
      spellcheck: false,
      // A dropped file must not replace the app with a file:// page.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: input.devTools,
    },
  };
}

/** True only for URLs of the app itself: app://kartotek with no port or credentials. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes in Node, so compare the parts.
  return (
    parsed.protocol === `${PROTOCOL_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only ever show the app: links and redirects cannot take it over. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * A URL the OS may open (browser, mail program, phone), or null. file:, smb:,
 * javascript:, custom app schemes and the like could run programs or leak
 * credentials, so they are never handed to the OS.
 */
export function externalUrlToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && !parsed.hostname) return null;
  return parsed.href;
}

/**
 * Web permissions the renderer may have. Everything is denied unless a feature
 * needs it: copying to the clipboard does. The camera ('media', video only, the
 * app's own origin) is decided in media-permission.ts; reading the clipboard stays
 * with paste events.
 */
const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write']);

export const permissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.has(permission);

/** Ctrl+Shift+I (Cmd+Alt+I on macOS) toggles DevTools in development. */
export function isDevToolsShortcut(input: {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}): boolean {
  if (input.type !== 'keyDown' || input.key.toLowerCase() !== 'i') return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}
