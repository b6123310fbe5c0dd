import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { ContractError, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { User, UserRole, userFields } from '../../../src-shared/contract/users';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { assertAdmin } from './permissions';

type UserInput = z.output<typeof userFields>;

interface UserRow {
  id: string;
  name: string;
  email: string | null;
  role: UserRole;
  managerId: string | null;
  createdAt: string;
  updatedAt: string;
}

const SELECT_USER = `select id, name, email, role, manager_id as managerId, created_at as createdAt, updated_at as updatedAt from users`;

/** Live cards per owner; one pass over the owner index instead of a count per user. */
function cardCounts(db: Db): Map<string, number> {
  const rows = stmt(
    db,
    'select owner_id as id, count(*) as n from cards where owner_id is not null and deleted_at is null group by owner_id',
  ).all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function listUsers(db: Db): User[] {
  const counts = cardCounts(db);
  return (stmt(db, SELECT_USER).all() as UserRow[])
    .map((u) => ({ ...u, cardCount: counts.get(u.id) ?? 0 }))
    .sort((a, b) => (turkishSortKey(a.name) < turkishSortKey(b.name) ? -1 : 1));
}

export function getUser(db: Db, id: string): User {
  const row = stmt(db, `${SELECT_USER} where id = ?`).get(id) as UserRow | undefined;
  if (!row) throw notFound(`Kullanıcı (${id})`);
  const { n } = stmt(db, 'select count(*) as n from cards where owner_id = ? and deleted_at is null').get(id) as {
    n: number;
  };
  return { ...row, cardCount: n };
}

/** Two users with one address would make mail and sign-in ambiguous later. */
function assertEmailFree(db: Db, email: string | undefined, exceptId: string | null): void {
  if (!email) return;
  const other = stmt(db, 'select name from users where email = ? and id is not ?').get(email, exceptId) as
    { name: string } | undefined;
  if (other) {
    throw invalidInput(`${email} adresi zaten "${other.name}" kullanıcısına ait.`, {
      email: `Bu adres "${other.name}" kullanıcısına ait`,
    });
  }
}

/** A manager must be someone else who manages (manager or admin), and no one may end up managing themselves. */
function assertManager(db: Db, managerId: string | null, userId: string | null): void {
  if (!managerId) return;
  if (managerId === userId) throw invalidInput('Kişi kendi müdürü olamaz.', { managerId: 'Kendisi seçilemez' });
  const manager = stmt(db, 'select name, role from users where id = ?').get(managerId) as
    { name: string; role: UserRole } | undefined;
  if (!manager) throw invalidInput(`Müdür bulunamadı (${managerId}).`, { managerId: 'Böyle bir kullanıcı yok' });
  if (manager.role === 'staff') {
    throw invalidInput(`"${manager.name}" personel; müdür olarak yalnız müdür veya yönetici seçilebilir.`, {
      managerId: 'Müdür veya yönetici olmalı',
    });
  }
}

/** Writes a user without the admin check: for the demo and for createUser/updateUser. */
export function insertUser(db: Db, input: UserInput, stamp: CardStamp): User {
  return writeTransaction(db, () => {
    assertEmailFree(db, input.email, null);
    assertManager(db, input.managerId ?? null, null);
    const id = newId();
    stmt(
      db,
      'insert into users (id, name, email, role, manager_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.name, input.email ?? null, input.role, input.managerId ?? null, stamp.at, stamp.at);
    const created = getUser(db, id);
    writeAudit(db, { ...stamp, action: 'create', entityType: 'user', entityId: id, after: created });
    return created;
  });
}

export function createUser(db: Db, input: UserInput, stamp: CardStamp): User {
  assertAdmin(db, stamp.userId, 'Kullanıcı eklemek');
  return insertUser(db, input, stamp);
}

export function updateUser(db: Db, input: UserInput & { id: string }, stamp: CardStamp): User {
  assertAdmin(db, stamp.userId, 'Kullanıcı bilgilerini değiştirmek');
  return writeTransaction(db, () => {
    const before = getUser(db, input.id);
    assertEmailFree(db, input.email, input.id);
    assertManager(db, input.managerId ?? null, input.id);
    if (before.role === 'admin' && input.role !== 'admin') {
      const { n } = stmt(db, "select count(*) as n from users where role = 'admin'").get() as { n: number };
      if (n <= 1) {
        throw new ContractError(
          'CONFLICT',
          `"${before.name}" son yönetici; rolü değiştirilemez. Önce başka bir kullanıcıyı yönetici yapın.`,
        );
      }
    }
    if (before.role !== 'staff' && input.role === 'staff') {
      const { n } = stmt(db, 'select count(*) as n from users where manager_id = ?').get(input.id) as { n: number };
      if (n > 0) {
        throw new ContractError(
          'CONFLICT',
          `"${before.name}" ${n} kişinin müdürü; personel yapmadan önce ekibine başka bir müdür seçin.`,
        );
      }
    }
    stmt(db, 'update users set name = ?, email = ?, role = ?, manager_id = ?, updated_at = ? where id = ?').run(
      input.name,
      input.email ?? null,
      input.role,
      input.managerId ?? null,
      stamp.at,
      input.id,
    );
    const after = getUser(db, input.id);
    writeAudit(db, { ...stamp, action: 'update', entityType: 'user', entityId: input.id, before, after });
    return after;
  });
}
