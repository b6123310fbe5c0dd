/**
 * A notifications row as the contract shows it. "Late" is derived, not stored: a row delivered more than
 * LATE_AFTER_MS after it could first be shown was missed (the app was closed, its user away), and the UI says
 * so. It could be shown from its due time, or from when it was written if that was later: a reminder written
 * after its time (a meeting set up 20 minutes before it starts, with a 30-minute reminder) was not missed.
 */
import type { NotificationKind, NotificationOut } from '../../../src-shared/contract/planner';

/** Ten minutes: the poll (15 s) and a busy start never come close, a closed app does. */
export const LATE_AFTER_MS = 10 * 60_000;

export const NOTIFICATION_COLUMNS = `id, kind, entity_type as entityType, entity_id as entityId, subject,
  due_at as dueAt, delivered_at as deliveredAt, read_at as readAt, created_at as createdAt`;

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  entityType: NotificationOut['entityType'];
  entityId: string;
  subject: string;
  dueAt: string;
  deliveredAt: string | null;
  readAt: string | null;
  createdAt: string;
}

export function isLate(row: Pick<NotificationRow, 'dueAt' | 'deliveredAt' | 'createdAt'>): boolean {
  if (row.deliveredAt === null) return false;
  const shownFrom = Math.max(Date.parse(row.dueAt), Date.parse(row.createdAt));
  return Date.parse(row.deliveredAt) - shownFrom > LATE_AFTER_MS;
}

export function toNotificationOut({ createdAt, ...row }: NotificationRow): NotificationOut {
  return { ...row, late: isLate({ ...row, createdAt }) };
}
