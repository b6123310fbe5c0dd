import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
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
  const p = stmt(
    db,
    `select honorific, first_name as firstName, last_name as lastName, gender, birth_date as birthDate, tckn,
            source, notes
       from persons where card_id = ?`,
  ).get(id) as PersonRow;
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

type PersonRow = ReturnType<typeof personValues>;

// Plain cached statements, not the query builder: these run once per card on every
// import and demo row, where building and preparing SQL each time cost more than the write.
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
    stmt(
      db,
      `insert into persons (card_id, honorific, first_name, last_name, gender, birth_date, tckn, source, notes)
       values (@cardId, @honorific, @firstName, @lastName, @gender, @birthDate, @tckn, @source, @notes)`,
    ).run({ cardId: id, ...personValues(input) });
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
    stmt(
      db,
      `update persons set honorific = @honorific, first_name = @firstName, last_name = @lastName, gender = @gender,
              birth_date = @birthDate, tckn = @tckn, source = @source, notes = @notes
        where card_id = @cardId`,
    ).run({ cardId: input.id, ...personValues(input) });
    replaceContacts(db, input.id, input, stamp);
    refreshCardIndexes(db, input.id);
    const after = getPerson(db, input.id);
    writeAudit(db, { ...stamp, action: 'update', entityType: 'person', entityId: input.id, before, after });
    return after;
  });
}
