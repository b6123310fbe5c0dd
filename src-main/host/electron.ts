/**
 * The desktop app's main process: lifecycle, the one window, the app:// protocol
 * and the IPC door to the contract. All policy lives in pure modules beside this
 * file (window-options, app-protocol, startup-args); this file only wires it to
 * Electron. Bundled as ESM to dist/main/electron.js, next to preload.cjs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import { openApp, type KartotekApp } from '../core/app';
import { keychainSecretBox } from './keychain-secret-box';
import { log } from '../core/log';
import type { CallResult, ContractEvent, ErrorCode } from '../../src-shared/contract';
import { APP_RESPONSE_HEADERS, resolveAppFile } from './app-protocol';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels';
import { maybeFillDemo } from '../core/demo';
import { startBackgroundJobs, type RunningJob } from '../jobs/background-jobs';
import { parseStartupArgs, type StartupArgs } from './startup-args';
import { cameraPermissionAllowed } from './media-permission';
import { desktopNotificationText } from '../services/planner/notification-words';
import {
  APP_START_URL,
  createWindowOptions,
  externalUrlToOpen,
  isAllowedNavigation,
  isAppUrl,
  isDevToolsShortcut,
  permissionAllowed,
  PROTOCOL_SCHEME,
} from './window-options';

const MAIN_DIR = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = path.join(MAIN_DIR, 'preload.cjs');
const RENDERER_DIR = path.join(MAIN_DIR, '..', 'renderer');

let kartotek: KartotekApp | null = null;
let jobs: RunningJob | null = null;
let mainWindow: BrowserWindow | null = null;
let stopForwarding: (() => void) | null = null;
let stopDesktopNotices: (() => void) | null = null;
/** Set once the first window exists: 'activate' must not race start(). */
let started = false;
/** Set at the first 'will-quit': the jobs are being stopped, the quit waits for that. */
let shuttingDown = false;

const failure = (code: ErrorCode, message: string): CallResult<never> => ({ ok: false, error: { code, message } });

/** Startup problems end here: one readable message, a clean exit, never a crash dialog. */
function fatal(message: string): void {
  log.error('startup failed', { message });
  // After 'ready' so that Linux shows a dialog too (before it, only stderr).
  dialog.showErrorBox('Kartotek açılamadı', message);
  app.exit(1);
}

// --- Before 'ready' (and before any await: an ESM main may otherwise miss it) ---

// app:// behaves like https: a real origin (storage, relative URLs), a secure
// context, fetch allowed. No corsEnabled and no bypassCSP: other origins cannot
// read it and our CSP applies.
protocol.registerSchemesAsPrivileged([
  { scheme: PROTOCOL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let args: StartupArgs | null = null;
let argsError: string | null = null;
try {
  // Packaged: [exe, ...args]; development: [electron, dist/main/electron.js, ...args].
  args = parseStartupArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  fs.mkdirSync(args.dataDir, { recursive: true });
  // Chromium's own storage and the single-instance lock live in the data folder:
  // by default that is the folder Electron would pick anyway, and with --data DIR
  // a second folder gets its own window instead of focusing the first one.
  app.setPath('userData', args.dataDir);
} catch (err) {
  argsError = (err as Error).message;
}

if (!app.requestSingleInstanceLock()) {
  // Kartotek is already open on this folder; that instance gets 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock without windows; 'activate' reopens one.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (started && kartotek && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', onWillQuit);
  // Ctrl+C in the terminal of `npm start`: quit properly so the database is closed.
  process.on('SIGINT', () => app.quit());
  process.on('SIGTERM', () => app.quit());
  start().catch((err: unknown) => fatal((err as Error).message));
}

// --- After 'ready' ---

async function start(): Promise<void> {
  await app.whenReady();
  if (argsError || !args) return fatal(argsError ?? 'Başlangıç seçenekleri okunamadı.');
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    return fatal(`Arayüz derlenmemiş (${RENDERER_DIR}). Önce "npm run build" çalıştırın.`);
  }
  try {
    kartotek = openApp({ dataDir: args.dataDir });
  } catch (err) {
    return fatal(`Veri klasörü açılamadı: ${args.dataDir}\n\n${(err as Error).message}`);
  }
  if (args.demo) {
    try {
      if (maybeFillDemo(kartotek)) log.info('demo firm loaded', { dataDir: kartotek.dataDir });
    } catch (err) {
      // The real app still works without the demo; say so in the log and go on.
      log.error('demo fill failed', { message: (err as Error).message });
    }
  }
  registerAppProtocol();
  applySessionPolicy(session.defaultSession);
  // What only the desktop can do for services: open a document with its default program.
  kartotek.ctx.desktop = {
    openPath: async (file) => {
      const error = await shell.openPath(file);
      if (error) throw new Error(`Dosya açılamadı: ${error}`);
    },
  };
  // Account passwords go to the OS keychain from now on (those the web host sealed still open).
  kartotek.ctx.secrets = keychainSecretBox(kartotek.ctx.secrets);
  registerIpc(kartotek);
  // Windows shows an app's toasts only under its AppUserModelID: the appId electron-builder gives the shortcut.
  if (process.platform === 'win32') app.setAppUserModelId('tr.kartotek.app');
  stopDesktopNotices = showDesktopNotices(kartotek);
  jobs = startBackgroundJobs(kartotek);
  // Without our own menu Electron shows an English one with Reload and DevTools.
  // macOS needs the Edit menu for Cmd+C/V/Z in text fields; elsewhere none is needed.
  Menu.setApplicationMenu(
    process.platform === 'darwin'
      ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }])
      : null,
  );
  mainWindow = createWindow();
  started = true;
  log.info('Kartotek started', { dataDir: kartotek.dataDir });
}

