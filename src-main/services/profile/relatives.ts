import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { Relative, RelativeKind } from '../../../src-shared/contract/profile';
import { writeLinkAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { loadLiveProfilePerson } from './profile-person';
import { relativePerson, relativeRowById, relativeSeenFrom, type RelativeRow } from './profile-rows';

/** Turkish words for messages: what the relative is. */
const RELATION_WORDS: Record<RelativeKind, string> = {
  parent: 'ebeveyni',
  child: 'çocuğu',
  spouse: 'eşi',
  sibling: 'kardeşi',
  other: 'yakını',
};

const sides = (row: { personId: string; relativeId: string }) => [
  { type: 'person', id: row.personId },
  { type: 'person', id: row.relativeId },
];

/** The audit record of a link: both names, so either card's history reads on its own. */
const audited = (row: RelativeRow, personName: string, relativeName: string) => ({
  list: 'relative',
  ...row,
  personName,
  relativeName,
});

export interface RelativeInput {
  personId: string;
  relativeId: string;
  relation: RelativeKind;
  note?: string | undefined;
}

/** Inserts a link and its audit rows on both persons; checks as addRelative does. */
export function insertRelative(db: Db, input: RelativeInput, stamp: CardStamp): Relative {
  if (input.personId === input.relativeId) {
    throw invalidInput('Kişi kendisinin yakını olamaz.', { relativeId: 'Başka bir kişi seçilmeli' });
  }
  const person = loadLiveProfilePerson(db, input.personId);
  const relative = loadLiveProfilePerson(db, input.relativeId, 'relativeId');
  // One pair, one link: B–A is the same pair as A–B, seen from the other side.
  const existing = stmt(
    db,
    `select id, person_id as personId, relative_id as relativeId, relation, note from person_relatives
     where (person_id = ? and relative_id = ?) or (person_id = ? and relative_id = ?)`,
  ).get(input.personId, input.relativeId, input.relativeId, input.personId) as RelativeRow | undefined;
  if (existing) {
    const seen = relativeSeenFrom(existing, input.personId, relativePerson(db, relative.id));
    throw conflict(
      `${relative.displayName} zaten ${person.displayName} kişisinin ${RELATION_WORDS[seen.relation]} olarak kayıtlı; ` +
        'değiştirmek için önce o bağlantıyı kaldırın.',
    );
  }
  const row: RelativeRow = {
    id: newId(),
    personId: input.personId,
    relativeId: input.relativeId,
    relation: input.relation,
    note: input.note ?? null,
  };
  stmt(
    db,
    `insert into person_relatives (id, person_id, relative_id, relation, note, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.personId, row.relativeId, row.relation, row.note, stamp.at, stamp.at, stamp.userId);
  writeLinkAudit(
    db,
    { ...stamp, action: 'profile_add', after: audited(row, person.displayName, relative.displayName) },
    sides(row),
  );
  return relativeSeenFrom(row, input.personId, relativePerson(db, relative.id));
}

/**
 * Relatives are not part of the search text (a person is not found by the
 * names of their family), so the index stays as it is.
 */
export function addRelative(db: Db, input: RelativeInput, stamp: CardStamp): Relative {
  return writeTransaction(db, () => insertRelative(db, input, stamp));
}

export function removeRelative(db: Db, id: string, stamp: CardStamp): RelativeRow {
  return writeTransaction(db, () => {
    const row = relativeRowById(db, id);
    if (!row) throw notFound(`Yakınlık bağlantısı (${id})`);
    const person = loadLiveProfilePerson(db, row.personId);
    const relative = loadLiveProfilePerson(db, row.relativeId, 'relativeId');
    stmt(db, 'delete from person_relatives where id = ?').run(id);
    writeLinkAudit(
      db,
      { ...stamp, action: 'profile_remove', before: audited(row, person.displayName, relative.displayName) },
      sides(row),
    );
    return row;
  });
}
