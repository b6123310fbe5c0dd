import { eq } from 'drizzle-orm';
import type { systemCalls } from '../../../src-shared/contract/system';
import type { Handlers } from '../handler-types';
import { users } from '../../db/schema';
import { APP_VERSION } from '../../core/version';
import { checkDatabase } from './health';

export const systemHandlers: Handlers<keyof typeof systemCalls> = {
  'system.info': (_input, ctx) => {
    const user = ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, ctx.userId)).get()!;
    return {
      version: APP_VERSION,
      dataDir: ctx.dataDir,
      schemaVersion: ctx.db.$client.pragma('user_version', { simple: true }) as number,
      user,
    };
  },
  'system.check': (_input, ctx) => checkDatabase(ctx.db),
};