function registerAppProtocol(): void {
  protocol.handle(PROTOCOL_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...APP_RESPONSE_HEADERS } });
    }
    const file = resolveAppFile(RENDERER_DIR, request.url);
    if (!file) {
      return new Response('Bulunamadı', {
        status: 404,
        headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    // net.fetch streams the file (also out of app.asar); we answer with our headers.
    const upstream = await net.fetch(pathToFileURL(file.filePath).toString());
    if (!upstream.ok) return new Response('Bulunamadı', { status: 404, headers: { ...APP_RESPONSE_HEADERS } });
    return new Response(request.method === 'HEAD' ? null : upstream.body, { status: 200, headers: file.headers });
  });
}

function applySessionPolicy(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const allowed = permissionAllowed(permission) || cameraPermissionAllowed(permission, mediaTypes);
    callback(allowed && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : undefined;
    const allowed = permissionAllowed(permission) || cameraPermissionAllowed(permission, mediaTypes);
    return allowed && isAppUrl(requestingOrigin);
  });
}

/** Only the app's own page in our window may call: not a frame it embeds, not another origin. */
function callerAllowed(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    !!frame &&
    frame.parent === null &&
    isAppUrl(frame.url) &&
    !!mainWindow &&
    !mainWindow.isDestroyed() &&
    event.sender === mainWindow.webContents
  );
}

function registerIpc(target: KartotekApp): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (!callerAllowed(event)) return failure('FORBIDDEN', 'Bu pencere Kartotek’e çağrı yapamaz.');
    if (typeof method !== 'string') return failure('INVALID_INPUT', 'Çağrı adı bir metin olmalı.');
    try {
      // dispatch parses the input with the contract schema and returns errors as data.
      return await target.call(method, input);
    } catch (err) {
      log.error('ipc call failed', { method, message: (err as Error).message });
      return failure('INTERNAL', 'Beklenmeyen hata.');
    }
  });
  stopForwarding = target.ctx.events.subscribe((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
  });
}

/** Shown at once when more fall due together (a start after a long closed time): the bell has the rest. */
const DESKTOP_NOTICES_AT_ONCE = 3;
/** Notifications with a click handler must stay referenced, or they are collected and the click is lost. */
const openNotices = new Set<Notification>();

/** The OS's own notifications for reminders of the user at this desk; a click brings the window forward. */
function showDesktopNotices(target: KartotekApp): () => void {
  if (!Notification.isSupported()) return () => undefined;
  return target.ctx.events.subscribe((event) => {
    if (event.name !== 'notifications.delivered') return;
    const { userId, notifications } = (event as ContractEvent<'notifications.delivered'>).payload;
    if (userId !== target.ctx.userId) return;
    for (const item of notifications.slice(0, DESKTOP_NOTICES_AT_ONCE)) {
      const notice = new Notification(desktopNotificationText(item));
      openNotices.add(notice);
      notice.on('click', () => {
        openNotices.delete(notice);
        focusMainWindow();
      });
      notice.on('close', () => openNotices.delete(notice));
      notice.show();
    }
  });
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    if (started && kartotek) mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (!app.isPackaged) {
    win.webContents.on('before-input-event', (event, input) => {
      if (!isDevToolsShortcut(input)) return;
      event.preventDefault();
      win.webContents.toggleDevTools();
    });
  }
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
  });
  win
    .loadURL(APP_START_URL)
    .catch((err: unknown) => log.error('window load failed', { message: (err as Error).message }));
  return win;
}

/** For every web contents, ours or not: nothing may leave the app or embed it. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    // A plain link to a web page or an address: hand it to the OS, never load it here.
    const external = externalUrlToOpen(event.url);
    if (external && event.isMainFrame) void shell.openExternal(external);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The longest quitting waits for the background jobs before the database closes regardless. */
const SHUTDOWN_WAIT_MS = 5000;

/**
 * Quitting: Electron would end the process right after 'will-quit', while a job
 * may still be hashing a file or extracting a text and about to write. So the
 * quit is held once (preventDefault), the jobs are stopped and waited for (at
 * most a few seconds: a network share that does not answer must not keep the app
 * open), then the database closes and app.exit() ends the process, which does
 * not emit 'will-quit' again.
 */
function onWillQuit(event: { preventDefault(): void }): void {
  event.preventDefault();
  if (shuttingDown) return;
  shuttingDown = true;
  void shutdown().finally(() => app.exit(0));
}

async function shutdown(): Promise<void> {
  stopForwarding?.();
  stopForwarding = null;
  stopDesktopNotices?.();
  stopDesktopNotices = null;
  ipcMain.removeHandler(CALL_CHANNEL);
  const running = jobs;
  jobs = null;
  if (running) {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)));
    await Promise.race([
      running
        .stop()
        .catch((err: unknown) => log.error('stopping the jobs failed', { message: (err as Error).message })),
      deadline,
    ]);
    clearTimeout(timer);
  }
  if (kartotek) {
    try {
      kartotek.close();
    } catch (err) {
      log.error('closing the database failed', { message: (err as Error).message });
    }
    kartotek = null;
  }
}
