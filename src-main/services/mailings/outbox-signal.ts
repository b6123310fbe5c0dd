/**
 * The link between the calls that queue work and the outbox job (core/db-signal.ts): a queue, a resume or a
 * resend wakes the job at once instead of at its next poll. After a restart the job reads the outbox.
 */
import type { Db } from '../../db/connection';
import { dbSignal } from '../../core/db-signal';

/** `accountChanged`: an account was saved (a new password, say): its wait after a problem ends now. */
export type OutboxSignal = { accountChanged?: string };
const outbox = dbSignal<OutboxSignal>();

/** Call after the write committed. */
export function signalOutbox(db: Db, signal: OutboxSignal = {}): void {
  outbox.signal(db, signal);
}

export const onOutboxSignal = outbox.on;
