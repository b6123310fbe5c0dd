import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { ProfileItem, ProfileList } from '../../../src-shared/contract/profile';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { refreshCardIndexes } from '../cards/card-index';
import { loadLiveProfilePerson } from './profile-person';
import { itemById, itemRowById, itemsOfList, nextPosition } from './profile-rows';

/** What any list's item may carry; the contract lets each list send only its own fields. */
export interface ItemFields {
  list: ProfileList;
  name: string;
  detail?: string | undefined;
  year?: number | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

/** Turkish names of the lists, for messages. */
export const LIST_NAMES: Record<ProfileList, string> = {
  hobby: 'hobiler',
  association: 'dernek ve üyelikler',
  school: 'okullar',
  language: 'diller',
};

/**
 * A hobby or a language is there or not: the same one twice says nothing more.
 * (A school or an association may repeat: two degrees, a membership renewed.)
 */
const UNIQUE_LISTS: ReadonlySet<ProfileList> = new Set(['hobby', 'language']);

function refuseDuplicate(db: Db, personId: string, input: ItemFields, exceptId?: string): void {
  if (!UNIQUE_LISTS.has(input.list)) return;
  const folded = foldForSearch(input.name);
  const same = itemsOfList(db, personId, input.list).find((i) => i.id !== exceptId && foldForSearch(i.name) === folded);
  if (same) throw conflict(`"${same.name}" zaten ${LIST_NAMES[input.list]} listesinde.`);
}

const columns = (input: ItemFields) => [
  input.name,
  input.detail ?? null,
  input.year ?? null,
  input.startDate ?? null,
  input.endDate ?? null,
];

/** Inserts an item and its audit row; the caller refreshes the person's search text. */
export function insertItem(db: Db, personId: string, input: ItemFields, stamp: CardStamp): ProfileItem {
  refuseDuplicate(db, personId, input);
  const id = newId();
  stmt(
    db,
    `insert into profile_items
       (id, card_id, list, position, name, detail, year, start_date, end_date, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    personId,
    input.list,
    nextPosition(db, personId, input.list),
    ...columns(input),
    stamp.at,
    stamp.at,
    stamp.userId,
  );
  const after = itemById(db, id)!;
  writeAudit(db, { ...stamp, action: 'profile_add', entityType: 'person', entityId: personId, after });
  return after;
}

export function addItem(db: Db, input: ItemFields & { personId: string }, stamp: CardStamp): ProfileItem {
  return writeTransaction(db, () => {
    loadLiveProfilePerson(db, input.personId);
    const item = insertItem(db, input.personId, input, stamp);
    refreshCardIndexes(db, input.personId);
    return item;
  });
}

function loadItem(db: Db, id: string) {
  const row = itemRowById(db, id);
  if (!row) throw notFound(`Profil kaydı (${id})`);
  loadLiveProfilePerson(db, row.cardId);
  return row;
}

export function updateItem(
  db: Db,
  input: ItemFields & { id: string },
  stamp: CardStamp,
): ProfileItem & { personId: string } {
  return writeTransaction(db, () => {
    const { cardId: personId, ...before } = loadItem(db, input.id);
    if (before.list !== input.list) {
      throw invalidInput(`"${before.name}" ${LIST_NAMES[before.list]} listesinde; başka bir listeye taşınamaz.`, {
        list: `Bu kayıt ${LIST_NAMES[before.list]} listesinde`,
      });
    }
    refuseDuplicate(db, personId, input, input.id);
    stmt(
      db,
      `update profile_items set name = ?, detail = ?, year = ?, start_date = ?, end_date = ?, updated_at = ?
       where id = ?`,
    ).run(...columns(input), stamp.at, input.id);
    refreshCardIndexes(db, personId);
    const after = itemById(db, input.id)!;
    writeAudit(db, { ...stamp, action: 'profile_update', entityType: 'person', entityId: personId, before, after });
    return { ...after, personId };
  });
}

export function removeItem(db: Db, id: string, stamp: CardStamp): { id: string; personId: string } {
  return writeTransaction(db, () => {
    const { cardId: personId, ...before } = loadItem(db, id);
    stmt(db, 'delete from profile_items where id = ?').run(id);
    refreshCardIndexes(db, personId);
    writeAudit(db, { ...stamp, action: 'profile_remove', entityType: 'person', entityId: personId, before });
    return { id, personId };
  });
}
