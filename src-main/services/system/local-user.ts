import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { settings, users } from '../../db/schema';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';

const LOCAL_USER_KEY = 'local_user_id';

/**
 * The person at this desk. Until accounts and roles land (people module), each
 * database has one local administrator, created on first open, who is the
 * `created_by` and audit user of every change.
 */
export function ensureLocalUser(db: Db, now: Date): { id: string; name: string } {
  return writeTransaction(db, () => {
    const setting = db.select().from(settings).where(eq(settings.key, LOCAL_USER_KEY)).get();
    if (setting) {
      const user = db.select().from(users).where(eq(users.id, setting.value)).get();
      if (user) return { id: user.id, name: user.name };
    }
    const at = now.toISOString();
    const user = { id: newId(), name: 'Yönetici', email: null, role: 'admin' as const, createdAt: at, updatedAt: at };
    db.insert(users).values(user).run();
    db.insert(settings)
      .values({ key: LOCAL_USER_KEY, value: user.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: user.id } })
      .run();
    return { id: user.id, name: user.name };
  });
}

/** Makes another existing user the one at this desk, for this and every later start. */
export function setLocalUser(db: Db, userId: string): void {
  db.insert(settings)
    .values({ key: LOCAL_USER_KEY, value: userId })
    .onConflictDoUpdate({ target: settings.key, set: { value: userId } })
    .run();
}
