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

const DEMO_STAFF: readonly { name: string; email: string; role: UserRole; weight: number }[] = [
  { name: 'Selin Aksoy', email: 'selin.aksoy@kartotekdemo.com.tr', role: 'manager', weight: 2 },
  { name: 'Murat Demirtaş', email: 'murat.demirtas@kartotekdemo.com.tr', role: 'staff', weight: 4 },
  { name: 'Gizem Çakır', email: 'gizem.cakir@kartotekdemo.com.tr', role: 'staff', weight: 4 },
  { name: 'Oğuz Şen', email: 'oguz.sen@kartotekdemo.com.tr', role: 'staff', weight: 3 },
  { name: 'Ebru Işıklar', email: 'ebru.isiklar@kartotekdemo.com.tr', role: 'staff', weight: 3 },
  { name: 'Hakan Güleç', email: 'hakan.gulec@kartotekdemo.com.tr', role: 'manager', weight: 1 },
];

/** Share of demo cards that get an owner; the rest show how unowned cards look. */
const OWNED_SHARE = 0.85;

/** Adds the demo staff (an address already taken keeps its user) and returns them with their weights. */
export function fillDemoUsers(db: Db, stamp: CardStamp): (readonly [id: string, weight: number])[] {
  return DEMO_STAFF.map((u) => {
    const existing = stmt(db, 'select id from users where email = ?').get(u.email) as { id: string } | undefined;
    const id = existing?.id ?? insertUser(db, { name: u.name, email: u.email, role: u.role }, stamp).id;
    return [id, u.weight] as const;
  });
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
