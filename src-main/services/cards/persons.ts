import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { persons } from '../../db/schema';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import type { personFields, Person } from '../../../src-shared/contract/cards';
import { writeAudit } from '../audit/audit-log';
import {
  assertUnchangedSince,
  insertCard,
  loadCard,
  loadLiveCard,
  mergedIntoOf,
  touchCard,
  type CardStamp,
  ownerOf,
  setOwner,
} from './card-rows';
import { readContacts, replaceContacts, validateContacts } from './contacts';
import { affiliationsOf } from './affiliation-rows';
import { refreshCardIndexes } from './card-index';

type PersonInput = z.output<typeof personFields>;

export const personDisplayName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

export function getPerson(db: Db, id: string): Person {
  const card = loadCard(db, id, 'person');
  const p = db.select().from(persons).where(eq(persons.cardId, id)).get()!;
  return {
    id,
    type: 'person',
    displayName: card.displayName,
    honorific: p.honorific,
    firstName: p.firstName,
    lastName: p.lastName,
    gender: p.gender,
    birthDate: p.birthDate,
    tckn: p.tckn,
    source: p.source,
    notes: p.notes,
    ...readContacts(db, id),
    affiliations: affiliationsOf(db, id, 'person'),
    createdAt: card.createdAt,
    updatedAt: card.updatedAt,
    createdBy: card.createdBy,
    deletedAt: card.deletedAt,
    ...ownerOf(db, card),
    mergedInto: mergedIntoOf(db, card),
  };
}

const personValues = (input: PersonInput) => ({
  honorific: input.honorific ?? null,
  firstName: input.firstName,
  lastName: input.lastName,
  gender: input.gender ?? null,
  birthDate: input.birthDate ?? null,
  tckn: input.tckn ?? null,
  source: input.source ?? null,
  notes: input.notes ?? null,
});

/** Creates the card, its contact details, its search text and the audit row: all or nothing. */
export function createPerson(db: Db, input: PersonInput, stamp: CardStamp): Person {
  validateContacts(input);
  const id = newId();
  return writeTransaction(db, () => {
    insertCard(db, { id, type: 'person', displayName: personDisplayName(input), ownerId: input.ownerId }, stamp);
    db.insert(persons)
      .values({ cardId: id, ...personValues(input) })
      .run();
    replaceContacts(db, id, input, stamp);
    refreshCardIndexes(db, id);
    const created = getPerson(db, id);
    writeAudit(db, { ...stamp, action: 'create', entityType: 'person', entityId: id, after: created });
    return created;
  });
}

export function updatePerson(
  db: Db,
  input: PersonInput & { id: string; expectedUpdatedAt?: string | undefined },
  stamp: CardStamp,
): Person {
  validateContacts(input);
  return writeTransaction(db, () => {
    assertUnchangedSince(loadLiveCard(db, input.id, 'person'), input.expectedUpdatedAt);
    const before = getPerson(db, input.id);
    touchCard(db, input.id, personDisplayName(input), stamp);
    setOwner(db, input.id, input.ownerId);
    db.update(persons).set(personValues(input)).where(eq(persons.cardId, input.id)).run();
    replaceContacts(db, input.id, input, stamp);
    refreshCardIndexes(db, input.id);
    const after = getPerson(db, input.id);
    writeAudit(db, { ...stamp, action: 'update', entityType: 'person', entityId: input.id, before, after });
    return after;
  });
}
