import type { notesCalls } from '../../../src-shared/contract/notes';
import type { Handlers } from '../handler-types';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const notesHandlers: Handlers<keyof typeof notesCalls> = {
  'notes.create': notYet,
  'notes.update': notYet,
  'notes.get': notYet,
  'notes.list': notYet,
  'notes.delete': notYet,
  'notes.restore': notYet,
  'notes.attachDocument': notYet,
  'notes.detachDocument': notYet,
  'notes.reasons': notYet,
  'notes.saveReason': notYet,
  'notes.archiveReason': notYet,
};
