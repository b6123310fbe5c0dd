import type { usersCalls } from '../../../src-shared/contract/users';
import { actingStamp } from '../../core/context';
import type { Handlers } from '../handler-types';
import { setLocalUser } from '../system/local-user';
import { writeTransaction } from '../../db/transaction';
import { writeAudit } from '../audit/audit-log';
import { createUser, getUser, listUsers, updateUser } from './users';

/** The minimal users list (card owners); lives here until the people module takes it over. */
export const usersHandlers: Handlers<keyof typeof usersCalls> = {
  'users.list': (_input, ctx) => ({ users: listUsers(ctx.db) }),
  'users.me': (_input, ctx) => getUser(ctx.db, ctx.userId),
  'users.create': (input, ctx) => createUser(ctx.db, input, actingStamp(ctx)),
  'users.update': (input, ctx) => updateUser(ctx.db, input, actingStamp(ctx)),
  'users.switchTo': (input, ctx) => {
    const user = getUser(ctx.db, input.id);
    const stamp = actingStamp(ctx);
    // With no sign-in yet, the audit says who took the desk from whom before anything they then did.
    writeTransaction(ctx.db, () => {
      setLocalUser(ctx.db, user.id);
      writeAudit(ctx.db, {
        ...stamp,
        action: 'user_switch',
        entityType: 'user',
        entityId: user.id,
        before: { userId: stamp.userId },
        after: { userId: user.id },
      });
    });
    // The context is the desk's: every later call (and every host sharing it) acts as the new user.
    ctx.userId = user.id;
    ctx.events.emit('users.switched', { id: user.id });
    return user;
  },
};
