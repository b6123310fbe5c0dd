import type { documentsCalls } from '../../../src-shared/contract/documents';
import type { Handlers } from '../handler-types';

type TagCalls = 'documents.setTags' | 'documents.tags';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

/** Tags on documents. */
export const documentTagHandlers: Handlers<TagCalls & keyof typeof documentsCalls> = {
  'documents.setTags': notYet,
  'documents.tags': notYet,
};
