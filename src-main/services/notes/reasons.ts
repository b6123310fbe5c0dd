import { indexNote } from './note-index';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { newId } from '../../core/ids';
import { conflict, invalidInput, notFound } from '../../../src-shared/contract/errors';
import type { noteReasonOut } from '../../../src-shared/contract/notes';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { writeAudit } from '../audit/audit-log';
import { assertAdmin } from '../criteria/permissions';
import type { Actor } from '../documents/document-writes';

export type NoteReason = z.infer<typeof noteReasonOut>;

interface ReasonRow {
  id: string;
  name: string;
  archivedAt: string | null;
  inUse: number;
}

// inUse counts notes outside the recycle bin: what archiving a reason would leave pointing at it.
const SELECT_REASON = `select r.id, r.name, r.archived_at as archivedAt,
    (select count(*) from notes n where n.reason_id = r.id and n.deleted_at is null) as inUse
  from note_reasons r`;

const toReason = (row: ReasonRow): NoteReason => ({
  id: row.id,
  name: row.name,
  archived: row.archivedAt !== null,
  inUse: row.inUse,
});

/** Every reason in the admin's order, archived ones included (flagged). */
export function listReasons(db: Db): NoteReason[] {
  return (stmt(db, `${SELECT_REASON} order by r.position, r.id`).all() as ReasonRow[]).map(toReason);
}

function reasonRow(db: Db, id: string): ReasonRow {
  const row = stmt(db, `${SELECT_REASON} where r.id = ?`).get(id) as ReasonRow | undefined;
  if (!row) throw notFound(`Görüşme nedeni (${id})`);
  return row;
}

/** Adds a reason at the end of the list, or renames one; one reason per Turkish-folded spelling. */
export function saveReason(db: Db, actor: Actor, input: { id?: string | undefined; name: string }): NoteReason {
  assertAdmin(db, actor.userId, 'Görüşme nedenlerini değiştirmek');
  const folded = foldForSearch(input.name);
  if (folded === '') throw invalidInput('Görüşme nedeni boş olamaz.', { name: 'Görüşme nedeni boş olamaz' });
  return writeTransaction(db, () => {
    const before = input.id ? reasonRow(db, input.id) : undefined;
    const same = stmt(db, 'select id, name, archived_at as archivedAt from note_reasons where folded_name = ?').get(
      folded,
    ) as { id: string; name: string; archivedAt: string | null } | undefined;
    if (same && same.id !== input.id) {
      throw conflict(`"${same.name}" adında bir görüşme nedeni zaten var${same.archivedAt ? ' (arşivde)' : ''}.`);
    }
    let id = input.id;
    if (before) {
      stmt(db, 'update note_reasons set name = ?, folded_name = ?, updated_at = ? where id = ?').run(
        input.name,
        folded,
        actor.at,
        before.id,
      );
      // The reason's name is in the search title of every note that has it.
      for (const { id: noteId } of stmt(db, 'select id from notes where reason_id = ?').all(before.id) as {
        id: string;
      }[])
        indexNote(db, noteId);
    } else {
      id = newId();
      const { next } = stmt(db, 'select coalesce(max(position), 0) + 1 as next from note_reasons').get() as {
        next: number;
      };
      stmt(
        db,
        `insert into note_reasons (id, name, folded_name, position, created_at, updated_at, created_by)
         values (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.name, folded, next, actor.at, actor.at, actor.userId);
    }
    const saved = toReason(reasonRow(db, id!));
    writeAudit(db, {
      ...actor,
      action: 'note_reason',
      entityType: 'note_reason',
      entityId: saved.id,
      before: before ? { name: before.name } : undefined,
      after: { name: saved.name },
    });
    return saved;
  });
}

/** Archived reasons stay on the notes that have them but cannot be chosen for new ones. */
export function archiveReason(db: Db, actor: Actor, input: { id: string; archived: boolean }): NoteReason {
  assertAdmin(db, actor.userId, 'Görüşme nedenlerini arşivlemek');
  return writeTransaction(db, () => {
    const before = reasonRow(db, input.id);
    if ((before.archivedAt !== null) === input.archived) return toReason(before);
    stmt(db, 'update note_reasons set archived_at = ?, updated_at = ? where id = ?').run(
      input.archived ? actor.at : null,
      actor.at,
      before.id,
    );
    writeAudit(db, {
      ...actor,
      action: 'note_reason',
      entityType: 'note_reason',
      entityId: before.id,
      before: { name: before.name, archived: before.archivedAt !== null },
      after: { name: before.name, archived: input.archived },
    });
    return toReason(reasonRow(db, before.id));
  });
}
