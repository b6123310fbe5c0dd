import type { documentsCalls } from '../../../src-shared/contract/documents';
import type { Handlers } from '../handler-types';

type TextCalls = 'documents.text' | 'documents.unlock' | 'documents.retryText' | 'documents.extraction';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

/** Extracted text, the password of locked files, and the extraction job's state. */
export const documentTextHandlers: Handlers<TextCalls & keyof typeof documentsCalls> = {
  'documents.text': notYet,
  'documents.unlock': notYet,
  'documents.retryText': notYet,
  'documents.extraction': notYet,
};
