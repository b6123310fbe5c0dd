import type { Db } from '../../db/connection';
import type { EventBus } from '../../core/events';
import type { SecretBox } from '../../core/secret-box';
import type { ParsedMessage } from '../../services/mail/ingest/store-incoming';
import type { KartotekApp } from '../../core/app';

/** What one scan of an account needs from its host (the app's job or the CLI) — no UI, no Electron. */
export interface ScanEnv {
  db: Db;
  events: EventBus;
  secrets: SecretBox;
  /** Whom stored mail is stamped by (the desk's user). */
  userId: string;
  now: () => Date;
  /** True once the job is stopping: the scan ends after the group of messages it is storing. */
  stopping: () => boolean;
  /** Called once a pass finds work to do (the account's status turns "syncing" only then). */
  onBusy?: () => void;
  /** Parses raw messages (scanAccount sets the parse worker pool); without it they are parsed in this process. */
  parse?: (raw: Buffer) => Promise<ParsedMessage>;
  /**
   * A fetch of more messages than this stores them from their header blocks and queues their bodies for the mail
   * body job (default DEFER_BODIES_ABOVE; tests set 0 to take that path with a few messages).
   */
  deferBodiesAbove?: number;
}

/**
 * A first scan (or a long time offline) fetches hundreds or thousands of messages: those are listed and linked
 * first and their bodies read after (jobs/mail-bodies). A few new mails are read whole at once, as they come.
 */
export const DEFER_BODIES_ABOVE = 200;

/** The scan's needs as the app provides them, never stopping unless `changes` says otherwise (CLI, bench, tests). */
export function scanEnvOf(app: KartotekApp, changes: Partial<ScanEnv> = {}): ScanEnv {
  const ctx = app.ctx;
  return {
    db: ctx.db,
    events: ctx.events,
    secrets: ctx.secrets,
    userId: ctx.userId,
    now: ctx.now,
    stopping: () => false,
    ...changes,
  };
}

/** What a scan did, per account (the CLI prints it). */
export interface ScanCounts {
  /** Messages fetched from the server. */
  fetched: number;
  /** Newly stored (not already there). */
  stored: number;
  /** Newly stored and filed on at least one card. */
  linked: number;
  /** Newly stored, on no card (waiting in the unfiled list). */
  unfiled: number;
  /** Delivery reports that marked a mailing recipient failed. */
  bounces: number;
}

export const emptyCounts = (): ScanCounts => ({ fetched: 0, stored: 0, linked: 0, unfiled: 0, bounces: 0 });

export function addCounts(into: ScanCounts, more: ScanCounts): void {
  into.fetched += more.fetched;
  into.stored += more.stored;
  into.linked += more.linked;
  into.unfiled += more.unfiled;
  into.bounces += more.bounces;
}

/** Thrown out of a scan when the job is stopping (not an error to report). */
export class ScanStopped extends Error {
  constructor() {
    super('mail scan stopped');
  }
}
