import type { documentsCalls } from '../../../src-shared/contract/documents';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { discardUpload, uploadFile } from '../transfer/temp-files';
import { addVersion, attachExisting, attachFile, detach, renameDocument, type DocumentChange } from './document-writes';
import { documentsForCard, getDocument, readDocument } from './document-reads';
import { documentTextHandlers } from './text-handlers';
import { openExternal } from './open-external';
import { documentTagHandlers } from './tag-handlers';

/** Every card a change touched shows it: their screens refresh. */
function announce(ctx: ServiceContext, change: DocumentChange) {
  for (const card of change.cards)
    ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
  return getDocument(ctx.db, change.documentId);
}

/** The upload's temp file, gone once filed (or refused: a refused file would be uploaded again anyway). */
async function withUpload<T>(
  ctx: ServiceContext,
  uploadId: string,
  use: (file: { path: string; fileName: string }) => Promise<T>,
) {
  const upload = uploadFile(ctx.dataDir, uploadId);
  try {
    return await use(upload);
  } finally {
    discardUpload(ctx.dataDir, uploadId);
  }
}

export const documentsHandlers: Handlers<keyof typeof documentsCalls> = {
  'documents.attach': async (input, ctx) =>
    announce(
      ctx,
      await withUpload(ctx, input.uploadId, (file) =>
        attachFile(ctx.db, actingStamp(ctx), { file, cardId: input.cardId, source: input.source }),
      ),
    ),
  'documents.addVersion': async (input, ctx) =>
    announce(
      ctx,
      await withUpload(ctx, input.uploadId, (file) =>
        addVersion(ctx.db, actingStamp(ctx), { documentId: input.documentId, file }),
      ),
    ),
  'documents.attachExisting': (input, ctx) => announce(ctx, attachExisting(ctx.db, actingStamp(ctx), input)),
  'documents.detach': (input, ctx) => {
    const change = detach(ctx.db, actingStamp(ctx), input);
    announce(ctx, change);
    return { documentId: change.documentId, deleted: change.deleted };
  },
  'documents.rename': (input, ctx) => announce(ctx, renameDocument(ctx.db, actingStamp(ctx), input)),
  'documents.forCard': (input, ctx) => ({ documents: documentsForCard(ctx.db, input.cardId) }),
  'documents.get': (input, ctx) => getDocument(ctx.db, input.id),
  'documents.read': (input, ctx) => readDocument(ctx.db, input),
  'documents.openExternal': (input, ctx) => openExternal(ctx, input),
  ...documentTextHandlers,
  ...documentTagHandlers,
};
