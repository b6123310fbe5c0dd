import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import {
  inverseRelation,
  type Measurement,
  type Profile,
  type ProfileItem,
  type ProfileList,
  type Relative,
  type RelativeKind,
} from '../../../src-shared/contract/profile';

const ITEM_COLUMNS = `id, card_id as cardId, list, name, detail, year, start_date as startDate, end_date as endDate`;

type ItemRow = ProfileItem & { cardId: string };

const toItem = ({ cardId: _cardId, ...item }: ItemRow): ProfileItem => item;

/** One item with the card it belongs to (for checks and audit). */
export function itemRowById(db: Db, id: string): ItemRow | undefined {
  return stmt(db, `select ${ITEM_COLUMNS} from profile_items where id = ?`).get(id) as ItemRow | undefined;
}

export function itemById(db: Db, id: string): ProfileItem | undefined {
  const row = itemRowById(db, id);
  return row && toItem(row);
}

/**
 * All simple-list items of a person in the order they were added, except
 * schools, which read best as a CV: by graduation year, undated ones last.
 */
export function itemsOf(db: Db, cardId: string): ProfileItem[] {
  return (
    stmt(
      db,
      `select ${ITEM_COLUMNS} from profile_items where card_id = ?
       order by list, case when list = 'school' then coalesce(year, 9999) else 0 end, position`,
    ).all(cardId) as ItemRow[]
  ).map(toItem);
}

export function itemsOfList(db: Db, cardId: string, list: ProfileList): ProfileItem[] {
  return itemsOf(db, cardId).filter((i) => i.list === list);
}

export function nextPosition(db: Db, cardId: string, list: ProfileList): number {
  const row = stmt(
    db,
    'select coalesce(max(position), -1) + 1 as next from profile_items where card_id = ? and list = ?',
  ).get(cardId, list) as { next: number };
  return row.next;
}

const MEASUREMENT_COLUMNS = `id, card_id as cardId, measured_on as measuredOn, height_cm as heightCm,
  weight_kg as weightKg, shirt_size as shirtSize, trouser_size as trouserSize, jacket_size as jacketSize,
  shoe_size as shoeSize, note`;

type MeasurementRow = Measurement & { cardId: string };

export function measurementRowById(db: Db, id: string): MeasurementRow | undefined {
  return stmt(db, `select ${MEASUREMENT_COLUMNS} from body_measurements where id = ?`).get(id) as
    MeasurementRow | undefined;
}

export const toMeasurement = ({ cardId: _cardId, ...m }: MeasurementRow): Measurement => m;

/** Newest first; two on one day in the order they were written (ids are time-ordered). */
export function measurementsOf(db: Db, cardId: string): Measurement[] {
  return (
    stmt(
      db,
      `select ${MEASUREMENT_COLUMNS} from body_measurements where card_id = ? order by measured_on desc, id desc`,
    ).all(cardId) as MeasurementRow[]
  ).map(toMeasurement);
}

export interface RelativeRow {
  id: string;
  personId: string;
  relativeId: string;
  relation: RelativeKind;
  note: string | null;
}

export function relativeRowById(db: Db, id: string): RelativeRow | undefined {
  return stmt(
    db,
    `select id, person_id as personId, relative_id as relativeId, relation, note from person_relatives where id = ?`,
  ).get(id) as RelativeRow | undefined;
}

/** The other person of a link, as the card shows them. */
export interface RelativePerson {
  displayName: string;
  gender: 'female' | 'male' | null;
}

/** The link as seen from one of its two persons: the other one, and what they are to `fromId`. */
export function relativeSeenFrom(row: RelativeRow, fromId: string, other: RelativePerson): Relative {
  const stored = row.personId === fromId;
  return {
    id: row.id,
    relativeId: stored ? row.relativeId : row.personId,
    relativeName: other.displayName,
    relativeGender: other.gender,
    relation: stored ? row.relation : inverseRelation(row.relation),
    note: row.note,
  };
}

export function relativePerson(db: Db, id: string): RelativePerson {
  return stmt(
    db,
    'select c.display_name as displayName, p.gender from cards c join persons p on p.card_id = c.id where c.id = ?',
  ).get(id) as RelativePerson;
}

/** Relatives of a person from both directions of storage, hiding those in the recycle bin; by name. */
export function relativesOf(db: Db, personId: string): Relative[] {
  const rows = stmt(
    db,
    `select r.id, r.person_id as personId, r.relative_id as relativeId, r.relation, r.note,
         c.display_name as displayName, p.gender, c.sort_key as sortKey
       from person_relatives r join cards c on c.id = r.relative_id join persons p on p.card_id = c.id
       where r.person_id = ? and c.deleted_at is null
     union all
     select r.id, r.person_id, r.relative_id, r.relation, r.note, c.display_name, p.gender, c.sort_key
       from person_relatives r join cards c on c.id = r.person_id join persons p on p.card_id = c.id
       where r.relative_id = ? and c.deleted_at is null
     order by sortKey`,
  ).all(personId, personId) as (RelativeRow & RelativePerson)[];
  return rows.map((r) => relativeSeenFrom(r, personId, r));
}

export function readProfile(db: Db, personId: string): Profile {
  const items = itemsOf(db, personId);
  const of = (list: ProfileList) => items.filter((i) => i.list === list);
  return {
    personId,
    hobbies: of('hobby'),
    associations: of('association'),
    schools: of('school'),
    languages: of('language'),
    relatives: relativesOf(db, personId),
    measurements: measurementsOf(db, personId),
  };
}
