import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';
import { auditLog, users } from '../../db/schema';
import { newId } from '../../core/ids';

/**
 * What a change was. The card's history shows each with its own words
 * (i18n `cards.audit.<action>`), falling back to the action's name.
 */
export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'link'
  | 'update_link'
  | 'unlink'
  | 'relate'
  | 'unrelate'
  | 'merge'
  | 'unmerge'
  | 'import'
  | 'profile_add'
  | 'profile_update'
  | 'profile_remove'
  | 'set_criteria'
  | 'set_tags'
  | 'note'
  | 'segment_save'
  | 'segment_delete'
  | 'criteria_define'
  | 'duplicate_dismiss'
  | 'duplicate_undismiss'
  | 'document_add'
  | 'document_remove'
  | 'document_version'
  | 'document_rename'
  | 'document_tags'
  | 'folder_watch'
  | 'folder_unwatch'
  | 'inbox_discard'
  | 'note_add'
  | 'note_change'
  | 'note_delete'
  | 'note_restore'
  | 'note_reason'
  | 'calendar_save'
  | 'calendar_archive'
  | 'event_add'
  | 'event_change'
  | 'event_delete'
  | 'event_restore'
  | 'event_import'
  | 'follow_up_add'
  | 'follow_up_done'
  | 'follow_up_cancel'
  | 'follow_up_reopen'
  | 'follow_up_move'
  | 'follow_up_hand_over'
  | 'task_add'
  | 'task_change'
  | 'task_status'
  | 'task_snooze'
  | 'task_reassign'
  | 'task_checklist'
  | 'task_comment'
  | 'task_delete'
  | 'task_restore'
  | 'user_switch'
  | 'mail_file'
  | 'mail_unlink'
  | 'mail_address_add'
  | 'mail_send'
  | 'mailing_create'
  | 'mailing_start'
  | 'mailing_pause'
  | 'mailing_resume'
  | 'mailing_cancel'
  | 'mailing_resend'
  | 'template_save'
  | 'template_delete'
  | 'sms_account_save'
  | 'sms_account_remove';

export interface AuditRecord {
  userId: string;
  at: string;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row. Call it inside the transaction of the change it records. */
export function writeAudit(db: Db, record: AuditRecord): void {
  stmt(
    db,
    `insert into audit_log (id, at, user_id, action, entity_type, entity_id, before, after)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    record.at,
    record.userId,
    record.action,
    record.entityType,
    record.entityId,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  );
}

/**
 * A change to a link between two cards (person–institution, institution–
 * institution) belongs to the history of both: one row each, so each card's
 * history (audit.list by card id) shows it.
 */
export function writeLinkAudit(
  db: Db,
  record: Omit<AuditRecord, 'entityType' | 'entityId'>,
  cards: { type: string; id: string }[],
): void {
  for (const card of cards) writeAudit(db, { ...record, entityType: card.type, entityId: card.id });
}

export function listAudit(db: Db, input: { entityId?: string | undefined; limit: number }) {
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(input.entityId ? eq(auditLog.entityId, input.entityId) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(input.limit)
    .all();
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}
