import type { Db } from '../db/connection';
import type { EventBus } from './events';
import type { SecretBox } from './secret-box';

/**
 * What only the desktop host can do for a service (the web host and the CLI have
 * none of it). Set by host/electron.ts; services see this interface, never Electron.
 */
export interface DesktopShell {
  /** Opens a file with the OS's default program for its type. */
  openPath(file: string): Promise<void>;
}

/** What every service call gets: the database, who is acting, the clock and the event bus. */
export interface ServiceContext {
  db: Db;
  userId: string;
  events: EventBus;
  /** Injected so tests can control time. */
  now: () => Date;
  dataDir: string;
  /** Seals and opens account passwords (OS keychain on the desktop, a key file elsewhere). */
  secrets: SecretBox;
  desktop?: DesktopShell;
}

export const isoNow = (ctx: Pick<ServiceContext, 'now'>): string => ctx.now().toISOString();

/** Who is acting and when: the stamp every write records (created_by, audit rows). */
export const actingStamp = (ctx: Pick<ServiceContext, 'userId' | 'now'>) => ({ userId: ctx.userId, at: isoNow(ctx) });
