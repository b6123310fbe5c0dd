import type { documentsCalls } from '../../../src-shared/contract/documents';
import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { getDocument } from './document-reads';
import { listDocumentTags, setDocumentTags } from './document-tags';

type TagCalls = 'documents.setTags' | 'documents.tags';

/** Tags on documents. */
export const documentTagHandlers: Handlers<TagCalls & keyof typeof documentsCalls> = {
  'documents.setTags': (input, ctx) => {
    const change = setDocumentTags(ctx.db, actingStamp(ctx), input);
    // The cards the document is filed on show its tags (and their history the change).
    for (const card of change.cards) {
      ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
    }
    return getDocument(ctx.db, change.documentId);
  },
  'documents.tags': (_input, ctx) => listDocumentTags(ctx.db),
};
