import type { searchCalls } from '../../../src-shared/contract/search';
import type { Handlers } from '../handler-types';
import { searchAll } from './search-index';

export const searchHandlers: Handlers<keyof typeof searchCalls> = {
  'search.query': (input, ctx) => ({ hits: searchAll(ctx.db, input) }),
};
