import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { affiliations } from '../../db/schema';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../../src-shared/contract/errors';
import { writeLinkAudit } from '../audit/audit-log';
import { loadLiveCard, type CardStamp } from './card-rows';
import { affiliationById, type AffiliationView } from './affiliation-rows';
import { refreshCardIndexes } from './card-index';

interface LinkFields {
  role?: string | undefined;
  department?: string | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
  isPrimary: boolean;
}

const sides = (link: AffiliationView) => [
  { type: 'person', id: link.personId },
  { type: 'institution', id: link.institutionId },
];

/** A person has at most one primary institution: marking one clears the others. */
function clearOtherPrimaries(db: Db, personId: string, keepId: string): void {
  db.update(affiliations)
    .set({ isPrimary: false })
    .where(and(eq(affiliations.personId, personId), ne(affiliations.id, keepId)))
    .run();
}

export function link(
  db: Db,
  input: LinkFields & { personId: string; institutionId: string },
  stamp: CardStamp,
): AffiliationView {
  return writeTransaction(db, () => {
    const person = loadLiveCard(db, input.personId, 'person');
    const institution = loadLiveCard(db, input.institutionId, 'institution');
    const existing = db
      .select({ id: affiliations.id })
      .from(affiliations)
      .where(and(eq(affiliations.personId, input.personId), eq(affiliations.institutionId, input.institutionId)))
      .get();
    if (existing) {
      throw conflict(
        `${person.displayName} zaten ${institution.displayName} ile bağlı; rolünü bağlantıdan değiştirin.`,
      );
    }
    const id = newId();
    db.insert(affiliations)
      .values({
        id,
        personId: input.personId,
        institutionId: input.institutionId,
        role: input.role ?? null,
        department: input.department ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        isPrimary: input.isPrimary,
        createdAt: stamp.at,
        updatedAt: stamp.at,
        createdBy: stamp.userId,
      })
      .run();
    if (input.isPrimary) clearOtherPrimaries(db, input.personId, id);
    refreshCardIndexes(db, input.personId);
    const view = affiliationById(db, id)!;
    writeLinkAudit(db, { ...stamp, action: 'link', after: view }, sides(view));
    return view;
  });
}

export function updateLink(db: Db, input: LinkFields & { id: string }, stamp: CardStamp): AffiliationView {
  return writeTransaction(db, () => {
    const before = affiliationById(db, input.id);
    if (!before) throw notFound(`Kişi–kurum bağlantısı (${input.id})`);
    db.update(affiliations)
      .set({
        role: input.role ?? null,
        department: input.department ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        isPrimary: input.isPrimary,
        updatedAt: stamp.at,
      })
      .where(eq(affiliations.id, input.id))
      .run();
    if (input.isPrimary) clearOtherPrimaries(db, before.personId, input.id);
    refreshCardIndexes(db, before.personId);
    const after = affiliationById(db, input.id)!;
    writeLinkAudit(db, { ...stamp, action: 'update_link', before, after }, sides(after));
    return after;
  });
}

export function unlink(db: Db, id: string, stamp: CardStamp): AffiliationView {
  return writeTransaction(db, () => {
    const before = affiliationById(db, id);
    if (!before) throw notFound(`Kişi–kurum bağlantısı (${id})`);
    db.delete(affiliations).where(eq(affiliations.id, id)).run();
    refreshCardIndexes(db, before.personId);
    writeLinkAudit(db, { ...stamp, action: 'unlink', before }, sides(before));
    return before;
  });
}
