import type { Db } from '../../db/connection';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { notFound } from '../../../src-shared/contract/errors';

/** One event as agenda.getEvent answers it, seen by `userId` (canEdit). */
export function getEventOut(_db: Db, id: string, _userId: string): EventOut {
  throw notFound(`Etkinlik (${id})`); // placeholder until the agenda module fills it in
}
