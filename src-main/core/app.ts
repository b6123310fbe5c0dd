import path from 'node:path';
import { openDatabase, prepareDataDir, type Db } from '../db/connection';
import { ensureLocalUser } from '../services/system/local-user';
import type { ServiceContext } from './context';
import { dispatch } from './dispatch';
import { EventBus } from './events';
import { localKeySecretBox } from './secret-box';
import type { CallResult } from '../../src-shared/contract';

export interface KartotekApp {
  ctx: ServiceContext;
  dataDir: string;
  dbFile: string;
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  close(): void;
}

export interface OpenAppOptions {
  dataDir: string;
  now?: () => Date;
}

/**
 * Opens the data folder: database (migrated), local user, event bus, and the
 * contract entry point. Every host (Electron, web, CLI) starts here.
 */
export function openApp(options: OpenAppOptions): KartotekApp {
  const dataDir = path.resolve(options.dataDir);
  const dbFile = prepareDataDir(dataDir);
  const db: Db = openDatabase(dbFile);
  const now = options.now ?? (() => new Date());
  let user: { id: string; name: string };
  try {
    user = ensureLocalUser(db, now());
  } catch (err) {
    db.$client.close();
    throw err;
  }
  const ctx: ServiceContext = {
    db,
    userId: user.id,
    events: new EventBus(),
    now,
    dataDir,
    secrets: localKeySecretBox(dataDir),
  };
  return {
    ctx,
    dataDir,
    dbFile,
    call: (method, input) => dispatch(ctx, method, input),
    close: () => db.$client.close(),
  };
}
