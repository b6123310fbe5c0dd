/**
 * How main words a notification where the renderer's i18n cannot reach: the desktop's own notifications
 * (Windows toast, macOS Notification Center). Turkish, the UI's first language.
 */
import type { NotificationKind, NotificationOut } from '../../../src-shared/contract/planner';

export const KIND_WORDS_TR: Record<NotificationKind, string> = {
  follow_up_due: 'Takip zamanı',
  task_due: 'Görev zamanı',
  event_starts: 'Toplantı yaklaşıyor',
  team_note: 'Ekipten yeni not',
  follow_up_assigned: 'Size takip verildi',
  task_assigned: 'Size görev verildi',
  task_comment: 'Göreve yorum',
  mail_received: 'Yeni e-posta',
};

export function desktopNotificationText(n: Pick<NotificationOut, 'kind' | 'subject' | 'late'>): {
  title: string;
  body: string;
} {
  const kind = KIND_WORDS_TR[n.kind];
  return { title: 'Kartotek', body: `${n.late ? `${kind} (kaçırılan)` : kind}: ${n.subject}` };
}
