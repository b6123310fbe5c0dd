/**
 * A notifications row as the contract shows it. "Late" is derived, not stored: a row delivered more than
 * LATE_AFTER_MS after it fell due was missed (the app was closed), and the UI says so.
 */
import type { NotificationKind, NotificationOut } from '../../../src-shared/contract/planner';

/** Ten minutes: the poll (15 s) and a busy start never come close, a closed app does. */
export const LATE_AFTER_MS = 10 * 60_000;

export const NOTIFICATION_COLUMNS = `id, kind, entity_type as entityType, entity_id as entityId, subject,
  due_at as dueAt, delivered_at as deliveredAt, read_at as readAt`;

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  entityType: NotificationOut['entityType'];
  entityId: string;
  subject: string;
  dueAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

export function isLate(dueAt: string, deliveredAt: string | null): boolean {
  return deliveredAt !== null && Date.parse(deliveredAt) - Date.parse(dueAt) > LATE_AFTER_MS;
}

export function toNotificationOut(row: NotificationRow): NotificationOut {
  return { ...row, late: isLate(row.dueAt, row.deliveredAt) };
}
