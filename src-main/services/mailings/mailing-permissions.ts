/**
 * Who may run a mailing: anyone may draft one, but starting, pausing, resuming, cancelling and resending are for
 * its creator, a manager or an admin — sending to a segment speaks for the firm. Checked in main from the acting
 * user; the screen hiding a button is only a convenience.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { roleOf, ROLE_NAMES } from '../criteria/permissions';
import { ContractError, notFound } from '../../../src-shared/contract/errors';

/** `what` completes "Bu gönderimi … yalnızca … yapabilir", e.g. "başlatmayı". */
export function assertMayRunMailing(db: Db, mailingId: string, userId: string, what: string): void {
  const createdBy = stmt(db, 'select created_by from mailings where id = ?').pluck().get(mailingId) as
    string | null | undefined;
  if (createdBy === undefined) throw notFound('Gönderim');
  if (createdBy === userId) return;
  const role = roleOf(db, userId);
  if (role === 'admin' || role === 'manager') return;
  throw new ContractError(
    'FORBIDDEN',
    `Bu gönderimi ${what} yalnızca onu hazırlayan kişi, bir müdür ya da yönetici yapabilir` +
      `${role ? `; sizin rolünüz: ${ROLE_NAMES[role]}` : ''}.`,
  );
}
