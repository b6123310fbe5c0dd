import type { ServiceContext } from '../../core/context';
import { ContractError, invalidInput } from '../../../src-shared/contract/errors';
import { lockedDocument } from '../../services/documents/document-text';
import { DEFAULT_WORKER_LIMITS, TextWorker } from './text-worker-host';
import { saveResult } from './text-queue';
import { announceText } from './text-events';

/**
 * Extracts a locked document's text now, with the password the user gave, in a
 * worker process of its own (not behind the queue). The password goes to the
 * worker over its IPC channel and nowhere else: not in its command line or
 * environment, not stored, not logged, not in any error. A right password
 * replaces the locked text row for every document with this content; a run
 * that fails (time limit, crash, memory cap) replaces nothing: the document
 * stays locked, so the user can try again, and gets the reason as an error.
 */
export async function unlockDocument(ctx: ServiceContext, input: { id: string; password: string }): Promise<void> {
  const document = lockedDocument(ctx.db, input.id);
  const worker = new TextWorker({ dbFile: ctx.db.$client.name, dataDir: ctx.dataDir }, DEFAULT_WORKER_LIMITS);
  let outcome;
  try {
    outcome = await worker.run({
      sha256: document.sha256,
      name: document.name,
      mimeType: document.mimeType,
      password: input.password,
    });
  } finally {
    await worker.close();
  }
  if (outcome.status === 'cancelled') throw new Error('text worker closed before the answer');
  // Still locked with a password given: the password did not open it.
  if (outcome.status === 'locked') throw invalidInput('Parola yanlış.', { password: 'Parola yanlış' });
  // A failure says nothing about the file's text: writing it would turn "locked" into "failed" for good.
  if (outcome.status === 'failed') {
    throw new ContractError(
      'INTERNAL',
      `"${document.name}" metni okunamadı: ${outcome.reason} Belge kilitli kaldı; yeniden deneyebilirsiniz.`,
    );
  }
  // The app may have closed meanwhile (the database goes with it): nothing to write to.
  if (!ctx.db.$client.open) return;
  announceText(ctx, saveResult(ctx.db, document.sha256, outcome, ctx.now().toISOString(), { replace: true }));
}
