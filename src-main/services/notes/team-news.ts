import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { notify } from '../planner/notify';

/**
 * A new note by, or with, someone of a manager's team is news for that manager: every manager of the author and
 * of the staff is told once (not the one who wrote it). Call inside the note's transaction; answers who was told.
 */
export function tellManagers(
  db: Db,
  input: { noteId: string; title: string; authorId: string; staffIds: readonly string[]; at: string },
): string[] {
  const people = JSON.stringify([input.authorId, ...input.staffIds]);
  const managers = stmt(
    db,
    `select distinct manager_id from users
     where id in (select value from json_each(?)) and manager_id is not null and manager_id <> ?`,
  )
    .pluck()
    .all(people, input.authorId) as string[];
  notify(db, {
    userIds: managers,
    kind: 'team_note',
    entityType: 'note',
    entityId: input.noteId,
    subject: input.title,
    dueAt: input.at,
    key: 'new',
    createdAt: input.at,
  });
  return managers;
}
