import type { usersCalls } from '../../../src-shared/contract/users';
import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { createUser, getUser, listUsers, updateUser } from './users';

/** The minimal users list (card owners); lives here until the people module takes it over. */
export const usersHandlers: Handlers<keyof typeof usersCalls> = {
  'users.list': (_input, ctx) => ({ users: listUsers(ctx.db) }),
  'users.me': (_input, ctx) => getUser(ctx.db, ctx.userId),
  'users.create': (input, ctx) => createUser(ctx.db, input, actingStamp(ctx)),
  'users.update': (input, ctx) => updateUser(ctx.db, input, actingStamp(ctx)),
};
