import type { notesCalls } from '../../../src-shared/contract/notes';
import { actingStamp, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { announceFollowUp } from '../followups/handlers';
import { discardUpload, uploadFile } from '../transfer/temp-files';
import { attachFileToNote, detachDocumentFromNote } from './note-documents';
import { markNoteRead } from './note-read-state';
import { getNote, listNotes } from './note-reads';
import { createNote, deleteNote, restoreNote, updateNote, type NoteChange } from './note-writes';
import { archiveReason, listReasons, saveReason } from './reasons';
import { listTeamNotes } from './team-notes';

/** The note's screens, every concerned card's timeline, and the badges of whoever was told, refresh. */
function announce(ctx: ServiceContext, change: NoteChange, action: 'saved' | 'deleted' | 'restored') {
  ctx.events.emit('notes.changed', { id: change.noteId, cardIds: change.cards.map((c) => c.id), action });
  for (const card of change.cards)
    ctx.events.emit('cards.changed', { id: card.id, type: card.type, action: 'updated' });
  if (change.followUp) announceFollowUp(ctx, change.followUp);
  for (const userId of change.notifiedUserIds ?? []) ctx.events.emit('notifications.changed', { userId });
  return getNote(ctx.db, change.noteId, ctx.userId);
}

export const notesHandlers: Handlers<keyof typeof notesCalls> = {
  'notes.create': (input, ctx) => announce(ctx, createNote(ctx.db, actingStamp(ctx), input), 'saved'),
  'notes.update': (input, ctx) => announce(ctx, updateNote(ctx.db, actingStamp(ctx), input), 'saved'),
  'notes.get': (input, ctx) => getNote(ctx.db, input.id, ctx.userId),
  'notes.list': (input, ctx) => listNotes(ctx.db, input, ctx.userId),
  'notes.delete': (input, ctx) => announce(ctx, deleteNote(ctx.db, actingStamp(ctx), input.id), 'deleted'),
  'notes.restore': (input, ctx) => announce(ctx, restoreNote(ctx.db, actingStamp(ctx), input.id), 'restored'),
  'notes.attachDocument': async (input, ctx) => {
    // The upload's temp file goes once filed or refused (a refused file would be uploaded again anyway).
    const file = uploadFile(ctx.dataDir, input.uploadId);
    try {
      return announce(ctx, await attachFileToNote(ctx.db, actingStamp(ctx), { noteId: input.noteId, file }), 'saved');
    } finally {
      discardUpload(ctx.dataDir, input.uploadId);
    }
  },
  'notes.detachDocument': (input, ctx) =>
    announce(ctx, detachDocumentFromNote(ctx.db, actingStamp(ctx), input), 'saved'),
  'notes.markRead': (input, ctx) => {
    const { newsRead, ...state } = markNoteRead(ctx.db, actingStamp(ctx), input);
    // Only the reader's own screens change; other desks' read state is theirs.
    if (newsRead) ctx.events.emit('notifications.changed', { userId: ctx.userId });
    return state;
  },
  'notes.team': (input, ctx) => listTeamNotes(ctx.db, ctx.userId, input),
  'notes.reasons': (_input, ctx) => ({ reasons: listReasons(ctx.db) }),
  'notes.saveReason': (input, ctx) => saveReason(ctx.db, actingStamp(ctx), input),
  'notes.archiveReason': (input, ctx) => archiveReason(ctx.db, actingStamp(ctx), input),
};
