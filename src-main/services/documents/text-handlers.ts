import type { documentsCalls } from '../../../src-shared/contract/documents';
import type { Handlers } from '../handler-types';
import { unlockDocument } from '../../jobs/text-extraction/unlock-document';
import { announceText } from '../../jobs/text-extraction/text-events';
import { getDocument } from './document-reads';
import { documentText, failedCount, pendingCount, retryText } from './document-text';
import { runningExtraction, signalTextQueue } from './text-extraction-signal';

type TextCalls = 'documents.text' | 'documents.unlock' | 'documents.retryText' | 'documents.extraction';

/** Extracted text, the password of locked files, and the extraction job's state. */
export const documentTextHandlers: Handlers<TextCalls & keyof typeof documentsCalls> = {
  'documents.text': (input, ctx) => documentText(ctx.db, input.id),
  'documents.unlock': async (input, ctx) => {
    await unlockDocument(ctx, input);
    return getDocument(ctx.db, input.id);
  },
  'documents.retryText': (input, ctx) => {
    const documentIds = retryText(ctx.db, input.id);
    announceText(ctx, { status: 'pending', documentIds });
    signalTextQueue(ctx.db);
    return getDocument(ctx.db, input.id);
  },
  'documents.extraction': (_input, ctx) => ({
    pending: pendingCount(ctx.db),
    failed: failedCount(ctx.db),
    running: runningExtraction(ctx.db),
  }),
};
