/**
 * Command-line options shared by the desktop app (`npm start -- --demo --data DIR`)
 * and the web host (`npm run start:web -- --port 8080`). Plain Node, no Electron.
 */
import path from 'node:path';
import { defaultDataDir } from '../core/paths';

export interface StartupArgs {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Fill an empty database with the demo firm. */
  demo: boolean;
  /** Web host only: the port to listen on (absent: a free one). */
  port?: number;
}

/**
 * Reads `--data DIR` / `--data=DIR`, `--demo` and `--port N` / `--port=N`.
 * Anything else is ignored on purpose: Electron and Chromium add switches of their
 * own (e.g. `--original-process-start-time`, macOS `-psn_…`). A malformed value
 * throws an Error whose message can be shown as is.
 */
export function parseStartupArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): StartupArgs {
  let dataDir: string | undefined;
  let demo = false;
  let port: number | undefined;

  const valueOf = (name: string, i: number, arg: string): { value: string; next: number } => {
    if (arg.startsWith(`${name}=`)) return { value: arg.slice(name.length + 1), next: i };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.`);
    return { value, next: i + 1 };
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--demo') demo = true;
    else if (arg === '--data' || arg.startsWith('--data=')) {
      const { value, next } = valueOf('--data', i, arg);
      if (value.trim() === '') throw new Error('--data needs a folder.');
      dataDir = path.resolve(value);
      i = next;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const { value, next } = valueOf('--port', i, arg);
      const n = Number(value);
      if (!/^\d+$/.test(value) || n > 65535)
        throw new Error(`--port must be a number from 0 to 65535, not "${value}".`);
      port = n;
      i = next;
    }
  }
  return { dataDir: dataDir ?? defaultDataDir(env), demo, ...(port === undefined ? {} : { port }) };
}
