// `npm start` (after the build): runs the desktop app in the Electron runtime.
// Electron 45 fetches its runtime on first use; where that cannot happen (offline,
// CI) this says so in one line and points to the web host, instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const entry = path.join(root, 'dist', 'main', 'electron.js');
const INSTALL_TIMEOUT_MS = 60_000;

function unavailable(reason) {
  process.stderr.write(
    `Kartotek: the Electron runtime is not available on this machine (${reason}); run "npm run start:web" to use Kartotek in your browser.\n`,
  );
  process.exit(1);
}

/** The runtime binary as electron's own index.js finds it, without its download-on-require. */
function electronBinary() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
    const binary = path.join(dist, relative);
    return relative && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (!fs.existsSync(entry)) {
  process.stderr.write('Kartotek: the desktop app is not built; run "npm run build" first.\n');
  process.exit(1);
}
if (!fs.existsSync(path.join(electronDir, 'install.js'))) unavailable('the electron package is not installed');

let binary = electronBinary();
if (!binary) {
  // One attempt, output captured: its stack traces would bury the one line that matters.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
  });
  if (process.env.KARTOTEK_DEBUG) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  binary = electronBinary();
  if (!binary) unavailable(result.error?.code === 'ETIMEDOUT' ? 'download timed out' : 'download failed');
}

// Forwarded as given: `npm start -- --demo --data DIR`.
const env = { ...process.env };
// Set in some shells by other tools; it would make Electron run as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [entry, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });

child.on('error', (err) => unavailable(`it could not be started: ${err.message}`));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!child.killed) child.kill(signal);
  });
}
