/**
 * Writing notifications (reminders and news) for users. Services call these inside their own transactions, so a
 * follow-up and its reminder are written together; the reminder job delivers rows once they are due.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { newId } from '../../core/ids';
import type { NotificationKind } from '../../../src-shared/contract/planner';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  entityType: 'follow_up' | 'task' | 'note' | 'event' | 'mail';
  entityId: string;
  subject: string;
  /** When it should appear (UTC ISO); now for news. */
  dueAt: string;
  /**
   * What makes this notification one of a kind for a user besides kind and entity (a reminder: its due time; a
   * comment: the comment id). The same key twice writes one row, so a reminder never fires twice.
   */
  key: string;
  createdAt: string;
}

/** Adds one notification per user; a row with the same kind, entity, user and key is kept as it was. */
export function notify(db: Db, input: NotifyInput): void {
  const insert = stmt(
    db,
    `insert into notifications (id, user_id, kind, entity_type, entity_id, subject, due_at, dedupe_key, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
  );
  for (const userId of new Set(input.userIds)) {
    const dedupeKey = `${input.kind}:${input.entityId}:${userId}:${input.key}`;
    insert.run(
      newId(),
      userId,
      input.kind,
      input.entityType,
      input.entityId,
      input.subject,
      input.dueAt,
      dedupeKey,
      input.createdAt,
    );
  }
}

/**
 * Drops reminders of a thing that have not been delivered yet (it was moved, done, handed over or deleted);
 * delivered ones stay as history. Optionally only some kinds, or only for some users.
 */
export function cancelPendingNotifications(
  db: Db,
  entityType: NotifyInput['entityType'],
  entityId: string,
  kinds?: readonly NotificationKind[],
): void {
  const rows = stmt(
    db,
    'select id, kind from notifications where entity_type = ? and entity_id = ? and delivered_at is null',
  ).all(entityType, entityId) as { id: string; kind: NotificationKind }[];
  const remove = stmt(db, 'delete from notifications where id = ?');
  for (const row of rows) if (!kinds || kinds.includes(row.kind)) remove.run(row.id);
}
