import type { searchCalls } from '../../../src-shared/contract/search';
import type { Handlers } from '../handler-types';
import { searchGrouped } from './global-search';

export const searchHandlers: Handlers<keyof typeof searchCalls> = {
  'search.query': (input, ctx) => ({ groups: searchGrouped(ctx.db, input, ctx.userId) }),
};
