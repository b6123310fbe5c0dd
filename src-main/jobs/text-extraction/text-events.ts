import type { ServiceContext } from '../../core/context';
import { cardsOfDocument } from '../../services/documents/live-rows';
import { runningExtraction } from '../../services/documents/text-extraction-signal';
import { pendingCount } from '../../services/documents/document-text';
import type { SavedText } from './text-queue';

type Announcer = Pick<ServiceContext, 'db' | 'events'>;

/** Documents whose text changed: their status badges, previews and the cards they are filed on refresh. */
export function announceText(ctx: Announcer, saved: Pick<SavedText, 'documentIds' | 'status'>): void {
  if (saved.documentIds.length === 0) return;
  ctx.events.emit('documents.textChanged', { documentIds: saved.documentIds, status: saved.status });
  const seen = new Set<string>();
  for (const documentId of saved.documentIds) {
    for (const card of cardsOfDocument(ctx.db, documentId)) {
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
    }
  }
}

/** Where the queue is: sent when a document starts and when the queue drains. */
export function announceProgress(ctx: Announcer): void {
  ctx.events.emit('documents.extraction', { pending: pendingCount(ctx.db), running: runningExtraction(ctx.db) });
}
