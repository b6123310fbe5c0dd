import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder Electron calls `userData` for an app named "Kartotek", computed
 * without Electron so that the web host and the CLI open the same database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kartotek');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kartotek');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Kartotek');
}

/** The folder holding package.json: found by walking up from this file (works in src and in dist). */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Kartotek: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const DB_FILE_NAME = 'kartotek.db';
