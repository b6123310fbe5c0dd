import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import { writeTransaction } from '../../db/transaction';
import { notFound } from '../../../src-shared/contract/errors';
import type { Measurement } from '../../../src-shared/contract/profile';
import { writeAudit } from '../audit/audit-log';
import type { CardStamp } from '../cards/card-rows';
import { loadLiveProfilePerson } from './profile-person';
import { measurementRowById, toMeasurement } from './profile-rows';

export interface MeasurementValues {
  measuredOn: string;
  heightCm?: number | undefined;
  weightKg?: number | undefined;
  shirtSize?: string | undefined;
  trouserSize?: string | undefined;
  jacketSize?: string | undefined;
  shoeSize?: string | undefined;
  note?: string | undefined;
}

const columns = (m: MeasurementValues) => [
  m.measuredOn,
  m.heightCm ?? null,
  m.weightKg ?? null,
  m.shirtSize ?? null,
  m.trouserSize ?? null,
  m.jacketSize ?? null,
  m.shoeSize ?? null,
  m.note ?? null,
];

// Audit rows say which list changed, as profile items do with their `list`.
const audited = (m: Measurement) => ({ list: 'measurement', ...m });

/**
 * Measurements are not searchable text, so unlike the other lists they leave
 * the search index alone.
 */
export function insertMeasurement(db: Db, personId: string, input: MeasurementValues, stamp: CardStamp): Measurement {
  const id = newId();
  stmt(
    db,
    `insert into body_measurements (id, card_id, measured_on, height_cm, weight_kg, shirt_size, trouser_size,
       jacket_size, shoe_size, note, created_at, updated_at, created_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, personId, ...columns(input), stamp.at, stamp.at, stamp.userId);
  const after = toMeasurement(measurementRowById(db, id)!);
  writeAudit(db, { ...stamp, action: 'profile_add', entityType: 'person', entityId: personId, after: audited(after) });
  return after;
}

export function addMeasurement(db: Db, input: MeasurementValues & { personId: string }, stamp: CardStamp): Measurement {
  return writeTransaction(db, () => {
    loadLiveProfilePerson(db, input.personId);
    return insertMeasurement(db, input.personId, input, stamp);
  });
}

function loadMeasurement(db: Db, id: string) {
  const row = measurementRowById(db, id);
  if (!row) throw notFound(`Ölçüm kaydı (${id})`);
  loadLiveProfilePerson(db, row.cardId);
  return row;
}

export function updateMeasurement(
  db: Db,
  input: MeasurementValues & { id: string },
  stamp: CardStamp,
): Measurement & { personId: string } {
  return writeTransaction(db, () => {
    const row = loadMeasurement(db, input.id);
    stmt(
      db,
      `update body_measurements set measured_on = ?, height_cm = ?, weight_kg = ?, shirt_size = ?, trouser_size = ?,
         jacket_size = ?, shoe_size = ?, note = ?, updated_at = ?
       where id = ?`,
    ).run(...columns(input), stamp.at, input.id);
    const after = toMeasurement(measurementRowById(db, input.id)!);
    writeAudit(db, {
      ...stamp,
      action: 'profile_update',
      entityType: 'person',
      entityId: row.cardId,
      before: audited(toMeasurement(row)),
      after: audited(after),
    });
    return { ...after, personId: row.cardId };
  });
}

export function removeMeasurement(db: Db, id: string, stamp: CardStamp): { id: string; personId: string } {
  return writeTransaction(db, () => {
    const row = loadMeasurement(db, id);
    stmt(db, 'delete from body_measurements where id = ?').run(id);
    writeAudit(db, {
      ...stamp,
      action: 'profile_remove',
      entityType: 'person',
      entityId: row.cardId,
      before: audited(toMeasurement(row)),
    });
    return { id, personId: row.cardId };
  });
}
