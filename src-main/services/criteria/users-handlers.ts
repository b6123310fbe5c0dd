import type { usersCalls } from '../../../src-shared/contract/users';
import { isoNow, type ServiceContext } from '../../core/context';
import type { Handlers } from '../handler-types';
import { createUser, getUser, listUsers, updateUser } from './users';

const stamp = (ctx: ServiceContext) => ({ userId: ctx.userId, at: isoNow(ctx) });

/** The minimal users list (card owners); lives here until the people module takes it over. */
export const usersHandlers: Handlers<keyof typeof usersCalls> = {
  'users.list': (_input, ctx) => ({ users: listUsers(ctx.db) }),
  'users.me': (_input, ctx) => getUser(ctx.db, ctx.userId),
  'users.create': (input, ctx) => createUser(ctx.db, input, stamp(ctx)),
  'users.update': (input, ctx) => updateUser(ctx.db, input, stamp(ctx)),
};
