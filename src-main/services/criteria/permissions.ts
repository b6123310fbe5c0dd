import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { ContractError } from '../../../src-shared/contract/errors';
import type { UserRole } from '../../../src-shared/contract/users';

export const ROLE_NAMES: Record<UserRole, string> = { admin: 'Yönetici', manager: 'Müdür', staff: 'Personel' };

export function roleOf(db: Db, userId: string): UserRole | undefined {
  const row = stmt(db, 'select role from users where id = ?').get(userId) as { role: UserRole } | undefined;
  return row?.role;
}

/**
 * Refuses a change only admins may make. Checked in main from the acting user
 * (ctx.userId): the renderer hiding a button is a convenience, never the guard.
 * `what` completes "… için yönetici yetkisi gerekiyor", e.g. "Kullanıcı eklemek".
 */
export function assertAdmin(db: Db, userId: string, what: string): void {
  const role = roleOf(db, userId);
  if (role === 'admin') return;
  throw new ContractError(
    'FORBIDDEN',
    `${what} için yönetici yetkisi gerekiyor${role ? `; sizin rolünüz: ${ROLE_NAMES[role]}` : ''}.`,
  );
}
