/**
 * The demo firm's staff: a handful of users who own ("look after") most demo
 * cards, so owner columns, filters and segments have something to show.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import type { UserRole } from '../../../src-shared/contract/users';
import type { CardStamp } from '../cards/card-rows';
import { insertUser } from '../criteria/users';
import { Random } from './random';

/** Managers come before their teams (`manager` is the index of the user's manager in this list). */
const DEMO_STAFF: readonly { name: string; email: string; role: UserRole; weight: number; manager?: number }[] = [
  { name: 'Selin Aksoy', email: 'selin.aksoy@kartotekdemo.com.tr', role: 'manager', weight: 2 },
  { name: 'Murat Demirtaş', email: 'murat.demirtas@kartotekdemo.com.tr', role: 'staff', weight: 4, manager: 0 },
  { name: 'Gizem Çakır', email: 'gizem.cakir@kartotekdemo.com.tr', role: 'staff', weight: 4, manager: 0 },
  { name: 'Oğuz Şen', email: 'oguz.sen@kartotekdemo.com.tr', role: 'staff', weight: 3, manager: 5 },
  { name: 'Ebru Işıklar', email: 'ebru.isiklar@kartotekdemo.com.tr', role: 'staff', weight: 3, manager: 5 },
  { name: 'Hakan Güleç', email: 'hakan.gulec@kartotekdemo.com.tr', role: 'manager', weight: 1 },
];

/** Share of demo cards that get an owner; the rest show how unowned cards look. */
const OWNED_SHARE = 0.85;

/** Adds the demo staff (an address already taken keeps its user) and returns them with their weights. */
export function fillDemoUsers(db: Db, stamp: CardStamp): (readonly [id: string, weight: number])[] {
  const ids = DEMO_STAFF.map((u) => {
    const existing = stmt(db, 'select id from users where email = ?').get(u.email) as { id: string } | undefined;
    return existing?.id ?? insertUser(db, { name: u.name, email: u.email, role: u.role, managerId: null }, stamp).id;
  });
  // Teams are set once everyone exists (a manager may come later in the list).
  DEMO_STAFF.forEach((u, i) => {
    if (u.manager === undefined) return;
    stmt(db, 'update users set manager_id = ? where id = ? and manager_id is null').run(ids[u.manager], ids[i]);
  });
  return DEMO_STAFF.map((u, i) => [ids[i]!, u.weight] as const);
}

/**
 * Hands out owners from its own seeded stream, so the rest of the demo plan
 * (names, contacts, links) stays what it was for a seed.
 */
export class DemoOwners {
  private readonly rng: Random;

  constructor(
    seed: number,
    private readonly staff: readonly (readonly [string, number])[],
  ) {
    this.rng = new Random(seed ^ 0x0a11ce55);
  }

  next(): string | null {
    return this.rng.chance(OWNED_SHARE) ? this.rng.weighted(this.staff) : null;
  }
}
