/**
 * The link between the mail store and the mail body job (core/db-signal.ts): "bodies were queued" after a scan,
 * and "read this one first" when someone opens a mail whose body is still queued.
 */
import type { Db } from '../../../db/connection';
import { dbSignal } from '../../../core/db-signal';

/** messageId: read that mail's body before the others; null: bodies were queued. */
const bodies = dbSignal<string | null>();

export function signalMailBodies(db: Db, messageId: string | null = null): void {
  bodies.signal(db, messageId);
}

export const onMailBodiesSignal = bodies.on;
