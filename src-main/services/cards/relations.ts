import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { institutionRelations } from '../../db/schema';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { conflict, notFound, invalidInput } from '../../../src-shared/contract/errors';
import type { RelationKind } from '../../../src-shared/contract/cards';
import { writeLinkAudit } from '../audit/audit-log';
import { loadLiveCard, type CardStamp } from './card-rows';

export interface RelationView {
  id: string;
  kind: RelationKind;
  direction: 'out' | 'in';
  otherId: string;
  otherTitle: string;
  note: string | null;
}

const SYMMETRIC_KINDS: ReadonlySet<RelationKind> = new Set(['group_company', 'partner']);

const sides = (relation: { fromId: string; toId: string }) => [
  { type: 'institution', id: relation.fromId },
  { type: 'institution', id: relation.toId },
];

/** Relations of an institution seen from its side, other side live only. */
export function relationsOf(db: Db, id: string): RelationView[] {
  return stmt(
    db,
    `select r.id, r.kind, 'out' as direction, r.to_id as otherId, c.display_name as otherTitle, r.note
         from institution_relations r join cards c on c.id = r.to_id
         where r.from_id = ? and c.deleted_at is null
       union all
       select r.id, r.kind, 'in' as direction, r.from_id as otherId, c.display_name as otherTitle, r.note
         from institution_relations r join cards c on c.id = r.from_id
         where r.to_id = ? and c.deleted_at is null
       order by otherTitle`,
  ).all(id, id) as RelationView[];
}

export function relate(
  db: Db,
  input: { fromId: string; toId: string; kind: RelationKind; note?: string | undefined },
  stamp: CardStamp,
): RelationView {
  if (input.fromId === input.toId) throw invalidInput('Bir kurum kendisiyle ilişkilendirilemez.');
  return writeTransaction(db, () => {
    const from = loadLiveCard(db, input.fromId, 'institution');
    const to = loadLiveCard(db, input.toId, 'institution');
    // Symmetric kinds (group company, partner) read the same both ways: B–A duplicates A–B.
    const symmetric = SYMMETRIC_KINDS.has(input.kind);
    const existing = stmt(
      db,
      `select id from institution_relations where kind = ?
         and ((from_id = ? and to_id = ?) or (? and from_id = ? and to_id = ?))`,
    ).get(input.kind, input.fromId, input.toId, symmetric ? 1 : 0, input.toId, input.fromId);
    if (existing) throw conflict(`"${from.displayName}" ile "${to.displayName}" arasında bu ilişki zaten var.`);
    const id = newId();
    const row = {
      id,
      fromId: input.fromId,
      toId: input.toId,
      kind: input.kind,
      note: input.note ?? null,
      createdAt: stamp.at,
      updatedAt: stamp.at,
      createdBy: stamp.userId,
    };
    db.insert(institutionRelations).values(row).run();
    writeLinkAudit(db, { ...stamp, action: 'relate', after: row }, sides(row));
    return { id, kind: input.kind, direction: 'out', otherId: to.id, otherTitle: to.displayName, note: row.note };
  });
}

export function unrelate(db: Db, id: string, stamp: CardStamp): { id: string; fromId: string; toId: string } {
  return writeTransaction(db, () => {
    const row = db.select().from(institutionRelations).where(eq(institutionRelations.id, id)).get();
    if (!row) throw notFound(`Kurum ilişkisi (${id})`);
    db.delete(institutionRelations).where(eq(institutionRelations.id, id)).run();
    writeLinkAudit(db, { ...stamp, action: 'unrelate', before: row }, sides(row));
    return { id, fromId: row.fromId, toId: row.toId };
  });
}
