import type { inboxCalls } from '../../../src-shared/contract/inbox';
import { actingStamp, isoNow, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { assertAdmin } from '../criteria/permissions';
import { folderScannerFor } from '../../jobs/folder-watch/folder-scanner';
import { listInbox, waitingCount } from './inbox-reads';
import { suggestMissing } from './inbox-suggestions';
import { discardItem, fileItem } from './inbox-writes';
import { addFolder, listFolders, removeFolder } from './watched-folders';

const announce = (ctx: ServiceContext) => ctx.events.emit('inbox.changed', { waiting: waitingCount(ctx.db) });

export const inboxHandlers: Handlers<keyof typeof inboxCalls> = {
  'inbox.folders.list': (_input, ctx) => ({ folders: listFolders(ctx.db) }),
  'inbox.folders.add': async (input, ctx) => {
    assertAdmin(ctx.db, ctx.userId, 'İzlenen klasör eklemek');
    const folder = await addFolder(ctx.db, actingStamp(ctx), input);
    announce(ctx);
    return folder;
  },
  'inbox.folders.remove': (input, ctx) => {
    assertAdmin(ctx.db, ctx.userId, 'İzlenen klasörü kaldırmak');
    const removed = removeFolder(ctx.db, actingStamp(ctx), input.id);
    announce(ctx);
    return removed;
  },
  'inbox.list': (_input, ctx) => {
    // Items whose text arrived while no job was listening (or before this version) get their suggestion now.
    suggestMissing(ctx.db, isoNow(ctx));
    return { items: listInbox(ctx.db) };
  },
  'inbox.count': (_input, ctx) => ({ waiting: waitingCount(ctx.db) }),
  'inbox.file': (input, ctx) => {
    const filed = fileItem(ctx.db, actingStamp(ctx), input);
    ctx.events.emit('cards.changed', { id: filed.card.id, type: filed.card.type, action: 'updated' });
    announce(ctx);
    return filed;
  },
  'inbox.discard': (input, ctx) => {
    const discarded = discardItem(ctx.db, actingStamp(ctx), input);
    announce(ctx);
    return discarded;
  },
  'inbox.scan': async (_input, ctx) => ({ added: await folderScannerFor(ctx).scanNow() }),
};
